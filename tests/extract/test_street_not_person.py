"""A street the tagger calls a person ("Birch Lane") is no victim; a person with a street
word for a surname still is (texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tensionwatch.geo import street_words

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def test_street_after_a_preposition_is_no_victim(extractor: Extractor) -> None:
    incidents = extractor.extract("Police are investigating a shooting on Birch Lane.", PUB)
    assert all(not i.victims and counts(i) == (None, None) for i in incidents)


def test_person_named_like_a_street_is_a_victim(extractor: Extractor) -> None:
    (incident,) = extractor.extract("A gunman shot Sarah Lane outside her home on Sunday.", PUB)
    assert [v.text for v in incident.victims] == ["Sarah Lane"]
    assert counts(incident) == (None, 1)


def test_street_words_are_the_gazetteer_s() -> None:
    assert {"lane", "street", "avenue"} <= street_words()
