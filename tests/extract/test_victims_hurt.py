"""Who was hurt when no number says so: the victim of "the shooting of …", the subject of
"suffered a gunshot wound", the one a pronoun in a "when" clause stands for, and a dead
person named again with "the" (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deputies arrested a man on Friday in connection with the shooting of a "
            "12-year-old girl last week. She was released from the hospital.",
            (None, 1),
        ),
        (
            "Police are investigating the accidental shooting of a four-year-old boy on "
            "Sunday. The boy is in stable condition.",
            (None, 1),
        ),
        (
            "A grand jury cleared an officer on Friday in the non-fatal shooting of a "
            "teenager during a traffic stop in March.",
            (None, 1),
        ),
        (
            "A man was charged with murder on Friday in the shooting of a woman at an "
            "apartment complex on Elm Street.",
            (1, None),
        ),
        (
            "A man was charged with attempted murder on Friday in the shooting of a woman "
            "at an apartment complex on Elm Street.",
            (None, 1),
        ),
        (
            "Police said the fatal shooting of a taxi driver on Tuesday was not random.",
            (1, None),
        ),
    ],
)
def test_the_one_an_attack_noun_is_of(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deputies are investigating an accidental shooting on Thursday afternoon. "
            "Deputies say Maria Lopez was handling a pistol when it discharged. Lopez "
            "suffered a minor hand injury.",
            (None, 1),
        ),
        (
            "Officers responded to a shooting on Oak Street on Thursday night. The boy "
            "sustained a gunshot wound to the leg and is expected to recover.",
            (None, 1),
        ),
        (
            "Officers found a man shot inside a car on Oak Street on Thursday. He suffered "
            "fatal injuries.",
            (1, None),
        ),
        (
            "A man was shot on Oak Street on Thursday. He suffered a gunshot wound to the "
            "chest and died at the scene.",
            (1, None),
        ),
    ],
)
def test_who_suffered_a_wound_was_hurt(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_an_injury_suffered_outside_a_story_of_violence_is_no_incident(
    extractor: Extractor,
) -> None:
    text = (
        "The quarterback suffered a knee injury in the second half on Sunday. The coach "
        "said he would miss the rest of the season."
    )
    assert extractor.extract(text) == []


def test_a_pronoun_in_a_when_clause_is_the_subject_it_hangs_on(extractor: Extractor) -> None:
    text = (
        "A 15-year-old was hunting with another boy on Saturday when he was accidentally "
        "shot, the sheriff's office said. He was flown to a hospital."
    )
    incident = main(extractor, text)
    assert counts(incident) == (None, 1)
    assert [v.text for v in incident.victims][:1] == ["A 15-year-old"]


def test_the_dead_named_again_with_the_are_not_also_hurt(extractor: Extractor) -> None:
    text = (
        "A Tulsa woman has died after she was accidentally shot by her toddler on Sunday. "
        "Police said a 26-year-old mother was shot in the back inside her home. The "
        "26-year-old mother was pronounced dead at a hospital."
    )
    assert counts(main(extractor, text)) == (1, None)
