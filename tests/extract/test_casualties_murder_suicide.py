"""Murder-suicides and people hurt beside the dead: who counts once, who counts twice
(sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the killer who then died is one more dead besides those he killed
        ("A man killed his wife and then himself at their home on Elm Street on Sunday.", 2, None),
        (
            "A father shot and killed his twin daughters at their home on Friday before fatally "
            "shooting himself, police said.",
            3,
            None,
        ),
        (
            "A man shot and killed his wife and her mother on Oak Street on Monday and then "
            "killed himself.",
            3,
            None,
        ),
        # … but one person described twice is counted once
        ("Police said the 19-year-old turned the rifle on himself and died on Friday.", 1, None),
        (
            "The toddler shot and killed himself on Sunday. Police said a 4-year-old child "
            "was killed.",
            1,
            None,
        ),
        # shooting someone and then oneself without dying: both are hurt
        ("A student shot his girlfriend and then himself on Elm Street on Friday.", None, 2),
        ("Police said the man shot himself and his son, 10, while cleaning a gun.", None, 2),
        # the one shot first was not killed by the verb that killed another
        (
            "A man shot his 16-year-old daughter and killed her mother on Elm Street on Sunday "
            "before turning the gun on himself.",
            2,
            1,
        ),
        ("A gunman shot a man and killed his brother on Elm Street on Friday.", 1, 1),
        ("Police said the gunman killed a woman and wounded her son on Friday.", 1, 1),
        # "twins" are two people although no number is written
        ("The gunman killed his twin sons on Elm Street on Friday.", 2, None),
        # a plural without a number describes counted people again
        (
            "A man killed his two sons on Elm Street on Friday. Police said his children "
            "were killed in their beds.",
            2,
            None,
        ),
    ],
)
def test_murder_suicide_counts(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize("dash", ["--", "\u2014", "(", ","])
def test_a_total_with_an_aside_keeps_the_total(extractor: Extractor, dash: str) -> None:
    close = {"(": ")"}.get(dash, dash)
    text = f"Four people {dash} including a child {close} were injured in a shooting on Monday."
    assert counts(main(extractor, text)) == (None, 4)


def test_dateline_is_not_part_of_the_victim(extractor: Extractor) -> None:
    text = (
        "DALLAS - A three-year-old girl was recovering at a hospital after being shot in the "
        "leg early Friday morning."
    )
    incident = main(extractor, text)
    assert [v.text for v in incident.victims] == ["A three-year-old girl"]
    assert counts(incident) == (None, 1)


def test_caption_words_are_never_victims(extractor: Extractor) -> None:
    text = (
        "Photo: Metro Video Image 8 of 8 4-year-old who accidentally shot himself dies. "
        "A firefighter accidentally shot self at the firehouse on Friday."
    )
    victims = [v.text for i in extractor.extract(text, PUB) for v in i.victims]
    assert "Photo" not in victims
    assert "A firefighter" in victims


def test_headline_incident_takes_the_lead_day_of_its_body(extractor: Extractor) -> None:
    """The body reports no incident the extractor can read, the headline does: the day the
    body's lead names in a sentence about the same thing dates it."""
    body = (
        "A mother and her son were found dead inside a car in the Poconos Sunday and police "
        "are trying to figure out what led to it. Neighbors said they were shocked."
    )
    (incident,) = extractor.extract(body, PUB, "a1", "Two dead after shooting in the Poconos")
    assert incident.date is not None and incident.date.precision.value == "day"
    assert incident.date.start == incident.date.end
    assert incident.date.end is not None and incident.date.end.weekday() == 6  # a Sunday
    assert [e.text for e in incident.date.evidence] == ["Sunday"]


