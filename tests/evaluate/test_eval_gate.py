"""The extraction-quality gate (STYLE habit 11; model: trafilatura tests/eval_gate.py).

The unit tests cover checksum pinning and re-pinning without data. ``test_eval_gate_checksum``
needs the shared data; ``test_eval_gate_floors`` also runs the real extractor over each pinned
corpus (MUC-4 dev: 200 documents, about a minute) and fails if a metric drops below its floor.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tensionwatch.evaluate import gate
from tensionwatch.evaluate.common import Report

BASELINE = Path(__file__).resolve().parents[1] / "eval_baseline.json"


# ----------------------------------------------------------------------------- unit


def test_eval_gate_corpus_sha_stable_and_reacts(tmp_path):
    (tmp_path / "a").mkdir()
    one = tmp_path / "a" / "x.txt"
    one.write_bytes(b"alpha")
    first = gate.corpus_sha(tmp_path, [one])
    assert first == gate.corpus_sha(tmp_path, [one]) and len(first) == 64
    one.write_bytes(b"alphb")
    assert gate.corpus_sha(tmp_path, [one]) != first
    one.write_bytes(b"alpha")
    moved = tmp_path / "a" / "y.txt"
    one.rename(moved)
    assert gate.corpus_sha(tmp_path, [moved]) != first  # the path is part of the digest


def test_eval_gate_regressions():
    floors = {"incident": 0.5, "type": 0.4}
    assert gate.regressions({"incident": 0.5, "type": 0.41, "new": 0.0}, floors) == []
    assert gate.regressions({"incident": 0.4999, "type": 0.5}, floors) == [
        "incident: 0.4999 < floor 0.5000 (-0.0001)"
    ]
    assert gate.regressions({"incident": 0.9}, floors) == ["type: pinned but no longer measured"]


def _baseline(tmp_path, floors):
    path = tmp_path / "baseline.json"
    baseline = gate.Baseline({"seed": "old"}, {"seed": floors})
    baseline.save(path)
    return path, baseline


def test_eval_gate_repin_writes_floors_and_checksums(tmp_path):
    path, baseline = _baseline(tmp_path, {"incident": 0.1})
    assert (
        gate.repin(path, baseline, {"seed": {"incident": 0.75, "type": 0.5}}, {"seed": "new"}) == 0
    )
    written = json.loads(path.read_text())
    assert written == {
        "corpora": {"seed": "new"},
        "floors": {"seed": {"incident": 0.75, "type": 0.5}},
    }


def test_eval_gate_repin_refuses_to_lower_a_floor(tmp_path, capsys):
    path, baseline = _baseline(tmp_path, {"incident": 0.9})
    assert gate.repin(path, baseline, {"seed": {"incident": 0.75}}, {"seed": "new"}) == 1
    written = json.loads(path.read_text())
    assert written["floors"] == {"seed": {"incident": 0.9}}  # untouched
    assert written["corpora"] == {"seed": "new"}  # checksum still re-pinned
    assert "incident: 0.7500 < floor 0.9000" in capsys.readouterr().out
    assert gate.repin(path, baseline, {"seed": {"incident": 0.75}}, {}, allow_regression=True) == 0
    assert json.loads(path.read_text())["floors"] == {"seed": {"incident": 0.75}}


def _mini_root(tmp_path):
    """A data root holding only a seed gold folder with one article and one incident."""
    seed = tmp_path / "data" / "seed"
    seed.mkdir(parents=True)
    gold = {
        "articles": {
            "a.txt": {"published": "2024-01-02", "incidents": [{"key": "k", "type": "assault"}]}
        },
        "links": [],
    }
    (seed / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (seed / "a.txt").write_text(" date 2024-01-02 A man was beaten.", encoding="utf-8")
    return tmp_path / "data"


def test_eval_gate_main_checks_repins_and_detects_changes(tmp_path, make_incident, capsys):
    root = _mini_root(tmp_path)
    path = tmp_path / "baseline.json"
    gate.Baseline({}, {}).save(path)
    hit = lambda *_: [make_incident("assault", id="p")]  # noqa: E731
    miss = lambda *_: []  # noqa: E731
    argv = ["--baseline", str(path), "--data", str(root), "--corpus", "seed"]
    assert gate.main(argv, extract_fn=hit) == 1  # never pinned: the checksum differs
    assert gate.main([*argv, "--update"], extract_fn=hit) == 0
    assert json.loads(path.read_text())["floors"]["seed"]["incident"] == 1.0
    assert gate.main(argv, extract_fn=hit) == 0
    assert gate.main(argv, extract_fn=miss) == 1
    assert "seed: FAIL" in capsys.readouterr().out
    (root / "seed" / "a.txt").write_text(" date 2024-01-02 Edited.", encoding="utf-8")
    assert gate.main(argv, extract_fn=hit) == 1
    assert "gold changed for seed" in capsys.readouterr().out


def test_eval_gate_shipped_baseline_covers_every_corpus():
    baseline = gate.Baseline.load(BASELINE)
    assert set(baseline.corpora) == set(gate.CORPORA) == set(baseline.floors)
    assert all(len(sha) == 64 for sha in baseline.corpora.values())
    for floors in baseline.floors.values():
        assert floors and all(0.0 <= value <= 1.0 for value in floors.values())


# ----------------------------------------------------------------------------- shared data


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(gate.CORPORA))
def test_eval_gate_checksum(data_root, name):
    files = gate.CORPORA[name].files(data_root)
    assert gate.corpus_sha(data_root, files) == gate.Baseline.load(BASELINE).corpora[name], (
        f"gold files of {name} changed: re-measure and re-pin with "
        "`python -m tensionwatch.evaluate.gate --update`"
    )


@pytest.fixture(scope="module")
def real_extract_fn(extractor):
    """The session's loaded extractor (tests/conftest.py); skips when spaCy's model is absent."""
    return extractor.extract


def _n_gold(report: Report) -> float:
    return sum(prf.r_den for prf in report.prf.values()) + sum(
        acc.total for acc in report.accuracy.values()
    )


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize("name", sorted(gate.CORPORA))
def test_eval_gate_floors(data_root, real_extract_fn, name):
    floors = gate.Baseline.load(BASELINE).floors[name]
    report = gate.CORPORA[name].measure(data_root, real_extract_fn)
    measured = gate.measured_scores(report)
    assert _n_gold(report) > 0
    assert set(floors) <= set(measured)
    assert gate.regressions(measured, floors) == []


def test_eval_gate_mini_root_is_self_contained(tmp_path):
    root = _mini_root(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    files = gate.CORPORA["seed"].files(root)
    assert gate.corpus_sha(root, files) == gate.corpus_sha(copy, gate.CORPORA["seed"].files(copy))
