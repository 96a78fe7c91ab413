"""Numbers that count something else (a part of a group, an age list, a caption's image, a
gang's name, a house number), things that are no people, and a run of verbs that goes on
telling of one victim (texts written for these tests)."""

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
            "Five people were shot on Maple Avenue on Saturday. Officers said Sunday that three "
            "of the five gunshot victims had died.",
            (3, 2),
        ),
        ("Police said two of the four victims died after the shooting on Birch Lane.", (2, None)),
        # the whole's own clause or participle tells the whole's fate
        ("Police named one of the two men who died in the shooting on Birch Lane.", (2, None)),
        ("One of five people shot outside a bar on Birch Lane on Saturday has died.", (1, 4)),
        ("One of his three children was killed in the shooting on Birch Lane.", (1, None)),
        ("Police said three of the five people in the car were killed on Birch Lane.", (3, None)),
        # the whole of those hurt stays the toll of the hurt
        (
            "Two of the five victims are in critical condition after a shooting on Birch Lane.",
            (None, 5),
        ),
    ],
)
def test_a_part_of_a_group_is_the_toll(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_none_of_a_group_died_is_no_toll_of_the_group(extractor: Extractor) -> None:
    text = "Four people were shot on Birch Lane on Friday. None of the four victims died."
    assert counts(main(extractor, text))[0] != 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said Tom Reed, 71, died, and three other men, ages 47, 29 and 31, and a "
            "woman, 38, were injured in the shooting on Birch Lane.",
            (1, 4),
        ),
        # "Photo 3 of 9" numbers a photo; "an Eight Ball Crip" names a gang
        ("Photo 3 of 9 A woman died after a shooting on Birch Lane on Friday.", (1, None)),
        ("Police said a gunman killed an Eight Ball Crip on Maple Avenue on Friday.", (1, None)),
        (
            "A woman was shot on Maple Avenue. Officers found her in a second-floor unit at "
            "418 West 92nd St. in Riverside at about 9 p.m. Friday, a spokesman said. She was "
            "pronounced dead there.",
            (1, None),
        ),
    ],
)
def test_numbers_that_count_no_people(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_a_round_number_after_an_article_still_counts(extractor: Extractor) -> None:
    text = "A hundred people were injured in the blast at the Riverside market on Friday."
    assert counts(main(extractor, text)) == (None, 100)


@pytest.mark.parametrize(
    "text",
    [
        "Two people were shot on Maple Avenue on Friday night. Several parked cars were hit.",
        "A gunman fired into a crowd on Maple Avenue on Friday and hit two men and their SUV.",
        "The gunman shot his way out of the Birch Lane lounge on Friday, wounding two bystanders.",
    ],
)
def test_things_hit_are_no_people_hurt(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (None, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A gunman opened fire in the Birch Lane home, leaving two men dead and a wounded "
            "9-year-old boy hiding in a closet, police said.",
            (2, 1),
        ),
        (
            "Police found a wounded man outside the bar on Birch Lane after a shooting on Friday.",
            (None, 1),
        ),
        (
            "Officers found two wounded men outside the bar on Birch Lane after a shooting on "
            "Friday.",
            (None, 2),
        ),
    ],
)
def test_a_wounded_person_is_hurt(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deputies said Jones suffered a gunshot wound to the chest, was flown to a trauma "
            "center and was later pronounced dead.",
            (1, None),
        ),
        # the verbs after one whose object is the victim tell of the one who shot
        (
            "Police said Tom Reed shot his neighbor on Birch Lane, drove away and was killed "
            "in a crash.",
            (None, 1),
        ),
        ("A man was shot on Maple Avenue, ran to a store and died there.", (1, None)),
        # a verb with an object of its own after a passive one: the victim hit back
        (
            "An officer was shot in the arm, returned fire and killed the gunman on Birch Lane.",
            (None, 1),
        ),
        ("An officer was shot and killed the gunman on Birch Lane.", (None, 1)),
    ],
)
def test_a_run_of_verbs_tells_of_one_victim(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five people were shot outside a bar on Birch Lane on Tuesday, and three did not "
            "survive.",
            (3, 2),
        ),
        (
            "A 17-year-old boy did not survive his wounds after he was shot on Birch Lane.",
            (1, None),
        ),
        (
            "Five people were shot outside a bar on Birch Lane; two of the victims did not "
            "survive.",
            (2, 3),
        ),
    ],
)
def test_who_did_not_survive_died(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_would_not_survive_is_a_fear_not_a_death(extractor: Extractor) -> None:
    text = (
        "Three people were shot on Birch Lane on Friday. Doctors fear two would not survive "
        "the night."
    )
    assert counts(main(extractor, text)) == (None, 3)


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot and killed one block from his home on Birch Lane on Friday.",
        "A man was shot and killed execution-style on Birch Lane on Friday.",
    ],
)
def test_a_place_or_manner_after_killed_is_no_one_killed(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (1, None)


def test_an_accident_in_a_teaser_is_no_toll_of_the_shooting(extractor: Extractor) -> None:
    text = (
        "A teenage girl died after a shooting at an apartment on Birch Lane on Monday.\n\n"
        "4 dead, dozens hurt as bus carrying football team crashes A charter bus wreck killed "
        "four people and injured dozens from a high school football squad."
    )
    assert {counts(i) for i in extractor.extract(text, PUB)} <= {(1, None), (None, None)}


def test_people_shot_and_killed_all_died(extractor: Extractor) -> None:
    text = (
        "One of the three people shot and killed Saturday at the Riverside bus station was a "
        "retired teacher from Maple Avenue."
    )
    assert counts(main(extractor, text)) == (3, None)
