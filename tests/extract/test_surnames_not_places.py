"""A name the article gives a person is no place, whatever the tagger calls it: a name with
a son ("Fulton's son"), a surname in a list of people or after a preposition that takes
people ("at Camacho and Rivera's apartment") (texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import PUB

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def _place_names(extractor: Extractor, text: str) -> set[str]:
    return {p.name for i in extractor.extract(text, PUB) for p in i.places}


def test_a_name_with_a_son_is_a_person(extractor: Extractor) -> None:
    text = "Fulton was shot in Riverside on Sunday. Fulton's son called police."
    assert _place_names(extractor, text) == {"Riverside"}


def test_a_surname_after_at_is_a_person(extractor: Extractor) -> None:
    text = (
        "Two men were shot on Sunday. Luis Camacho, 19, lived in the apartment with his "
        "brother. Police said the fight began at Camacho and Rivera's apartment after a deal."
    )
    assert "Camacho" not in _place_names(extractor, text)


def test_a_surname_in_a_list_of_people_is_a_person(extractor: Extractor) -> None:
    text = (
        "Two men were shot on Sunday. Luis Camacho, 19, lived in the apartment with his "
        "brother. Police said he met Reese, Miller, Camacho and Rivera that night."
    )
    assert "Camacho" not in _place_names(extractor, text)


def test_a_town_of_a_surname_after_in_stays_a_town(extractor: Extractor) -> None:
    text = (
        "John Lincoln, 40, was shot in Lincoln, Nebraska, on Sunday. Police in Lincoln said "
        "Lincoln's son was not hurt."
    )
    assert "Lincoln" in _place_names(extractor, text)


def test_a_town_with_children_stays_a_town(extractor: Extractor) -> None:
    """ "Flint's children": a town's people, in the plural, do not make Flint a person."""
    text = (
        "Two teens were shot Friday at a park on Flint's north side. Flint's children deserve "
        "to feel safe, the mayor said."
    )
    assert "Flint" in _place_names(extractor, text)
