from __future__ import annotations

import codecs

import pytest

from tensionwatch.ingest import IngestOptions, iter_records
from tensionwatch.ingest.decode import decode_bytes, looks_binary

from .conftest import ARTICLE, Writer, one_article, one_problem, split


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x00\x00binary zip header",
        bytes(range(0x00, 0x20)) * 10 + b"some text",
        b"\x01\x02\x03\x04\x05\x06 mostly control bytes \x0e\x0f\x10\x11\x12\x13\x14\x15",
    ],
)
def test_decode_binary_file_refused(write: Writer, data: bytes) -> None:
    problem = one_problem(iter_records([write("blob.txt", data)], IngestOptions()))
    assert (problem.code, problem.reason, problem.fatal) == ("TW101", "binary file", True)


def test_decode_text_with_tabs_and_newlines_is_not_binary() -> None:
    assert not looks_binary(b"a\tb\r\nc\n\x0cd" * 100)


def test_decode_invalid_utf8_reports_byte_offset(write: Writer) -> None:
    # 0x81 is undefined in cp1252 too, so there is no fallback.
    problem = one_problem(iter_records([write("bad.txt", b"abc \x81 def")], IngestOptions()))
    assert (problem.code, problem.reason, problem.fatal) == (
        "TW102",
        "invalid UTF-8 at byte 4",
        True,
    )


def test_decode_invalid_utf8_offset_counts_bom() -> None:
    text, (problem,) = decode_bytes(codecs.BOM_UTF8 + b"ab\x81", "f.txt")
    assert text is None
    assert problem.reason == "invalid UTF-8 at byte 5"


def test_decode_cp1252_fallback_kept_with_warning(write: Writer) -> None:
    data = "Caf\u00e9 owner \u201cbeaten\u201d \u2014 police.".encode("cp1252")
    articles, problems = split(list(iter_records([write("old.txt", data)], IngestOptions())))
    assert articles[0].text == "Café owner “beaten” — police."
    assert [(p.code, p.fatal) for p in problems] == [("TW102", False)]
    assert problems[0].reason == "invalid UTF-8 at byte 3; decoded as cp1252"


def test_decode_cp1252_with_control_characters_refused() -> None:
    text, (problem,) = decode_bytes(b"Caf\xe9 owner \x1b beaten by a group of men", "f.txt")
    assert text is None
    assert (problem.code, problem.fatal) == ("TW102", True)


def test_decode_utf8_bom_removed(write: Writer) -> None:
    path = write("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    article = one_article(iter_records([path], IngestOptions()))
    assert article.text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_decode_utf16_with_bom(write: Writer, encoding: str) -> None:
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    article = one_article(iter_records([write("wide.txt", data)], IngestOptions()))
    assert article.text == ARTICLE


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n"])
def test_decode_empty_file(write: Writer, data: bytes) -> None:
    problem = one_problem(iter_records([write("empty.txt", data)], IngestOptions()))
    assert (problem.code, problem.reason, problem.fatal) == ("TW103", "empty file", True)
