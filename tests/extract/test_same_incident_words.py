"""A street does not make a second incident of a shooting placed in a district, and "early
today" dates it (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def test_a_street_does_not_contradict_the_district(extractor: Extractor) -> None:
    # a guard: the article this was measured on splits only with its own wording
    text = (
        "Police are investigating a shooting Friday morning in west Charlotte. Police now say "
        "four people were shot at a home on West Boulevard. None of the injuries are "
        "life-threatening."
    )
    incidents = [i for i in extractor.extract(text, PUB) if i.killed or i.injured]
    assert len(incidents) == 1
    (incident,) = incidents
    assert counts(incident) == (None, 4)
    assert incident.date is not None and incident.date.start == PUB


def test_the_resolver_tells_a_street_from_a_district() -> None:
    from tensionwatch.extract.geocoding import GazetteerResolver

    resolver = GazetteerResolver.load()
    assert resolver.is_street("West Boulevard")
    assert resolver.is_street("Volunteer Parkway")
    assert not resolver.is_street("west Charlotte")
    assert not resolver.is_street("Boulevard")
    assert not resolver.is_street("Federal Way")  # a town that ends like a street


def test_a_town_that_ends_like_a_street_still_parts_two_shootings(extractor: Extractor) -> None:
    text = (
        "A man was fatally shot Friday in Federal Way, police said. Hours later, a woman was "
        "shot in Tacoma."
    )
    incidents = extractor.extract(text, PUB)
    assert len(incidents) == 2
    assert [counts(i) for i in incidents] == [(1, None), (None, 1)]


def test_two_streets_still_part_two_shootings(extractor: Extractor) -> None:
    text = (
        "A man was shot on Lake Street on Friday night. Hours later, a woman was shot on "
        "Plymouth Avenue."
    )
    assert len(extractor.extract(text, PUB)) == 2


def test_early_today_is_the_day_of_publication(extractor: Extractor) -> None:
    text = (
        "Five men were wounded early today in a shooting at a night club in Belle Glade, "
        "leaving two in critical condition."
    )
    (incident,) = extractor.extract(text, PUB)
    assert incident.date is not None
    assert (incident.date.start, incident.date.end) == (PUB, PUB)
