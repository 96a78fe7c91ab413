"""The dedup benchmark's metrics, and a floor on its gold-derived upper bound."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "dedup_gva.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("dedup_gva", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("dedup_gva", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def test_gva_bench_bcubed_and_pairwise_by_hand():
    gold = {"a": "1", "b": "1", "c": "2"}
    merged = {"a": "x", "b": "x", "c": "x"}
    b3 = bench.bcubed(merged, gold)
    assert b3.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert b3.recall == 1.0
    pw = bench.pairwise(merged, gold)
    assert (pw.precision, pw.recall) == (pytest.approx(1 / 3), 1.0)
    assert bench.bcubed(gold, gold).f1 == 1.0


@pytest.mark.shared
@pytest.mark.skipif(not bench.DEFAULT_PATH.exists(), reason="needs ../shared/data")
def test_gva_bench_upper_bound_meets_target(capsys):
    assert bench.main(["--limit", "800", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["bcubed"]["f1"] >= 0.9
    assert report["events"] <= report["articles"]
