"""Names listed before a plural street word ("near 83rd and Antwerp streets") are streets,
whatever town abroad shares the name; a hospital where someone was found or released is no
scene (texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def _places(extractor: Extractor, text: str) -> set[str]:
    return {p.resolved or p.name for i in extractor.extract(text, PUB) for p in i.places}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("A man was shot near 83rd and Antwerp streets in Riverside on Friday.", "Antwerp"),
        ("A man was shot at Grove and Atlantic avenues in Riverside on Monday.", "Atlantic"),
        ("A man was shot at Atlantic and Grove avenues in Riverside on Monday.", "Atlantic"),
    ],
)
def test_a_name_listed_before_a_plural_street_word_is_a_street(
    extractor: Extractor, text: str, street: str
) -> None:
    places = _places(extractor, text)
    assert street not in places
    assert "Riverside" in places


def test_towns_listed_before_other_nouns_stay_towns(extractor: Extractor) -> None:
    text = "A man was shot in Riverside on Friday, Riverside and Fresno detectives said."
    assert "Riverside" in _places(extractor, text)


def test_a_hospital_where_a_victim_was_found_is_no_scene(extractor: Extractor) -> None:
    text = (
        "Five people were shot at a party on Birch Lane in LaGrange on Sunday. Tom Reed was "
        "shot in the leg and was located at Mercy Hospital in Valley, Ala."
    )
    places = _places(extractor, text)
    assert "Valley" not in places
    assert "LaGrange" in places


def test_a_headline_town_before_a_compound_noun(extractor: Extractor) -> None:
    title = "Chandler gang member sentenced to life for killing rival"
    body = (
        "Marco Ruiz, 22, was sentenced Monday to life in prison for killing a rival gang "
        "member in 2014, prosecutors said."
    )
    places = {p.resolved for i in extractor.extract(body, PUB, "t1", title=title) for p in i.places}
    assert places == {"Chandler"}


def test_a_headline_direction_before_a_state_is_no_town(extractor: Extractor) -> None:
    title = "North Idaho child killed in accidental shooting"
    body = "A child was killed in an accidental shooting at a home on Friday, deputies said."
    places = {p.name for i in extractor.extract(body, PUB, "t2", title=title) for p in i.places}
    assert "North" not in places


def test_a_town_before_police_officer_in_a_headline(extractor: Extractor) -> None:
    title = "Mesa police officer shot during traffic stop"
    body = "An officer was shot during a traffic stop on Friday night, a spokesman said."
    places = {p.resolved for i in extractor.extract(body, PUB, "t3", title=title) for p in i.places}
    assert places == {"Mesa"}


def test_a_town_alone_before_streets_stays_a_town(extractor: Extractor) -> None:
    text = (
        "A man shot outside a bar on Maple Avenue died on Friday. Violence on Philadelphia "
        "streets has claimed 150 lives this year."
    )
    assert "Philadelphia" in _places(extractor, text)


def test_a_name_after_block_of_is_a_street_in_no_country(extractor: Extractor) -> None:
    # "Lisbon" after "block of" is a street; it must not make the story Portuguese
    text = (
        "A 16-year-old is recovering after accidentally shooting himself, police said. Friends "
        "were with the teen at his house in the 200 block of Lisbon when the shooting happened."
    )
    (incident,) = extractor.extract(text, PUB, "t")
    assert all(p.country in {None, "US"} for p in incident.places)
    assert not any(p.resolved == "Lisbon" for p in incident.places)
