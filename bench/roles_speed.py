"""Role-tagger speed: documents/s and words/s on one core, model load time, peak memory.

Usage: python bench/roles_speed.py [--docs N] [--threads T]
Runs the shipped ONNX role tagger over MUC-4 dev texts from ../shared/data when present (the
documents it is evaluated on), else over the project's sample corpus, repeated to N documents.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TENSIONWATCH_SHARED_DATA", REPO.parent / "shared" / "data"))


def corpus(n: int) -> list[str]:
    texts: list[str] = []
    dev = SHARED / "muc4" / "normalized" / "dev.jsonl"
    if dev.is_file():
        with dev.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("samples/articles/*.txt"))]
    while len(texts) < n:
        texts.extend(texts[: n - len(texts)])
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    from tensionwatch.extract.roles.tagger import RoleTagger, TaggerOptions

    texts = corpus(args.docs)
    started = time.perf_counter()
    tagger = RoleTagger(TaggerOptions(threads=args.threads))
    load = time.perf_counter() - started
    started = time.perf_counter()
    spans = sum(len(tagger.analyze(text).spans) for text in texts)
    seconds = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": len(texts),
                "threads": args.threads,
                "docs_per_s": round(len(texts) / seconds, 1),
                "words_per_s": round(words / seconds),
                "mean_words": round(words / len(texts)),
                "spans": spans,
                "load_s": round(load, 2),
                "peak_mib": round(peak),
            }
        )
    )


if __name__ == "__main__":
    main()
