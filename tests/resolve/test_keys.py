"""Blocking: which pairs get scored at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tensionwatch.models import DatePrecision, EventDate, IncidentType, Place, PlacePrecision
from tensionwatch.resolve.keys import candidate_pairs, date_interval, prepare
from tensionwatch.resolve.options import ResolveOptions

OPTIONS = ResolveOptions()
BERLIN = Place(
    "Berlin", resolved="Berlin", country="DE", admin1="Berlin", precision=PlacePrecision.CITY
)


@pytest.mark.parametrize(
    ("when", "published", "expected"),
    [
        (
            EventDate(date(2024, 3, 22), None, DatePrecision.DAY),
            None,
            (date(2024, 3, 22), date(2024, 3, 22)),
        ),
        (
            EventDate(None, date(2024, 3, 25), DatePrecision.ON_OR_BEFORE),
            None,
            (date(2024, 3, 18), date(2024, 3, 25)),
        ),
        (
            EventDate(date(2024, 3, 1), None, DatePrecision.MONTH),
            None,
            (date(2024, 3, 1), date(2024, 3, 31)),
        ),
        (None, date(2024, 3, 25), (date(2024, 3, 18), date(2024, 3, 25))),
        (None, None, None),
    ],
)
def test_keys_date_interval(incident, when, published, expected):
    inc = incident("i1", "a1", day=None)
    inc = replace(inc, date=when)
    assert date_interval(inc, published, OPTIONS) == expected


def test_keys_candidates_share_family_country_and_window(incident):
    records = [
        prepare(incident("i0", "a0"), None, OPTIONS),
        prepare(incident("i1", "a1", day=date(2024, 4, 4)), None, OPTIONS),  # 2 days: in window
        prepare(incident("i2", "a2", day=date(2024, 4, 9)), None, OPTIONS),  # 7 days: out
        prepare(incident("i3", "a3", places=(BERLIN,)), None, OPTIONS),  # other country
        prepare(incident("i4", "a4", kind=IncidentType.KIDNAPPING), None, OPTIONS),  # family
        prepare(incident("i5", "a5", places=()), None, OPTIONS),  # place unknown: compared
        prepare(incident("i6", "a6", day=None, places=()), None, OPTIONS),  # undated
    ]
    pairs = {(records[i].id, records[j].id) for i, j in candidate_pairs(records, OPTIONS)}
    assert pairs == {
        ("i0", "i1"),
        ("i0", "i5"),
        ("i1", "i5"),
        ("i3", "i5"),
        ("i0", "i6"),
        ("i1", "i6"),
        ("i2", "i6"),
        ("i3", "i6"),
        ("i5", "i6"),
    }
