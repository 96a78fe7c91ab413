from __future__ import annotations

import json
from datetime import date

import pytest

from tensionwatch.ingest import IngestOptions, iter_records
from tensionwatch.models import Article, article_id

from .conftest import ARTICLE, Writer, one_article, one_problem, split


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def test_records_jsonl_loads_all_fields(write: Writer) -> None:
    record = {
        "text": ARTICLE,
        "title": "Shop owner attacked",
        "url": "https://example.org/1",
        "date": "2024-03-25",
        "source": "Example News",
        "language": "en",
    }
    article = one_article(iter_records([write("a.jsonl", jsonl(record))], IngestOptions()))
    assert isinstance(article, Article)
    assert article.text == ARTICLE
    assert article.title == "Shop owner attacked"
    assert article.url == "https://example.org/1"
    assert article.published == date(2024, 3, 25)
    assert article.source == "Example News"
    assert article.language == "en"
    assert article.id == article_id(ARTICLE, "https://example.org/1")


def test_records_source_defaults_to_file_path(write: Writer) -> None:
    path = write("b.ndjson", jsonl({"text": ARTICLE}))
    article = one_article(iter_records([path], IngestOptions(published=date(2024, 1, 2))))
    assert article.source == str(path)
    assert article.published == date(2024, 1, 2)


def test_records_jsonl_malformed_line_keeps_the_others(write: Writer) -> None:
    content = jsonl({"text": "first"}) + '{"text": "broken" "x": 1}\n' + jsonl({"text": "third"})
    path = write("mixed.jsonl", content)
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert [a.text for a in articles] == ["first", "third"]
    (problem,) = problems
    assert problem.source == f"{path}:2"
    assert problem.code == "TW105"
    assert problem.reason == "not valid JSON: Expecting ',' delimiter (line 1, column 19)"
    assert not problem.fatal


def test_records_jsonl_blank_lines_ignored_line_numbers_kept(write: Writer) -> None:
    path = write("gaps.jsonl", "\n" + jsonl({"text": "a"}) + "\n  \n" + "[1]\n")
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert [a.text for a in articles] == ["a"]
    assert [(p.source, p.code) for p in problems] == [(f"{path}:5", "TW110")]
    assert problems[0].reason == "expected a JSON object, found an array"


@pytest.mark.parametrize(
    ("line", "code", "reason"),
    [
        ('"just a string"', "TW110", "expected a JSON object, found a string"),
        ('{"title": "no text"}', "TW106", "no text field (tried text, content, body, article); "),
        ('{"text": 42}', "TW106", "field 'text' is a number, not a string"),
        ('{"text": "   "}', "TW106", "empty text"),
    ],
)
def test_records_jsonl_bad_record(write: Writer, line: str, code: str, reason: str) -> None:
    path = write("r.jsonl", line + "\n")
    problem = one_problem(iter_records([path], IngestOptions()))
    assert (problem.source, problem.code, problem.fatal) == (f"{path}:1", code, False)
    assert problem.reason.startswith(reason)


@pytest.mark.parametrize(
    ("key", "attribute", "value", "expected"),
    [
        ("content", "text", ARTICLE, ARTICLE),
        ("body", "text", ARTICLE, ARTICLE),
        ("article", "text", ARTICLE, ARTICLE),
        ("headline", "title", "Headline", "Headline"),
        ("link", "url", "https://e.org/x", "https://e.org/x"),
        ("uri", "url", "https://e.org/y", "https://e.org/y"),
        ("published", "published", "2024-03-25", date(2024, 3, 25)),
        ("dct", "published", "2024-03-26", date(2024, 3, 26)),
        ("pubdate", "published", "2024-03-27", date(2024, 3, 27)),
        ("published_at", "published", "2024-03-28T09:00:00Z", date(2024, 3, 28)),
        ("Text", "text", ARTICLE, ARTICLE),  # case-insensitive fallback
    ],
)
def test_records_field_aliases(
    write: Writer, key: str, attribute: str, value: str, expected: object
) -> None:
    record = {"text": ARTICLE} if attribute != "text" else {}
    record[key] = value
    article = one_article(iter_records([write("a.jsonl", jsonl(record))], IngestOptions()))
    assert getattr(article, attribute) == expected


def test_records_configured_field_names_win(write: Writer) -> None:
    record = {
        "story": "the configured text",
        "text": "an alias that must lose",
        "head": "H",
        "href": "https://e.org/z",
        "when": "2024-06-01",
        "outlet": "Wire",
    }
    options = IngestOptions(
        text_field="story",
        title_field="head",
        url_field="href",
        date_field="when",
        source_field="outlet",
    )
    article = one_article(iter_records([write("c.jsonl", jsonl(record))], options))
    assert (article.text, article.title, article.url) == (
        "the configured text",
        "H",
        record["href"],
    )
    assert (article.published, article.source) == (date(2024, 6, 1), "Wire")


@pytest.mark.parametrize(
    ("default", "using"), [(date(2024, 1, 1), "using 2024-01-01"), (None, "using no publication")]
)
def test_records_bad_date_warns_and_ingests(
    write: Writer, default: date | None, using: str
) -> None:
    path = write("d.jsonl", jsonl({"text": ARTICLE, "date": "sometime soon"}))
    articles, problems = split(list(iter_records([path], IngestOptions(published=default))))
    assert articles[0].published == default
    (problem,) = problems
    assert (problem.source, problem.code, problem.fatal) == (f"{path}:1", "TW107", False)
    assert problem.reason.startswith(f"date 'sometime soon' does not parse; {using}")


def test_records_blank_date_is_absent_not_bad(write: Writer) -> None:
    path = write("d.jsonl", jsonl({"text": ARTICLE, "date": "  "}))
    article = one_article(iter_records([path], IngestOptions(published=date(2024, 2, 2))))
    assert article.published == date(2024, 2, 2)


def test_records_json_single_object(write: Writer) -> None:
    path = write("one.json", json.dumps({"body": ARTICLE, "headline": "H"}, indent=2))
    article = one_article(iter_records([path], IngestOptions()))
    assert (article.text, article.title, article.source) == (ARTICLE, "H", str(path))


def test_records_json_list_with_bad_item(write: Writer) -> None:
    path = write("many.json", json.dumps([{"text": "a"}, 7, {"text": "c"}]))
    articles, problems = split(list(iter_records([path], IngestOptions())))
    assert [a.text for a in articles] == ["a", "c"]
    assert [(p.source, p.code, p.fatal) for p in problems] == [(f"{path}#2", "TW110", False)]


@pytest.mark.parametrize(
    ("content", "code", "reason"),
    [
        ('{"text": "x",}', "TW105", "not valid JSON: Expecting property name enclosed"),
        ("[]", "TW103", "no records (empty JSON array)"),
        ('"text"', "TW110", "expected a JSON object, found a string"),
        ('{"title": "t"}', "TW106", "no text field (tried text, content, body, article); "),
        ("[" * 100_000 + "]" * 100_000, "TW105", "not valid JSON: nested too deeply"),
    ],
)
def test_records_json_whole_file_problem(
    write: Writer, content: str, code: str, reason: str
) -> None:
    path = write("bad.json", content)
    problem = one_problem(iter_records([path], IngestOptions()))
    assert (problem.source, problem.code, problem.fatal) == (str(path), code, True)
    assert problem.reason.startswith(reason)
