"""The article's home town places incidents the text locates only by street or district
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

PUB = date(2022, 9, 9)


def towns(extractor: Extractor, text: str) -> list[set[str]]:
    return [
        {p.resolved or p.name for p in incident.places if p.precision.value == "city"}
        for incident in extractor.extract(text, PUB)
    ]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Toledo police are looking for a gunman. A 40-year-old man was shot on Dorr "
            "Street early Thursday and taken to a hospital.",
            "Toledo",
        ),
        (
            "The Tulsa Police Department said a woman was wounded Tuesday night on Pine "
            "Avenue. Officers found her on the porch.",
            "Tulsa",
        ),
        (
            "Two men were shot Friday near Maple Drive, according to a Savannah police "
            "spokesman. Savannah detectives have no suspects.",
            "Savannah",
        ),
    ],
)
def test_places_home_town_for_street_only_incident(
    extractor: Extractor, text: str, town: str
) -> None:
    found = towns(extractor, text)
    assert found
    assert town in found[0]


def test_places_home_town_not_added_across_states(extractor: Extractor) -> None:
    """An incident placed in another state keeps its own place only."""
    text = (
        "Denver police are helping investigators in Texas. A man was shot in Texas on "
        "Tuesday, Denver detectives said."
    )
    incident = extractor.extract(text, PUB)[0]
    assert "Denver" not in {p.resolved for p in incident.places}


@pytest.mark.parametrize(
    ("written", "town"),
    [("South Sacramento", "Sacramento"), ("downtown Memphis", "Memphis")],
)
def test_places_district_resolves_to_its_town(
    extractor: Extractor, written: str, town: str
) -> None:
    text = f"Three people were shot Saturday night in {written}, police said."
    (incident,) = extractor.extract(text, PUB)
    assert town in {p.resolved for p in incident.places if p.precision.value == "city"}
