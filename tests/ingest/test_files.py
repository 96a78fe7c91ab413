from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tensionwatch.ingest import IngestOptions, iter_records, sniff_format
from tensionwatch.ingest.files import Format

from .conftest import ARTICLE, Writer, articles_only, one_article, one_problem, split

PAGE = (
    f"<!doctype html><html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
)


def test_files_folder_walk_sorted_recursive_skips_hidden_and_unknown(
    write: Writer, tmp_path: Path
) -> None:
    write("b.txt", "bee")
    write("a.jsonl", json.dumps({"text": "ay"}) + "\n")
    write("sub/c.csv", "text\nsea\n")
    write("sub/deeper/d.ndjson", json.dumps({"text": "dee"}) + "\n")
    write("NOTES", "extension-less text")
    write(".hidden.txt", "hidden")
    write(".git/e.txt", "in a hidden folder")
    write("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("report.pdf", "unknown extension")
    articles, problems = split(list(iter_records([tmp_path], IngestOptions())))
    assert problems == []
    assert [a.text for a in articles] == ["extension-less text", "ay", "bee", "sea", "dee"]
    assert articles[0].source == str(tmp_path / "NOTES")


def test_files_paths_read_in_given_order(write: Writer) -> None:
    second, first = write("z.txt", "zed"), write("y.txt", "why")
    articles = articles_only(iter_records([second, str(first)], IngestOptions()))
    assert [a.text for a in articles] == ["zed", "why"]


def test_files_folder_reports_bad_files_and_continues(write: Writer, tmp_path: Path) -> None:
    write("1.txt", b"\x00\x01binary")
    write("2.txt", ARTICLE)
    articles, problems = split(list(iter_records([tmp_path], IngestOptions())))
    assert [a.text for a in articles] == [ARTICLE]
    assert [(p.source, p.code) for p in problems] == [(str(tmp_path / "1.txt"), "TW101")]


def test_files_too_large_refused(write: Writer) -> None:
    path = write("big.txt", "x" * 101)
    problem = one_problem(iter_records([path], IngestOptions(max_bytes=100)))
    assert (problem.source, problem.code, problem.fatal) == (str(path), "TW104", True)
    assert (
        problem.reason == "file is 101 bytes, over the limit of 100 bytes (IngestOptions.max_bytes)"
    )


def test_files_missing_path_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    problem = one_problem(iter_records([missing], IngestOptions()))
    assert (problem.source, problem.code, problem.fatal) == (str(missing), "TW109", True)
    assert problem.reason == "cannot read: No such file or directory"


def test_files_explicit_unknown_extension_read_as_text(write: Writer) -> None:
    article = one_article(iter_records([write("story.article", ARTICLE)], IngestOptions()))
    assert article.text == ARTICLE


def test_files_explicit_unknown_extension_sniffed_as_html(write: Writer) -> None:
    article = one_article(iter_records([write("page.php", PAGE)], IngestOptions()))
    assert article.text.startswith("Residents said")


def test_files_stdin_text_with_header() -> None:
    stdin = io.StringIO(" date 2024-03-25 " + ARTICLE)
    article = one_article(iter_records(["-"], IngestOptions(), stdin=stdin))
    assert (article.text, article.published, article.source) == (
        ARTICLE,
        date(2024, 3, 25),
        "<stdin>",
    )


def test_files_stdin_jsonl_sniffed() -> None:
    stdin = io.StringIO(json.dumps({"text": "one"}) + "\n" + json.dumps({"text": "two"}) + "\n")
    articles = articles_only(iter_records(["-"], IngestOptions(), stdin=stdin))
    assert [a.text for a in articles] == ["one", "two"]
    assert [a.source for a in articles] == ["<stdin>", "<stdin>"]


def test_files_sys_stdin_bytes_decoded_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"abc \x81 def"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    problem = one_problem(iter_records(["-"], IngestOptions()))
    assert (problem.source, problem.code, problem.reason) == (
        "<stdin>",
        "TW102",
        "invalid UTF-8 at byte 4",
    )


def test_files_stdin_empty_and_too_large() -> None:
    empty = one_problem(iter_records(["-"], IngestOptions(), stdin=io.StringIO("  \n")))
    large = one_problem(
        iter_records(["-"], IngestOptions(max_bytes=5), stdin=io.StringIO("123456"))
    )
    assert (empty.code, large.code) == ("TW103", "TW104")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAGE, Format.HTML),
        ("  <html><p>x</p></html>", Format.HTML),
        ('[{"text": "a"}]', Format.JSON),
        ('{\n  "text": "a"\n}', Format.JSON),
        ('{"text": "a"}\n{"text": "b"}', Format.JSONL),
        ("[Reuters] Police said", Format.TEXT),
        ("<3 plain text with a heart", Format.TEXT),
        (ARTICLE, Format.TEXT),
    ],
)
def test_files_sniff_format(text: str, expected: Format) -> None:
    assert sniff_format(text) == expected
