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


def test_place_of_an_event_verb_is_the_incidents(extractor: Extractor) -> None:
    """ "The shooting happened … near Magnolia": the place hangs on "happened", whose subject
    is the shooting."""
    text = (
        "PIKE COUNTY, Miss. -- One person is dead and four others are injured. The shooting "
        "happened at 2:30 a.m. Sunday at a nightclub on Church Road near Magnolia."
    )
    (incident,) = extractor.extract(text, PUB)
    assert "Magnolia" in {p.name for p in incident.places}
    magnolia = next(p for p in incident.places if p.name == "Magnolia")
    assert magnolia.admin1 == "US-MS"


def test_town_after_a_direction_is_a_place(extractor: Extractor) -> None:
    """ "north of Coushatta": the parser calls the small town an organization, but nothing
    else lies north of something; it is also the story's home town."""
    text = (
        "An 8-year-old boy is recovering in the hospital from an accidental shooting. Around "
        "4 p.m. Monday, Red River Parish officials were called to the 11,000 block of US "
        "Highway 71 north of Coushatta for reports of a shooting."
    )
    (incident,) = extractor.extract(text, PUB)
    assert "Coushatta" in {p.resolved for p in incident.places}
