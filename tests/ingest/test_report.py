from __future__ import annotations

import json
from pathlib import Path

from tensionwatch.ingest import IngestOptions, IngestProblem, IngestReport, read_paths

from .conftest import ARTICLE, Writer

URL = "https://example.org/a"


def test_report_same_text_and_url_twice_is_one_article(write: Writer) -> None:
    record = json.dumps({"text": ARTICLE, "url": URL})
    path = write("dup.jsonl", f"{record}\n{record}\n")
    report = read_paths([path], IngestOptions())
    assert len(report.articles) == 1
    assert report.duplicates == 1
    assert report.articles[0].url == URL
    assert report.ok


def test_report_whitespace_only_difference_is_same_article(write: Writer) -> None:
    first = write("a.txt", ARTICLE)
    second = write("b.txt", "\n" + ARTICLE.replace(" ", "\n   ", 3) + "\n\n")
    report = read_paths([first, second], IngestOptions())
    assert report.duplicates == 1
    assert [a.source for a in report.articles] == [str(first)]


def test_report_other_url_is_another_article(write: Writer) -> None:
    records = [{"text": ARTICLE, "url": URL}, {"text": ARTICLE, "url": URL + "?page=2"}]
    path = write("two.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    report = read_paths([path], IngestOptions())
    assert (len(report.articles), report.duplicates) == (2, 0)


def test_report_ok_needs_an_article_and_no_fatal_problem(write: Writer, tmp_path: Path) -> None:
    good = write("good.txt", ARTICLE)
    warned = write("warn.jsonl", json.dumps({"text": "x", "date": "never"}) + "\n")
    assert read_paths([good, warned], IngestOptions()).ok
    assert not read_paths([good, tmp_path / "missing.txt"], IngestOptions()).ok
    assert not read_paths([write("e.txt", "")], IngestOptions()).ok
    assert not IngestReport().ok


def test_report_keeps_problems_in_order(write: Writer, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    report = read_paths([missing, write("e.txt", " ")], IngestOptions())
    assert [(p.code, p.source) for p in report.problems] == [
        ("TW109", str(missing)),
        ("TW103", str(tmp_path / "e.txt")),
    ]
    assert all(isinstance(p, IngestProblem) for p in report.problems)
    assert str(report.problems[1]) == f"{tmp_path / 'e.txt'}: [TW103] empty file"