def test_headline_incident_ignores_a_day_about_something_else(extractor: Extractor) -> None:
    body = "The city council met on Monday to discuss the budget. Members voted to raise taxes."
    (incident,) = extractor.extract(body, PUB, "a1", "Two dead after shooting in the Poconos")
    assert incident.date is None or incident.date.start is None


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # in a murder-suicide the people the attacker shot before shooting himself died
        (
            "It appears the man shot the woman and the child and then shot himself in a "
            "murder-suicide on Elm Street, police said.",
            3,
            None,
        ),
        (
            "A father shot his two sons before turning the gun on himself in a murder-suicide "
            "on Friday.",
            3,
            None,
        ),
        # … but not in an attempted one
        (
            "A man shot his wife and then shot himself in an attempted murder-suicide on Elm "
            "Street on Friday.",
            None,
            2,
        ),
        # two people found dead together
        (
            "A young father and his 7-month-old daughter were found dead in a car in an "
            "apparent murder-suicide on Monday.",
            2,
            None,
        ),
        ("Police found a father and daughter dead in a murder-suicide on Sunday.", 2, None),
        ("Police found three people dead in a suspected murder suicide on Sunday.", 3, None),
    ],
)
def test_murder_suicide_words(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_a_list_of_definite_phrases_names_several_people(extractor: Extractor) -> None:
    """ "the woman and the child" are two people; "his wife … the wife" is one."""
    text = "Police said the gunman shot the woman and the child on Elm Street on Friday."
    assert counts(main(extractor, text)) == (None, 2)
    text = (
        "A man killed his wife and his two sons on Elm Street on Friday. Police found the "
        "wife and the children in the kitchen, where the wife was killed."
    )
    assert counts(main(extractor, text))[0] == 3


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "another" and "were left" carry the outcome of the clause before them
        ("Three people were killed and another critically injured at a farm on Monday.", 3, 1),
        ("Two people were killed and two were left seriously wounded at a home on Friday.", 2, 2),
        ("One man was wounded and another died at the scene on Friday.", 1, 1),
        # a generic description in a later sentence is someone already counted
        (
            "A 16-year-old boy was shot and killed on Elm Street on Friday. Police said a teen "
            "died at the scene.",
            1,
            None,
        ),
        (
            "Two teens were shot near the fairgrounds on Friday. Deputies said two 16-year-old "
            "males were taken to a hospital after they were shot.",
            None,
            2,
        ),
        # money and measures count no people
        (
            "An officer responding to a report of a $10 armed robbery shot a 13-year-old boy "
            "on Wednesday night.",
            None,
            1,
        ),
    ],
)
def test_ellipsis_generic_and_measures(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_a_measure_is_no_casualty(extractor: Extractor) -> None:
    text = "The four-time 100m champion suffered a hamstring injury at the Olympic trials."
    assert all(i.injured is None or i.injured.value < 100 for i in extractor.extract(text, PUB))


def test_where_a_victim_was_taken_is_no_place_of_the_event(extractor: Extractor) -> None:
    """The hospital a victim was taken to neither places the event nor splits it."""
    text = (
        "A 17-year-old boy was shot in the leg early Monday in the West Ward. The victim said "
        "he and his friends were walking on Laurel Avenue when he heard multiple gunshots "
        "coming from a vehicle. The teenager realized he was shot in the leg and his friends "
        "transported him to Capital Health Regional Medical Center for treatment."
    )
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == (None, 1)
    assert all("Capital Health" not in p.name for p in incident.places)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Officials said 4 people including a 21-year-old girl were injured on Friday.", None, 4),
        ("Officers found the gunman and the boy dead in a murder-suicide on Friday.", 2, None),
        (
            "Seven young men remained hospitalized Tuesday, one with critical injuries, after "
            "they were attacked by a pair of gunmen.",
            None,
            7,
        ),
    ],
)
def test_more_count_phrases(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a denied or attempted murder-suicide kills nobody
        (
            "A man shot his wife and then shot himself on Friday. Police said it was not a "
            "murder-suicide.",
            None,
            2,
        ),
        # the killer found dead with his victim is counted once
        (
            "Deputies found the gunman and the boy dead. The gunman had shot the boy before "
            "killing himself.",
            2,
            None,
        ),
        # the dead are not also counted as hurt
        (
            "Police found a man and his son dead on Friday. The man shot his son and then shot "
            "himself.",
            2,
            None,
        ),
        # a clause with a verb of its own is no aside of a total; a family is no person
        ("Officers arrested 3 suspects including a man who had been injured.", None, 1),
    ],
)
def test_review_cases_murder_suicide(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_a_family_found_dead_is_no_count_of_two(extractor: Extractor) -> None:
    text = "Police found a man and his family dead in a murder-suicide on Friday."
    assert counts(main(extractor, text))[0] != 2


def test_moving_to_a_place_is_not_being_taken_there(extractor: Extractor) -> None:
    text = "Officers rushed to a home in Dayton, where a man had been shot in the leg on Friday."
    incident = main(extractor, text)
    assert "Dayton" in {p.resolved or p.name for p in incident.places}


def test_one_of_those_hit_has_died(extractor: Extractor) -> None:
    text = "One of five people shot outside a nightclub on Saturday has died, police said."
    assert counts(main(extractor, text)) == (1, 4)


def test_taken_to_a_hospital_in_the_passive_is_no_place(extractor: Extractor) -> None:
    text = (
        "A boy was shot in the chest on Harding Avenue on Saturday and taken by his father "
        "to Cook County Hospital, where he died."
    )
    assert all("Cook County" not in p.name for p in main(extractor, text).places)
