"""The incident filters shared by the CLI, API and dashboard, and their pagination."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tensionwatch.errors import StoreError
from tensionwatch.models import (
    Actor,
    Bias,
    DatePrecision,
    EventDate,
    IncidentType,
    Place,
    Role,
)
from tensionwatch.store import IncidentFilter, Store

from .builders import Build


def _dated(start: date | None, end: date | None) -> EventDate:
    return EventDate(start=start, end=end, precision=DatePrecision.DAY)


@pytest.fixture
def filled(store: Store, build: Build) -> Store:
    """Five incidents in three articles, varied on every filtered field."""
    moscow = build.article(1)
    russian = build.article(2, text="В Москве избили курьера. A man was beaten; 100% confirmed.")
    paris = build.article(3, text="A synagogue in Paris was set on fire overnight.")
    store.add_articles([moscow, russian, paris])
    store.replace_incidents(
        moscow.id,
        [
            build.incident(moscow, 1),  # assault, RU, Tajik, 2024-03-22, bias
            build.incident(
                moscow,
                2,
                type=IncidentType.ARMED_ATTACK,
                is_terrorism=True,
                date=_dated(date(2024, 3, 1), date(2024, 3, 5)),
                bias=Bias(motivated=False),
                victims=(Actor("Uzbek workers", Role.VICTIM, nationality="Uzbek"),),
            ),
        ],
        "v1",
    )
    store.replace_incidents(
        russian.id,
        [build.incident(russian, 1, date=_dated(None, date(2024, 2, 10)))],
        "v1",
    )
    store.replace_incidents(
        paris.id,
        [
            build.incident(
                paris,
                1,
                type=IncidentType.ARSON,
                date=_dated(date(2024, 4, 2), date(2024, 4, 2)),
                places=(Place("Paris", country="fr"),),
                victims=(),
                bias=Bias(motivated=True, groups=("Jews",)),
            ),
            replace(build.incident(paris, 2, type=IncidentType.VANDALISM), date=None, places=()),
        ],
        "v1",
    )
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (IncidentFilter(), ["art003-1", "art001-1", "art001-2", "art002-1", "art003-2"]),
        (IncidentFilter(type="assault"), ["art001-1", "art002-1"]),
        (IncidentFilter(country="ru"), ["art001-1", "art001-2", "art002-1"]),
        (IncidentFilter(country="FR"), ["art003-1"]),
        (IncidentFilter(group="tajik"), ["art001-1", "art002-1", "art003-2"]),
        (IncidentFilter(group="Uzbek"), ["art001-2"]),
        (IncidentFilter(group="JEWS"), ["art003-1"]),
        (IncidentFilter(group="Taj"), []),
        (IncidentFilter(since=date(2024, 3, 3)), ["art003-1", "art001-1", "art001-2"]),
        (IncidentFilter(until=date(2024, 3, 3)), ["art001-2", "art002-1"]),
        (
            IncidentFilter(since=date(2024, 3, 6), until=date(2024, 3, 31)),
            ["art001-1"],
        ),
        (IncidentFilter(text="SYNAGOGUE"), ["art003-1", "art003-2"]),
        (IncidentFilter(text="москве"), ["art002-1"]),
        (IncidentFilter(text="%"), ["art002-1"]),
        (IncidentFilter(text="brass_knuckles"), []),
        (IncidentFilter(is_terrorism=True), ["art001-2"]),
        (IncidentFilter(bias_motivated=False), ["art001-2"]),
        (IncidentFilter(type="assault", country="RU", group="tajik"), ["art001-1", "art002-1"]),
    ],
    ids=[
        "none",
        "type",
        "country-lowercase",
        "country",
        "group-case-insensitive",
        "group-from-victims",
        "group-from-bias",
        "group-whole-names-only",
        "since",
        "until",
        "date-window",
        "text-case-insensitive",
        "text-cyrillic",
        "text-like-wildcard-is-literal",
        "text-underscore-is-literal",
        "terrorism",
        "bias-false",
        "combined",
    ],
)
def test_repository_list_incidents_filters(
    filled: Store, filters: IncidentFilter, expected: list[str]
) -> None:
    assert [i.id for i in filled.list_incidents(filters)] == expected
    assert filled.count_incidents(filters) == len(expected)


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (2, 0, ["art003-1", "art001-1"]),
        (2, 2, ["art001-2", "art002-1"]),
        (2, 4, ["art003-2"]),
        (2, 6, []),
        (0, 0, []),
    ],
)
def test_repository_list_incidents_paginates(
    filled: Store, limit: int, offset: int, expected: list[str]
) -> None:
    page = filled.list_incidents(IncidentFilter(limit=limit, offset=offset))

    assert [i.id for i in page] == expected
    assert filled.count_incidents(IncidentFilter(limit=limit, offset=offset)) == 5


def test_repository_list_incidents_rejects_negative_offset(filled: Store) -> None:
    with pytest.raises(StoreError) as caught:
        filled.list_incidents(IncidentFilter(offset=-1))

    assert caught.value.code == "TW306"
