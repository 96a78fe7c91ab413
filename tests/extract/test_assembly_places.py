"""Which places keep two reports of violence apart (sentences written for these tests): a
street or building does not contradict an area, two different towns do."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

PUB = date(2016, 3, 26)


def test_area_then_street_is_one_incident(extractor: Extractor) -> None:
    text = (
        "Four people were wounded in a West Side shooting on Friday, officials said. At "
        "12:55 p.m., four people were shot in the 4500 block of West End Avenue, police said."
    )
    incidents = extractor.extract(text, PUB)
    assert len(incidents) == 1
    assert incidents[0].injured is not None and incidents[0].injured.value == 4


def test_two_towns_stay_two_incidents(extractor: Extractor) -> None:
    text = (
        "A man was shot in Dayton on Friday night. A woman was shot in Toledo on Friday "
        "night, police said."
    )
    assert len(extractor.extract(text, PUB)) == 2
