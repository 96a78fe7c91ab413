"""``Pipeline``: the ingest → extract → store flow as one object for the CLI, API and scripts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tensionwatch.batch.local import Outcome, extract_many, extract_parallel
from tensionwatch.extract.component import EXTRACTOR_VERSION
from tensionwatch.extract.pipeline import Extractor, ExtractorOptions
from tensionwatch.ingest import IngestOptions, IngestReport, read_paths
from tensionwatch.store.repository import Store

Progress = Callable[[int], None]


@dataclass
class BatchSummary:
    articles: int = 0
    incidents: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


class Pipeline:
    def __init__(
        self,
        store: Store,
        *,
        extractor: Extractor | None = None,
        options: ExtractorOptions | None = None,
    ) -> None:
        self.store = store
        self.options = options or ExtractorOptions()
        self._extractor = extractor

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self.options)
        return self._extractor

    def ingest(
        self, paths: Sequence[str | Path], options: IngestOptions, stdin: TextIO | None = None
    ) -> tuple[IngestReport, int, int]:
        """Read sources and store their articles; returns (report, added, already stored)."""
        report = read_paths(paths, options, stdin=stdin)
        result = self.store.add_articles(report.articles)
        return report, result.added, result.existing

    def extract_pending(
        self,
        *,
        limit: int | None = None,
        workers: int = 1,
        progress: Progress | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> BatchSummary:
        pending = self.store.pending_articles(EXTRACTOR_VERSION, limit)
        if on_start is not None:
            on_start(len(pending))
        summary = BatchSummary()
        if not pending:
            return summary
        outcomes = (
            extract_parallel(pending, self.options, workers)
            if workers > 1 and len(pending) > 1
            else extract_many(self.extractor, pending)
        )
        for outcome in outcomes:
            self._save(outcome, summary)
            if progress is not None:
                progress(1)
        return summary

    def _save(self, outcome: Outcome, summary: BatchSummary) -> None:
        summary.articles += 1
        if outcome.error is not None:
            self.store.record_failure(outcome.article_id, EXTRACTOR_VERSION, outcome.error)
            summary.failed.append((outcome.article_id, outcome.error))
            return
        self.store.replace_incidents(outcome.article_id, outcome.incidents, EXTRACTOR_VERSION)
        summary.incidents += len(outcome.incidents)
