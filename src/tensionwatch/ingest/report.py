"""A whole ingest run collected: articles de-duplicated by id, problems kept in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tensionwatch.ingest.base import IngestOptions, IngestProblem
from tensionwatch.ingest.files import iter_records
from tensionwatch.models import Article


@dataclass
class IngestReport:
    """What a run produced; ``duplicates`` counts articles whose id was already seen.

    The same story re-saved with other line breaks has the same id (``models.article_id``
    hashes normalised text), so it is counted here rather than stored twice.
    """

    articles: list[Article] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    duplicates: int = 0

    @property
    def ok(self) -> bool:
        """At least one article and no fatal problem: the run did what it was asked."""
        return bool(self.articles) and not any(problem.fatal for problem in self.problems)


def read_paths(
    paths: Sequence[str | Path], options: IngestOptions, stdin: TextIO | None = None
) -> IngestReport:
    """Collect ``iter_records``; the first occurrence of each article id is kept."""
    report = IngestReport()
    seen: set[str] = set()
    for item in iter_records(paths, options, stdin):
        if isinstance(item, IngestProblem):
            report.problems.append(item)
        elif item.id in seen:
            report.duplicates += 1
        else:
            seen.add(item.id)
            report.articles.append(item)
    return report
