"""Extraction speed: articles/s and words/s per core, and peak memory.

Usage: python bench/extract_speed.py [--articles N] [--workers W]
Uses the project's sample corpus, plus Gun Violence Archive news articles from
../shared/data when present (real article lengths), repeated to N articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TENSIONWATCH_SHARED_DATA", REPO.parent / "shared" / "data"))


def corpus(n: int) -> list[tuple[str, date | None, str, str | None]]:
    """(text, published, id, title): titles too, since the extractor reads a headline when
    the body has no incident or places its lead incident in no town."""
    from tensionwatch.ingest import IngestOptions, read_paths

    texts: list[tuple[str, date | None, str, str | None]] = []
    gva = SHARED / "gva_semeval2018t5" / "normalized" / "all.jsonl"
    if gva.is_file():
        with gva.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("text"):
                    texts.append(
                        (
                            record["text"],
                            date.fromisoformat(record["date"][:10]) if record.get("date") else None,
                            "",
                            record.get("title"),
                        )
                    )
                if len(texts) >= n:
                    break
    if len(texts) < n:
        report = read_paths(
            sorted(str(p) for p in (REPO / "samples" / "articles").glob("*.txt")), IngestOptions()
        )
        texts.extend((a.text, a.published, "", a.title) for a in report.articles)
    while len(texts) < n:
        texts.extend(texts[: n - len(texts)])
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    from tensionwatch.batch.local import extract_parallel
    from tensionwatch.extract.pipeline import Extractor, ExtractorOptions
    from tensionwatch.models import Article, article_id

    texts = corpus(args.articles)
    words = sum(len(t[0].split()) for t in texts)
    start = time.perf_counter()
    extractor = Extractor()
    load = time.perf_counter() - start
    start = time.perf_counter()
    incidents = sum(len(i) for i in extractor.pipe(texts))
    single = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} articles, {words} words ({words / len(texts):.0f} words/article)")
    print(f"model load: {load:.1f} s; peak RSS (1 process): {peak_mb:.0f} MiB")
    print(
        f"1 process : {len(texts) / single:.1f} articles/s, {words / single:,.0f} words/s, "
        f"{incidents} incidents"
    )
    if args.workers > 1:
        articles = [
            Article(id=article_id(t, str(i)), text=t, published=p, title=title)
            for i, (t, p, _, title) in enumerate(texts)
        ]
        start = time.perf_counter()
        outcomes = list(extract_parallel(articles, ExtractorOptions(), args.workers))
        multi = time.perf_counter() - start
        print(
            f"{args.workers} processes: {len(outcomes) / multi:.1f} articles/s "
            f"({len(outcomes) / multi / args.workers:.1f} per core, "
            "including model load per worker)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
