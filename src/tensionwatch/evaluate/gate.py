"""Extraction-quality gate: recompute benchmark scores and fail below pinned floors.

Modelled on trafilatura's ``tests/eval_gate.py``. ``tests/eval_baseline.json`` pins, per
corpus, a sha256 of the gold files (so an edited gold set is noticed, not silently scored)
and a floor per metric (F1 or accuracy, rounded to 4 decimals)::

    {"corpora": {"seed": "<sha256>", ...}, "floors": {"seed": {"incident": 0.0, ...}, ...}}

Corpora (paths relative to the shared data root, see :func:`~.common.find_data_root`):

- ``seed``: the tensionwatch gold folder ``seed/`` (:mod:`.gold`);
- ``muc4_dev``: MUC-4 dev = TST1+TST2, 200 documents (:mod:`.muc4`);
- ``gva_sample``: 150 GVA articles drawn with seed 2018 (:mod:`.gva`);
- ``wikievents_dev``: the 20 WikiEvents dev documents (:mod:`.wikievents`).

Run ``python -m tensionwatch.evaluate.gate`` to check, ``--update`` to re-pin after an
intended change: it re-pins the checksums but refuses to lower a floor without
``--allow-regression``. The pytest side is ``tests/evaluate/test_eval_gate.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tensionwatch.evaluate import gold, gva, muc4, wikievents
from tensionwatch.evaluate.common import ExtractFn, Report, find_data_root, load_extract_fn

GVA_SAMPLE = 150
GVA_SEED = 2018
DIGITS = 4


@dataclass(frozen=True)
class Corpus:
    """A pinned benchmark: which files it reads and how it is scored."""

    name: str
    files: Callable[[Path], list[Path]]
    measure: Callable[[Path, ExtractFn], Report]


def _measure_seed(root: Path, extract_fn: ExtractFn) -> Report:
    return gold.evaluate_gold(gold.load_gold(root / "seed"), extract_fn)[0]


def _measure_muc4(root: Path, extract_fn: ExtractFn) -> Report:
    docs = muc4.load_muc4(root / "muc4", "dev")
    if muc4.tagger_installed():  # the system `tensionwatch eval muc4` runs by default
        templates = muc4.predict_muc4_tagged(docs, muc4.load_analyze_fn(), extract_fn)
    else:
        templates = muc4.predict_muc4(docs, extract_fn)
    return muc4.evaluate_muc4(docs, muc4.as_predictions(templates))


def _measure_gva(root: Path, extract_fn: ExtractFn) -> Report:
    articles = gva.sample_articles(gva.load_gva(root / "gva_semeval2018t5"), GVA_SAMPLE, GVA_SEED)
    return gva.evaluate_gva(articles, extract_fn)[0]


def _measure_wikievents(root: Path, extract_fn: ExtractFn) -> Report:
    docs = wikievents.load_wikievents(root / "wikievents", "dev")
    return wikievents.evaluate_wikievents(docs, extract_fn)[0]


CORPORA: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus("seed", lambda root: gold.gold_files(root / "seed"), _measure_seed),
        Corpus(
            "muc4_dev",
            lambda root: [
                root / "muc4" / "normalized" / "dev.jsonl",
                root / "muc4" / "grit_processed" / "dev.json",
            ],
            _measure_muc4,
        ),
        Corpus(
            "gva_sample",
            lambda root: [root / "gva_semeval2018t5" / "normalized" / "all.jsonl"],
            _measure_gva,
        ),
        Corpus(
            "wikievents_dev",
            lambda root: [root / "wikievents" / "normalized" / "dev.jsonl"],
            _measure_wikievents,
        ),
    )
}


@dataclass
class Baseline:
    corpora: dict[str, str] = field(default_factory=dict)
    floors: dict[str, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            corpora={str(k): str(v) for k, v in data["corpora"].items()},
            floors={
                str(c): {str(m): float(v) for m, v in metrics.items()}
                for c, metrics in data["floors"].items()
            },
        )

    def save(self, path: Path) -> None:
        data = {"corpora": self.corpora, "floors": self.floors}
        path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def corpus_sha(root: Path, files: Sequence[Path]) -> str:
    """sha256 over each file's path relative to ``root`` and its bytes, in the given order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def measured_scores(report: Report) -> dict[str, float]:
    return {name: round(value, DIGITS) for name, value in sorted(report.scores().items())}


def regressions(measured: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """Why ``measured`` fails ``floors``: a metric below its floor, or a pinned one missing.

    Metrics without a floor (new ones) pass; ``--update`` pins them.
    """
    problems = []
    for name, floor in sorted(floors.items()):
        if name not in measured:
            problems.append(f"{name}: pinned but no longer measured")
        elif measured[name] < floor:
            diff = measured[name] - floor
            problems.append(f"{name}: {measured[name]:.4f} < floor {floor:.4f} ({diff:+.4f})")
    return problems


def repin(
    path: Path,
    baseline: Baseline,
    measured: Mapping[str, Mapping[str, float]],
    shas: Mapping[str, str],
    allow_regression: bool = False,
) -> int:
    """Write new checksums and, unless that lowers a floor, new floors; the exit code."""
    drops = {
        name: regressions(scores, baseline.floors.get(name, {}))
        for name, scores in measured.items()
    }
    refused = {name: problems for name, problems in drops.items() if problems}
    baseline.corpora.update(shas)
    if not refused or allow_regression:
        for name, scores in measured.items():
            baseline.floors[name] = dict(scores)
    baseline.save(path)
    if refused and not allow_regression:
        print("re-pinned checksums only; refusing to lower floors:")
        for name, problems in refused.items():
            print("\n".join(f"  {name}.{p}" for p in problems))
        print("fix the regression, or re-run with --allow-regression to accept the lower bar")
        return 1
    print(f"re-pinned {', '.join(sorted(measured))} in {path}")
    return 0


def main(argv: Sequence[str] | None = None, extract_fn: ExtractFn | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tensionwatch.evaluate.gate")
    parser.add_argument("--baseline", type=Path, default=Path("tests/eval_baseline.json"))
    parser.add_argument("--data", type=Path, default=None, help="shared data root")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), default=None)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    args = parser.parse_args(argv)
    root = args.data or find_data_root()
    if root is None:
        print("no shared data: set TENSIONWATCH_SHARED_DATA or check out ../shared/data")
        return 2
    baseline = Baseline.load(args.baseline)
    names = args.corpus or sorted(CORPORA)
    shas = {name: corpus_sha(root, CORPORA[name].files(root)) for name in names}
    changed = [n for n in names if baseline.corpora.get(n) != shas[n]]
    if changed and not args.update:
        print(f"gold changed for {', '.join(changed)}: re-measure and re-pin with --update")
        return 1
    fn = extract_fn or load_extract_fn()
    measured = {name: measured_scores(CORPORA[name].measure(root, fn)) for name in names}
    if args.update:
        return repin(args.baseline, baseline, measured, shas, args.allow_regression)
    failed = False
    for name in names:
        floors = baseline.floors.get(name, {})
        problems = regressions(measured[name], floors)
        failed = failed or bool(problems)
        print(f"{name}: {'FAIL' if problems else 'ok'}")
        for metric, value in measured[name].items():
            floor = floors.get(metric)
            pinned = f"floor {floor:.4f}" if floor is not None else "no floor"
            print(f"  {metric:<28} {value:.4f}  ({pinned})")
        for problem in problems:
            print(f"  FAIL {problem}")
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
