"""Who survived: an attacker's suicide, relatives, "others" added to a count, conditions,
and a toll that names someone already mentioned (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.drafts import count_survivors
from tensionwatch.models import Actor, Role

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the attacker's suicide: the attacker is the dead, the person shot survived
        ("A woman shot a cashier and then killed herself at a store on Elm Street.", 1, 1),
        ("The man shot his wife and then fatally shot himself at their home on Sunday.", 1, 1),
        ("A man shot his neighbor on Oak Street on Monday. He then killed himself.", 1, 1),
        # shooting oneself without dying is an injury
        ("An off-duty deputy accidentally shot himself in the leg at his home on Friday.", None, 1),
        # relatives are people of their own when nobody died
        ("Police said a woman shot her husband and their son on Pine Street on Friday.", None, 2),
        # … but after a death a relative may be the dead person described again
        (
            "Police said a 4-year-old girl was shot and killed on Route 9 on Tuesday. Her "
            "father told officers his 4-year-old daughter was shot in the car.",
            1,
            None,
        ),
        ("Two teenagers and an adult were shot on Maple Avenue on Saturday night.", None, 3),
        # "others" add to a count of the same outcome in their sentence
        (
            "One woman is in serious condition and two others are injured after a shooting "
            "on Elm Street on Sunday.",
            None,
            3,
        ),
        (
            "One man died and three other victims were listed in stable condition after a "
            "shooting on Elm Street on Sunday.",
            1,
            3,
        ),
        # dying of one's wounds is no injury count
        ("A 30-year-old man has died from his gunshot wounds after a shooting on Friday.", 1, None),
        # one person in a condition is one of those shot, not the number hurt
        (
            "At least three men were shot at a bar on Elm Street on Friday. One man is in "
            "critical condition.",
            None,
            3,
        ),
        # a definite toll names someone already introduced
        (
            "A 2-year-old boy was shot at a home on Pine Street on Sunday. Police said the "
            "child was found dead in a bedroom.",
            1,
            None,
        ),
        ("A man was shot on Cedar Street on Monday. He died at a hospital.", 1, None),
    ],
)
def test_survivors(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_suicide_after_a_shooting_is_one_incident(extractor: Extractor) -> None:
    text = "The man shot his wife and then fatally shot himself at their home on Sunday."
    (incident,) = extractor.extract(text, PUB)
    assert [v.text for v in incident.victims] == ["his wife"]


def test_he_after_a_victim_is_the_victim_not_a_date(extractor: Extractor) -> None:
    """ "A man was shot on Monday. He died": "he" is the man, never "Monday"."""
    incident = main(extractor, "A man was shot on Cedar Street on Monday. He died at a hospital.")
    assert [v.text for v in incident.victims] == ["A man"]


def _victim(text: str, name: str | None = None, count: int | None = 1) -> Actor:
    return Actor(text=text, role=Role.VICTIM, count=count, name=name)


def test_count_survivors_relatives_only_when_nobody_died() -> None:
    hit = [_victim("her husband"), _victim("their son")]
    found = count_survivors(hit, [], nobody_died=True)
    assert found is not None and found.value == 2
    assert count_survivors(hit, [], nobody_died=False) is None


def test_count_survivors_named_dead_are_not_survivors() -> None:
    """Ann Lee and a man were shot; a woman and "Lee" died: Ann Lee is among the dead by
    her surname, so the man is the one survivor."""
    hit = [_victim("Ann Lee", "Ann Lee"), _victim("a man")]
    killed = [_victim("a woman"), _victim("Lee", "Lee")]
    found = count_survivors(hit, killed)
    assert found is not None and found.value == 1


def test_count_survivors_definite_toll_was_one_of_those_hit() -> None:
    hit = [_victim("a boy")]
    assert count_survivors(hit, [], dead_again=True) is None
    found = count_survivors(hit, [], dead_again=False)
    assert found is not None and found.value == 1


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # one person described twice: the same age, or a generic noun ("a child")
        (
            "A two-year-old child was shot in the arm on Elm Street on Friday. A 2-year-old "
            "was shot and taken to a hospital, police said.",
            1,
        ),
        (
            "A 6-year-old girl was shot on Elm Street on Friday. Police confirmed that a child "
            "had been seriously injured.",
            1,
        ),
        # two people: different ages, genders
        ("A 25-year-old man was shot in the head. A 17-year-old man was shot in the chest.", 2),
        ("A man and a woman were shot on Elm Street on Friday.", 2),
    ],
)
def test_one_person_described_twice(extractor: Extractor, text: str, injured: int) -> None:
    assert counts(main(extractor, text)) == (None, injured)


def test_accidental_self_shooting_death_lists_the_dead(extractor: Extractor) -> None:
    text = "While cleaning his rifle on Saturday, the teenager accidentally shot himself and died."
    incident = main(extractor, text)
    assert counts(incident) == (1, None)
    assert [v.text for v in incident.victims] == ["the teenager"]


def test_property_hit_is_no_casualty(extractor: Extractor) -> None:
    """ "two cars were hit": a count of property is not a count of people."""
    text = (
        "A 7-year-old girl was critically injured on Saturday night when two cars were hit "
        "by gunfire on Interstate 24."
    )
    assert counts(main(extractor, text)) == (None, 1)


def test_running_total_with_a_strong_trigger_is_no_incident(extractor: Extractor) -> None:
    """ "at this time last year, 9 adults were unintentionally shot": a statistic."""
    text = (
        "A 19-year-old man was shot and killed at a friend's house on Sunday night. Their "
        "data shows at this time last year, 9 adults were unintentionally shot."
    )
    assert counts(main(extractor, text)) == (1, None)


@pytest.mark.parametrize(("age", "killed"), [("17", 1), ("16", 2)])
def test_one_dead_person_described_twice(extractor: Extractor, age: str, killed: int) -> None:
    """The same age is the same person; another age is another person."""
    text = (
        "A gunman shot and killed a 17-year-old boy on Friday, police said. Witnesses said "
        f"the gunman killed a {age}-year-old victim and fled."
    )
    assert counts(main(extractor, text)) == (killed, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # people in one list are never one person described twice
        ("A woman and a child were shot on Elm Street on Friday.", None, 2),
        # a total and its breakdown are not added up
        (
            "Four people were injured in a shooting on Elm Street on Friday; one is in critical "
            "condition and three others are in stable condition.",
            None,
            4,
        ),
        # an attacker found dead is not the person hit described again
        ("A man shot a neighbor on Elm Street on Friday. The shooter was later found dead.", 1, 1),
        # plural and collective subjects keep their own number
        ("The 6 teenagers were found dead after a shooting on Elm Street on Friday.", 6, None),
        ("The couple was found dead after a shooting on Elm Street on Friday.", 2, None),
        # "last year" dates an event; it is no running total
        ("Two men were shot and killed last year at a party on Elm Street.", 2, None),
    ],
)
def test_review_cases(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_self_shooting_in_a_separate_incident_stays_separate(extractor: Extractor) -> None:
    text = (
        "A man was shot on Elm Street on Monday. In a separate incident on Tuesday, a deputy "
        "accidentally shot himself at his home on Oak Street."
    )
    assert len(extractor.extract(text, PUB)) == 2


def test_a_death_toll_statistic_is_no_death(extractor: Extractor) -> None:
    text = (
        "A man was wounded in a shooting on Elm Street on Friday. The city's shooting death "
        "toll has doubled since last spring."
    )
    assert counts(main(extractor, text)) == (None, 1)
