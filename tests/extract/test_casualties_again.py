"""The dead described again: as a single person hit, by a surname, as a part of those hurt, or
found dead; and words that only look like victims or counts (sentences written for these
tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the one person who died, described again where the shooting is told
        (
            "A seven-year-old boy has died after being shot inside a parked car on Monday. "
            "Police said another child found a pistol and accidentally shot a 7-year-old boy.",
            1,
            None,
        ),
        (
            "A teen died after a shooting on Elm Street on Tuesday. Officers found a teen with "
            "a gunshot wound to the chest, police said.",
            1,
            None,
        ),
        # two people: a different age, a different sex, or a second dead person
        (
            "A 20-year-old man died after a shooting on Elm Street on Tuesday. Officers said a "
            "17-year-old was shot in the leg.",
            1,
            1,
        ),
        (
            "A man died after a shooting on Elm Street on Tuesday. Officers said a woman was "
            "shot in the leg.",
            1,
            1,
        ),
        # an adult is not the teen described again; someone hit "also" is someone else
        (
            "A man died after a shooting on Elm Street on Tuesday. Officers said a teen was "
            "shot in the leg.",
            1,
            1,
        ),
        (
            "A man was shot and killed on Main Street on Saturday night. Police said a person "
            "was also shot and was taken to the hospital in stable condition.",
            1,
            1,
        ),
    ],
)
def test_the_one_dead_person_hit(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Four people were shot on Elm Street on Friday. Two of them died at the hospital.", 2, 2),
        (
            "Deputies found four adults who had been shot at a home on Friday. Two of the "
            "victims were dead at the scene and the others were taken to a hospital.",
            2,
            2,
        ),
        (
            "A shooting on Elm Street on Saturday left four injured. One of the victims who "
            "was shot in the head later died, police said.",
            1,
            3,
        ),
    ],
)
def test_a_part_of_those_hurt_died(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_a_person_with_a_gunshot_wound_was_hit(extractor: Extractor) -> None:
    text = (
        "Officers responding to a shooting on Elm Street on Tuesday found a man with a gunshot "
        "wound to the leg."
    )
    assert counts(main(extractor, text)) == (None, 1)


def test_found_one_person_dead(extractor: Extractor) -> None:
    text = (
        "Police say they found a 5-year-old boy dead inside an apartment after a standoff on "
        "Friday. His father was charged with murder."
    )
    assert counts(main(extractor, text)) == (1, None)


def test_a_surname_after_the_full_name_is_that_person(extractor: Extractor) -> None:
    text = (
        "Police identified the victim as Chauncey Broadway Jr., 18.\n\n"
        "Broadway was shot and killed after a party on Burlingame Boulevard on Saturday."
    )
    incident = main(extractor, text)
    assert counts(incident) == (1, None)
    assert any("Broadway" in v.text for v in incident.victims)


def test_a_year_after_a_day_is_no_count(extractor: Extractor) -> None:
    text = (
        "Nathaniel Griego died Monday, three days after he was shot.\n\n"
        "Related Articles December 26, 2016 Jeffco teen dies after he was shot by friend two "
        "days before Christmas\n\nMore news."
    )
    for incident in extractor.extract(text, PUB):
        assert incident.killed is None or incident.killed.value < 100


def test_executing_a_warrant_kills_no_one(extractor: Extractor) -> None:
    text = (
        "Police say a teen was shot in the hip on Spring Street on Tuesday. Officers later "
        "executed a search warrant at a home nearby."
    )
    assert counts(main(extractor, text)) == (None, 1)


@pytest.mark.parametrize(
    "text",
    [
        # a saying inside the relative clause: "the teen (that) they say was shot"
        "Friends remembered 16-year-old Haley Vargas, the teen they say was shot and killed at "
        "a party on Saturday morning.",
        # the participle hung on the noun that governs the person
        "Police have released the identity of the man found shot and killed on Saturday "
        "morning in Newton Falls.",
        # a child called by her given name after her full name
        "Police said a 6-year-old girl named Isis Allen was struck by a bullet on Sunday.\n\n"
        "After several days in critical condition, Isis was pronounced dead on Wednesday.",
    ],
)
def test_the_dead_person_behind_the_parse(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (1, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the attacker found dead takes no one from the hurt
        (
            "A man shot his wife on Elm Street on Friday and then killed himself. Officers "
            "found the man dead in the bedroom.",
            1,
            1,
        ),
        # one person with a wound, told after both people hit, is one of them
        (
            "A man and a woman were shot in Dayton on Friday. Police said a man with a gunshot "
            "wound to the leg was taken to Miami Valley Hospital.",
            None,
            2,
        ),
        # four hit, three of them dead: the survivors are the one not dead, however many
        # phrases name the people hit
        (
            "Police said four people were shot, three fatally, inside an SUV on Wednesday. The "
            "victims were sitting in the car when they were shot. Two women and a man were "
            "pronounced dead on the scene.",
            3,
            1,
        ),
        # "a Turner": someone of the dead man's family, no one counted twice
        (
            "Deputies said Blake Kyndall Turner was shot and killed on Friday. Deputies found a "
            "Turner, who had been shot, in the yard.",
            1,
            None,
        ),
    ],
)
def test_review_cases_for_the_dead_described_again(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # counted groups joined by "and" add up
        ("Three men and two women were wounded in a shooting on Elm Street on Friday.", None, 5),
        ("Police said six children and two adults were fatally shot in a home on Friday.", 8, None),
        (
            "Police said a 17-year-old boy and three women were injured in a shooting on Friday.",
            None,
            4,
        ),
        # each noun with its own outcome is counted once, in its own bucket
        (
            "Officers found two deceased victims and two injured subjects after a shooting on "
            "Friday.",
            2,
            2,
        ),
        (
            "Five people were shot on Saturday night, including two men who were killed and "
            "two police officers who received minor injuries.",
            2,
            3,
        ),
    ],
)
def test_coordinated_counts(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        # the toll's own words name the person hit: one dead girl, nobody hurt
        "A 9-year-old girl is dead after being shot in the back with a rifle on Sunday.",
        "Two brothers are dead after being shot outside their home on Oak Avenue.",
    ],
)
def test_the_person_a_toll_names_is_not_also_hurt(extractor: Extractor, text: str) -> None:
    killed, injured = counts(main(extractor, text))
    assert killed is not None and killed >= 1
    assert injured is None


@pytest.mark.parametrize(
    "text",
    [
        # neither the place of a "where" clause nor an agency's acronym is the one who died
        "A man was shot on Pine Street and taken by EMS to a hospital where he later died.",
        "Medics took a woman who had been stabbed to the hospital where she died on Friday.",
    ],
)
def test_who_died_where(extractor: Extractor, text: str) -> None:
    incident = main(extractor, text)
    names = {v.text for v in incident.victims}
    assert not names & {"EMS", "a hospital", "the hospital", "hospital"}
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "The man who was shot outside a bar on March 3 has died, police said.",
        "A woman stabbed during a robbery on Sept. 14 died at the hospital on Friday.",
    ],
)
def test_a_day_of_the_month_is_no_count(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (1, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the woman counted as hurt is the one who died: once, as dead
        (
            "Police responded to a shooting on Elm Street. A woman suffered a gunshot wound "
            "to her chest. She died at the hospital.",
            1,
            None,
        ),
        # someone else died: she is still hurt
        (
            "A woman suffered a gunshot wound to her arm on Elm Street. Her husband was killed.",
            1,
            1,
        ),
    ],
)
def test_the_hurt_who_died_count_once(
    extractor: Extractor, text: str, killed: int, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # from review: a number after a month that counts a plural noun still counts
        ("In May 5 people were wounded in shootings on Elm Street.", None, 5),
        # a person's initials the tagger calls an organization are still "he"
        ("Neighbors said AJ was a quiet kid. He was shot and killed Saturday.", 1, None),
        # the woman shot is not the man the toll says is dead
        ("A man accused of shooting a woman is dead.", 1, 1),
    ],
)
def test_review_cases_for_the_dead_counted_once(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)
