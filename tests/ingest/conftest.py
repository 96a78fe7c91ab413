"""Fixtures for the ingest tests: files are written per test under ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tensionwatch.ingest import IngestProblem
from tensionwatch.models import Article

Writer = Callable[[str, str | bytes], Path]

ARTICLE = (
    "Residents said a group of men attacked a shop owner on Saturday night in the centre "
    "of the town, leaving him with serious injuries. Police arrested two suspects."
)


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (UTF-8) or bytes to ``tmp_path / name`` and return the path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return _write


def split(items: list[Article | IngestProblem]) -> tuple[list[Article], list[IngestProblem]]:
    """Articles and problems from a list of ``iter_records`` items, order kept."""
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems


def one_article(items: Iterable[Article | IngestProblem]) -> Article:
    """The single item, which must be an Article (typed, unlike tuple unpacking)."""
    (item,) = items
    assert isinstance(item, Article), item
    return item


def one_problem(items: Iterable[Article | IngestProblem]) -> IngestProblem:
    """The single item, which must be an IngestProblem."""
    (item,) = items
    assert isinstance(item, IngestProblem), item
    return item


def articles_only(items: Iterable[Article | IngestProblem]) -> list[Article]:
    """All items, which must all be Articles."""
    articles, problems = split(list(items))
    assert problems == []
    return articles
