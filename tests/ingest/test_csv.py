from __future__ import annotations

import csv
import io
from datetime import date

from tensionwatch.ingest import IngestOptions, iter_records

from .conftest import ARTICLE, Writer, articles_only, one_article, one_problem, split


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def test_records_csv_loads_rows(write: Writer) -> None:
    content = table(
        [
            ["title", "text", "url", "date"],
            ["One", "First article.", "https://e.org/1", "2024-03-25"],
            ["Two", "Second article.", "", "March 26, 2024"],
        ]
    )
    path = write("a.csv", content)
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert problems == []
    assert [(a.title, a.text, a.url, a.published) for a in articles] == [
        ("One", "First article.", "https://e.org/1", date(2024, 3, 25)),
        ("Two", "Second article.", None, date(2024, 3, 26)),
    ]
    assert {a.source for a in articles} == {str(path)}


def test_records_tsv_loads_rows(write: Writer) -> None:
    content = table([["headline", "content"], ["H", "Text with, commas."]], delimiter="\t")
    article = one_article(iter_records([write("a.tsv", content)], IngestOptions()))
    assert (article.title, article.text) == ("H", "Text with, commas.")


def test_records_csv_multiline_field_kept_exactly(write: Writer) -> None:
    body = 'Line one, with "quotes".\n\nLine two.\r\nLine three.'
    article = one_article(
        iter_records([write("m.csv", table([["text"], [body]]))], IngestOptions())
    )
    assert article.text == body


def test_records_csv_without_text_column_one_fatal_problem(write: Writer) -> None:
    path = write("no-text.csv", table([["title", "url"], ["a", "b"], ["c", "d"]]))
    problem = one_problem(iter_records([path], IngestOptions()))
    assert (problem.source, problem.code, problem.fatal) == (str(path), "TW106", True)
    assert problem.reason == (
        "no text column (tried text, content, body, article); found columns: 'title', 'url'"
    )


def test_records_csv_empty_text_row_names_the_row(write: Writer) -> None:
    content = table([["text", "title"], ["good one", "a"], ["  ", "b"], ["good two", "c"]])
    path = write("gaps.csv", content)
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert [a.text for a in articles] == ["good one", "good two"]
    (problem,) = problems
    assert (problem.source, problem.code, problem.fatal) == (f"{path}:3", "TW106", False)
    assert problem.reason == "row 2 has empty text"


def test_records_csv_large_field_loads(write: Writer) -> None:
    body = ARTICLE * 2_000  # ~300k characters, over csv's default 128 KiB field limit
    article = one_article(
        iter_records([write("big.csv", table([["text"], [body]]))], IngestOptions())
    )
    assert article.text == body


def test_records_csv_bad_date_warns(write: Writer) -> None:
    path = write("d.csv", table([["text", "date"], [ARTICLE, "32/13/2024"]]))
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert len(articles) == 1
    assert articles[0].published is None
    assert [(p.source, p.code) for p in problems] == [(f"{path}:2", "TW107")]
    assert problems[0].reason == "date '32/13/2024' does not parse; using no publication date"


def test_records_csv_header_only(write: Writer) -> None:
    path = write("h.csv", "text,title\n")
    problem = one_problem(iter_records([path], IngestOptions()))
    assert (problem.code, problem.reason, problem.fatal) == (
        "TW103",
        "no records (header only)",
        True,
    )


def test_records_csv_source_column(write: Writer) -> None:
    path = write("s.csv", table([["text", "source"], [ARTICLE, "Wire"], [ARTICLE + "!", ""]]))
    articles = articles_only(iter_records([path], IngestOptions()))
    assert [a.source for a in articles] == ["Wire", str(path)]
