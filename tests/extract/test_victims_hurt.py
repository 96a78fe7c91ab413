"""Who was hurt when no number says so: the victim of "the shooting of …", the subject of
"suffered a gunshot wound", the one a pronoun in a "when" clause stands for, and a dead
person named again with "the" (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts, main

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # no charge: a ruling, and negated
            "Police said the shooting of a 30-year-old man on Friday was not being treated as "
            "a homicide.",
            (None, 1),
        ),
        (  # "murder charges": the death noun modifies a charge
            "A man faces murder charges in the stabbing of a clerk at a gas station on Friday.",
            (1, None),
        ),
        (  # the victim told again by "the": the one shot died
            "A 19-year-old was shot outside a store on Tuesday. On Friday police charged a man "
            "with murder in the shooting of the teen.",
            (1, None),
        ),
        (  # the victim told again by another description: no one new
            "A man shot a 21-year-old friend in the neck on Friday, police said. Police charged "
            "the man with reckless conduct in the shooting of a Skokie man.",
            (None, 1),
        ),
        (  # a crash in a story of violence is no attack
            "A man was stabbed at a bar on Friday. Separately, a woman suffered fatal injuries "
            "in a crash on Route 1.",
            (None, 1),
        ),
    ],
)
def test_a_wound_is_a_death_only_when_a_charge_or_a_fatal_word_says_so(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_the_possessor_of_a_shooting_is_not_its_victim(extractor: Extractor) -> None:
    text = (
        "Officer Dan Reyes's shooting of a man in March was justified, a grand jury said on "
        "Friday. The man survived."
    )
    incident = main(extractor, text)
    assert not any("Reyes" in v.text for v in incident.victims)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (  # everyone shot, then some of them: all were hurt
            "Police said five people were shot at a bar early Sunday. Two victims were taken "
            "to a hospital by ambulance and three others went by private car.",
            5,
        ),
        (  # a guard: a total over a day and a half that the victims were among
            "A 16-year-old boy and a 19-year-old man were wounded in a shooting early "
            "Wednesday, police said. The teen and the man were among 11 people shot, one fatally, "
            "across the city from Tuesday to Wednesday. Two people were wounded in the "
            "shooting, police said.",
            2,
        ),
        (  # a count the story then corrects
            "A shooting on Sunday night left four people injured, police said. Police had "
            "first said that seven people were shot, but later corrected the number.",
            4,
        ),
    ],
)
def test_who_was_shot_counts_when_the_story_says_it_first(
    extractor: Extractor, text: str, injured: int
) -> None:
    assert counts(main(extractor, text))[1] == injured


def test_shootings_told_over_name_no_one_new(extractor: Extractor) -> None:
    text = (
        "The police chief discussed Friday's fatal shootings of 16-year-old twin sisters by "
        "their father, who later killed himself. A father shot and killed his twin daughters "
        "in their home Friday before fatally shooting himself, police said."
    )
    assert counts(main(extractor, text))[0] == 3


def test_a_bare_caption_names_no_one_hurt(extractor: Extractor) -> None:
    text = (
        "Witness describes shooting of two brothers in central Fresno. Recognize this man? "
        "Police say he robbed several stores."
    )
    assert all(i.injured is None for i in extractor.extract(text, PUB))
