"""Reviewer corrections: applied at once, kept across re-extraction, rejected when wrong."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date

import pytest

from tensionwatch.errors import StoreError
from tensionwatch.models import Correction, Count, Incident, IncidentType, Place, Qualifier
from tensionwatch.store import IncidentFilter, Store
from tensionwatch.store.corrections import apply_correction

from .builders import Build


def _fix(incident_id: str, field: str, value: object) -> Correction:
    return Correction(incident_id, field, json.dumps(value), author="reviewer")


def _read(incident: Incident, field: str) -> object:
    """The corrected part of an incident, read back through the record's attributes."""
    value: object = incident
    for part in field.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)  # type: ignore[index]
    return value


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("type", "arson", IncidentType.ARSON),
        ("killed", {"value": 3, "qualifier": "about"}, Count(3, Qualifier.ABOUT)),
        ("killed.value", 2, 2),
        ("injured.value", 12, 12),
        ("places.0.country", "KZ", "KZ"),
        ("bias.groups", ["Kyrgyz"], ("Kyrgyz",)),
        ("confidence", 1, 1.0),
        ("date.end", "2024-03-23", date(2024, 3, 23)),
        ("injured", None, None),
    ],
)
def test_corrections_apply_correction_sets_the_path(
    build: Build, field: str, value: object, expected: object
) -> None:
    incident = build.incident(build.article(1), 1)

    corrected = apply_correction(incident, _fix(incident.id, field, value))

    assert _read(corrected, field) == expected
    assert corrected.victims == incident.victims


def test_corrections_apply_correction_keeps_the_rest_of_a_record(build: Build) -> None:
    incident = build.incident(build.article(1), 1)

    corrected = apply_correction(incident, _fix(incident.id, "injured.value", 12))

    assert corrected.injured == replace(incident.injured, value=12)  # type: ignore[type-var]
    assert corrected.killed is None


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("tpye", '"arson"'),
        ("type", '"riot"'),
        ("killed.value", '"five"'),
        ("injured.value", "true"),
        ("places.3.country", '"KZ"'),
        ("places.zero", '"KZ"'),
        ("id", '"other"'),
        ("article_id", '"other"'),
        ("", '"x"'),
        ("type", "arson"),
        ("bias.groups", '"Tajik"'),
    ],
)
def test_corrections_apply_correction_rejects_bad_field_or_value(
    build: Build, field: str, raw: str
) -> None:
    incident = build.incident(build.article(1), 1)

    with pytest.raises(StoreError) as caught:
        apply_correction(incident, Correction(incident.id, field, raw))

    assert caught.value.code == "TW305"
    assert incident.id in caught.value.message


def test_repository_add_correction_applies_to_stored_incident_and_filters(
    store: Store, build: Build
) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(article.id, [build.incident(article, 1)], "v1")

    store.add_correction(_fix("art001-1", "type", "killing"))
    store.add_correction(_fix("art001-1", "killed.value", 1))

    stored = store.get_incident("art001-1")
    assert stored is not None
    assert (stored.type, stored.killed) == (IncidentType.KILLING, Count(1))
    assert [i.id for i in store.list_incidents(IncidentFilter(type="killing"))] == ["art001-1"]
    assert store.list_incidents(IncidentFilter(type="assault")) == []
    assert [(c.field, c.value, c.author) for c in store.list_corrections("art001-1")] == [
        ("type", '"killing"', "reviewer"),
        ("killed.value", "1", "reviewer"),
    ]


def test_repository_corrections_survive_replace_incidents(store: Store, build: Build) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(article.id, [build.incident(article, 1)], "v1")
    store.add_correction(_fix("art001-1", "places.0.country", "KZ"))
    store.add_correction(_fix("art001-1", "type", "killing"))
    store.add_correction(_fix("art001-1", "type", "arson"))  # the later one wins

    store.replace_incidents(
        article.id,
        [
            build.incident(article, 1, extractor_version="v2"),
            build.incident(article, 2, extractor_version="v2"),
        ],
        "v2",
    )

    kept, fresh = store.incidents_for_article(article.id)
    assert (kept.type, kept.places[0].country, kept.extractor_version) == (
        IncidentType.ARSON,
        "KZ",
        "v2",
    )
    assert (fresh.type, fresh.places[0].country) == (IncidentType.ASSAULT, "RU")
    assert [i.id for i in store.list_incidents(IncidentFilter(country="KZ"))] == ["art001-1"]


def test_repository_stale_correction_is_skipped_after_re_extraction(
    store: Store, build: Build, caplog: pytest.LogCaptureFixture
) -> None:
    article = build.article(1)
    store.add_articles([article])
    two_places = (Place("Moscow", country="RU"), Place("Kazan", country="RU"))
    store.replace_incidents(article.id, [build.incident(article, 1, places=two_places)], "v1")
    store.add_correction(_fix("art001-1", "places.1.admin1", "Tatarstan"))
    store.add_correction(_fix("art001-1", "type", "arson"))

    with caplog.at_level(logging.WARNING, logger="tensionwatch.store"):
        store.replace_incidents(article.id, [build.incident(article, 1)], "v2")

    stored = store.get_incident("art001-1")
    assert stored is not None
    assert (stored.type, len(stored.places)) == (IncidentType.ARSON, 1)
    assert "places.1.admin1" in caplog.text


@pytest.mark.parametrize(
    ("correction", "code"),
    [
        (_fix("missing", "type", "arson"), "TW306"),
        (_fix("art001-1", "type", "riot"), "TW305"),
        (_fix("art001-1", "tpye", "arson"), "TW305"),
    ],
    ids=["unknown-incident", "bad-value", "bad-field"],
)
def test_repository_add_correction_rejects_and_stores_nothing(
    store: Store, build: Build, correction: Correction, code: str
) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(article.id, [build.incident(article, 1)], "v1")

    with pytest.raises(StoreError) as caught:
        store.add_correction(correction)

    assert caught.value.code == code
    assert store.list_corrections() == []
    assert store.get_incident("art001-1") == build.incident(article, 1)
