"""Counts stated by one person's fate rather than a number word (sentences written for these
tests): "a 13-year-old was shot", "who died at the scene", "wounded a third"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # one person named by an age: "a 13-year-old" is one victim
        ("Officers say a 12-year-old was shot in the arm outside a gas station.", None, 1),
        ("Deputies said a 15-year-old has died after being shot in the chest.", 1, None),
        # the relative pronoun stands for the person it follows
        ("The pistol went off, striking Jordan Miles, who died at the scene.", 1, None),
        # the conjoined verb's subject died
        ("Police said the 19-year-old turned the rifle on himself and died.", 1, None),
        # ordinals and "one of" state their own number
        ("The gunman killed two coworkers and seriously wounded a third.", 2, 1),
        (
            "Officers found three gunshot victims in the yard on Tuesday; one of them was "
            "pronounced dead after a shooting there.",
            1,
            2,
        ),
        ("Police are investigating a shooting; a 7-year-old boy was grazed by a bullet.", None, 1),
        ("A shooting on Elm Road late Sunday left a 20-year-old woman dead.", 1, None),
        ("Detectives made an arrest in the fatal shooting of a 31-year-old man.", 1, None),
        ("A woman suffered a gunshot wound to her leg in a shooting on Saturday.", None, 1),
        # an age set off by commas after a word for one person counts nobody
        ("Police said a boy, 14, was fatally shot near a park in Dayton on Sunday.", 1, None),
        ("The victim, 23, was wounded in the leg outside a bar on Elm Street.", None, 1),
        # "themself", the singular reflexive, and an injury described across a hyphen
        ("Police said a young child found the pistol and shot themself in the hand.", None, 1),
        ("After a shooting on Elm Street, a man suffered non-life threatening injuries.", None, 1),
    ],
)
def test_casualties_singular_counts(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_casualties_no_one_else_keeps_the_hurt(extractor: Extractor) -> None:
    """ "No one else was hurt" adds nobody; it does not undo the man already shot."""
    incident = main(
        extractor, "A man was shot in the foot on Cedar Lane on Monday. No one else was hurt."
    )
    assert counts(incident) == (None, 1)


def test_casualties_nobody_hurt_is_zero(extractor: Extractor) -> None:
    incident = main(extractor, "Someone fired shots at a parked car on Monday. Nobody was hurt.")
    assert incident.injured is not None
    assert incident.injured.value == 0


@pytest.mark.parametrize(
    "text",
    [
        "Investigators said five rounds were fired and a man was shot in the hip.",
        "Police said four bullets hit the house on Monday and a man was shot.",
    ],
)
def test_casualties_bullets_are_not_people(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (None, 1)


def test_mentions_a_day_is_not_a_victim(extractor: Extractor) -> None:
    incident = main(extractor, "A woman suffered a gunshot wound in a shooting on Monday.")
    assert "Monday" not in {v.text for v in incident.victims}


def test_assemble_a_street_is_not_she(extractor: Extractor) -> None:
    incident = main(
        extractor,
        "A woman was shot in the back on Birch Street. She was later pronounced dead.",
    )
    assert "Birch Street" not in {v.text for v in incident.victims}
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "A cab driver tells police he was shot while waiting for a fare near the station.",
        "The clerk told the staff she had been stabbed outside the store on Monday.",
    ],
)
def test_assemble_a_body_of_people_is_not_he_or_she(extractor: Extractor, text: str) -> None:
    incident = main(extractor, text)
    names = {v.text for v in incident.victims}
    assert not names & {"police", "the staff", "staff"}
    assert names & {"A cab driver", "The clerk"}


def test_assemble_a_surname_that_is_a_collective_noun_is_still_he(extractor: Extractor) -> None:
    incident = main(
        extractor,
        "Officers found Bill Press on the porch of his home on Monday. He had been shot in "
        "the leg.",
    )
    assert "Bill Press" in {v.text for v in incident.victims}
    assert counts(incident) == (None, 1)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # a headline's age without an article: the whole age, one person (the tagger marks
        # "10-year" as a date, which is no part of a person elsewhere)
        ("12-year-old injured in accidental shooting at a hunting camp", "12-year-old"),
        ("Around 5:40 p.m. a 19-year-old was shot on Oak Street.", "a 19-year-old"),
    ],
)
def test_actors_an_age_alone_is_the_person(extractor: Extractor, text: str, victim: str) -> None:
    incident = main(extractor, text)
    assert [v.text for v in incident.victims] == [victim]
    assert counts(incident) == (None, 1)
