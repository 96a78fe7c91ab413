"""Counts that are not one number phrase (sentences written for these tests): running totals
over many events ("so far this year") feed no incident; a person shot with no outcome stated
is one of the injured; "hospitalized", "in critical condition", "treated for wounds";
"three shot, one fatally"; "three others were shot"; a killer who killed himself."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a running total over the year is not this shooting's toll
        (
            "A man was shot and killed on Oak Street on Thursday. Police said 212 people have "
            "been killed in the city so far this year.",
            1,
            None,
        ),
        (
            "Two women were wounded in a shooting on Pine Avenue on Wednesday. Since January, "
            "more than 90 people have been shot across the city.",
            None,
            2,
        ),
        # shot, with no death reported: one injured, whoever the text calls them
        ("Deputies said his cousin accidentally shot the boy in the hand on Tuesday.", None, 1),
        (
            "Police are looking for the driver who fired at a girl who was shot in the knee "
            "outside a store on Monday.",
            None,
            1,
        ),
        # shot-versus-killed arithmetic: "one fatally" is among the shot, "others" are not
        ("Three people were shot on Friday night on Elm Street, one fatally.", 1, 2),
        ("One man was killed and three others were shot on Friday night on Elm Street.", 1, 3),
        # a killer who then killed himself is one more than the people he killed ...
        ("The gunman killed two people at a bar on Thursday before killing himself.", 3, None),
        # ... but a toll stated as a subject already counts him
        (
            "Three people are dead after a man shot his wife and her sister on Thursday and "
            "then killed himself.",
            3,
            None,
        ),
        # hospital and condition phrases state an injury
        (
            "A shooting on Elm Street on Thursday left a 14-year-old boy in critical condition.",
            None,
            1,
        ),
        ("A woman was hospitalized after a shooting on Birch Road on Thursday.", None, 1),
        ("Two men were treated for gunshot wounds after a shooting on Thursday night.", None, 2),
        ("Four people were hospitalized after gunfire erupted at a party on Saturday.", None, 4),
    ],
)
def test_casualties_totals_counts(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_casualties_totals_shot_then_died_is_not_injured(extractor: Extractor) -> None:
    """A victim shot in one sentence and reported dead in another is killed, not also hurt."""
    text = (
        "A teenager was shot near a bus stop on Wednesday night. Hours later, the 17-year-old "
        "died at a hospital, police said."
    )
    assert counts(main(extractor, text)) == (1, None)


def test_casualties_totals_named_hospital_is_no_total(extractor: Extractor) -> None:
    """ "Nationwide" inside a hospital's name is not a running total."""
    text = (
        "Police said a 12-year-old girl died of a gunshot wound on Sunday and a 10-year-old "
        "boy is in critical condition at Nationwide Children's Hospital."
    )
    assert counts(main(extractor, text)) == (1, 1)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "others" are besides the nearest count before them, here the dead man
        (
            "1 Dead, 3 Injured in Pompano Beach Robbery Attempt: Deputies  One man died and "
            "three others were injured in a shooting early Sunday morning.",
            1,
            3,
        ),
        (
            "One man is in critical condition and three others are injured after a shooting "
            "on Sunday.",
            None,
            4,
        ),
        # the wounded counted the one who later died
        (
            "One of four women wounded in a late night shooting in Lexington has died. "
            "Police found three injured women at the home.",
            1,
            3,
        ),
        ("Four people were wounded in a shooting on Friday. One of them has died.", 1, 3),
        ("More than four people were wounded in a shooting on Friday. One of them died.", 1, 3),
        # … but not when the dead are no one of the wounded
        (
            "Three people were wounded in a shooting Friday night in Akron. Police said one of "
            "the gunmen was killed by officers.",
            1,
            3,
        ),
        (
            "A woman was wounded and a man was killed, and two others were hurt in a shooting "
            "Friday in Akron.",
            1,
            3,
        ),
        # a number at the end of a line counts the people on the next
        ("Police said three\npeople were wounded in a shooting Friday in Akron.", None, 3),
        ("Police said 3\npeople were wounded in a shooting Friday in Akron.", None, 3),
        # … but not when the dead are reported apart from the wounded
        (
            "Two people were killed and four wounded in a shooting on Friday. One of the "
            "victims died at the scene.",
            2,
            4,
        ),
    ],
)
def test_casualties_totals_others_and_the_dead_among_the_wounded(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)
