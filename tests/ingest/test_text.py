from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest

from tensionwatch.ingest import IngestOptions, iter_records, read_text
from tensionwatch.models import article_id

from .conftest import ARTICLE, Writer, one_article, one_problem, split

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed" / "crocus-backlash.txt"
HEADER_TEXT = (
    " date 2024-03-25 In the wake of the attack, a wave of violence.\n\nSecond paragraph.\n"
)


def test_text_header_sets_published_and_is_removed(write: Writer) -> None:
    path = write("a.txt", HEADER_TEXT)
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert problems == []
    (article,) = articles
    assert article.published == date(2024, 3, 25)
    assert article.text == "In the wake of the attack, a wave of violence.\n\nSecond paragraph.\n"
    assert article.source == str(path)
    assert article.id == article_id(article.text, None)
    assert article.title is None


def test_text_header_wins_over_default_published(write: Writer) -> None:
    path = write("a.txt", HEADER_TEXT)
    article = one_article(iter_records([path], IngestOptions(published=date(2020, 1, 1))))
    assert article.published == date(2024, 3, 25)


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/data")
def test_text_seed_file_header() -> None:
    article = one_article(iter_records([SEED], IngestOptions()))
    assert article.published == date(2024, 3, 25)
    assert article.text.startswith("In the wake of the devastating terrorist attack")
    assert article.text == SEED.read_text(encoding="utf-8")[len(" date 2024-03-25 ") :]


@pytest.mark.parametrize(
    ("default", "expected"), [(date(2024, 5, 1), date(2024, 5, 1)), (None, None)]
)
def test_text_plain_file_uses_default_published(
    write: Writer, default: date | None, expected: date | None
) -> None:
    path = write("plain.txt", ARTICLE)
    article = one_article(iter_records([path], IngestOptions(published=default)))
    assert article.published == expected
    assert article.text == ARTICLE


def test_text_keeps_body_exactly(write: Writer) -> None:
    body = "First line.\r\nSecond line with  two spaces.   \n\n\tIndented.\n\n"
    path = write("exact.txt", "\n\n  " + body)
    article = one_article(iter_records([path], IngestOptions()))
    assert article.text == body


def test_text_short_first_line_is_title_and_stays_in_text(write: Writer) -> None:
    content = f"Shop owner attacked in town centre\n\n{ARTICLE}"
    article = one_article(iter_records([write("t.txt", content)], IngestOptions()))
    assert article.title == "Shop owner attacked in town centre"
    assert article.text == content


@pytest.mark.parametrize(
    "content",
    [
        ARTICLE + "\n\nMore.",  # first line too long
        "Headline\nno blank line after it\n",  # not followed by a blank line
        "Only a headline\n\n",  # nothing after it
        "A short sentence.\n\nMore text.",  # a sentence, not a headline
    ],
)
def test_text_no_title_when_not_headline_shaped(write: Writer, content: str) -> None:
    article = one_article(iter_records([write("t.txt", content)], IngestOptions()))
    assert article.title is None


def test_text_invalid_header_date_warns_and_falls_back(write: Writer) -> None:
    path = write("bad.txt", " date 2024-02-30 Body text here.")
    items = list(iter_records([path], IngestOptions(published=date(2024, 3, 1))))
    articles, problems = split(items)
    assert [(p.code, p.fatal) for p in problems] == [("TW107", False)]
    assert problems[0].reason == "date '2024-02-30' does not parse; using 2024-03-01"
    assert articles[0].published == date(2024, 3, 1)
    assert articles[0].text == "Body text here."


def test_text_header_only_is_empty_text(write: Writer) -> None:
    problem = one_problem(iter_records([write("h.txt", " date 2024-03-25   \n")], IngestOptions()))
    assert (problem.code, problem.reason, problem.fatal) == ("TW106", "empty text", True)


def test_text_article_over_max_chars_refused(write: Writer) -> None:
    path = write("long.txt", "x" * 101)
    problem = one_problem(iter_records([path], IngestOptions(max_article_chars=100)))
    assert problem.code == "TW111"
    assert problem.reason == "article has 101 characters, over the limit of 100"


def test_text_read_text_parses_header() -> None:
    article = read_text(HEADER_TEXT)
    assert article.published == date(2024, 3, 25)
    assert article.text.startswith("In the wake")
    assert article.ingested_at is not None
    assert article.ingested_at.tzinfo is UTC


def test_text_read_text_explicit_published_wins_over_header() -> None:
    article = read_text(HEADER_TEXT, published=date(2024, 4, 1))
    assert article.published == date(2024, 4, 1)


def test_text_read_text_metadata_and_id() -> None:
    article = read_text(ARTICLE, url="https://example.org/a", title="T", source="wire")
    assert (article.url, article.title, article.source) == ("https://example.org/a", "T", "wire")
    assert article.id == article_id(ARTICLE, "https://example.org/a")
    assert article.id != read_text(ARTICLE).id
    assert article.text == ARTICLE
