from __future__ import annotations

from datetime import date, datetime

import pytest

from tensionwatch.ingest import IngestOptions
from tensionwatch.ingest.fields import field_names, lookup, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-25", date(2024, 3, 25)),
        ("2024-03-25T23:30:00-05:00", date(2024, 3, 25)),  # the date as printed, not UTC
        ("2024-03-25 10:00 MSK", date(2024, 3, 25)),
        ("March 25, 2024", date(2024, 3, 25)),
        ("25 March 2024", date(2024, 3, 25)),
        ("03/04/2024", date(2024, 3, 4)),  # month first
        ("Mon, 25 Mar 2024 10:00:00 +0300", date(2024, 3, 25)),
        (20240325, date(2024, 3, 25)),
        (datetime(2024, 3, 25, 8, 0), date(2024, 3, 25)),
        (date(2024, 3, 25), date(2024, 3, 25)),
    ],
)
def test_fields_parse_date_accepts(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "soon", "March 2024", "2024", "1", "32/13/2024", "9" * 200, True, 3.5, None, ["2024"]],
)
def test_fields_parse_date_refuses(value: object) -> None:
    assert parse_date(value) is None


def test_fields_names_put_configured_first_without_repeats() -> None:
    options = IngestOptions(text_field="story", date_field="published")
    assert field_names(options, "text") == ("story", "text", "content", "body", "article")
    assert field_names(options, "date") == ("published", "date", "dct", "pubdate", "published_at")


def test_fields_lookup_skips_null_then_ignores_case() -> None:
    record: dict[str, object] = {"text": None, " Content ": "x", "body": "y"}
    assert lookup(record, ("text", "content", "body")) == ("body", "y")
    assert lookup({"TEXT": "z"}, ("text",)) == ("TEXT", "z")
    assert lookup({"other": "z"}, ("text",)) is None
