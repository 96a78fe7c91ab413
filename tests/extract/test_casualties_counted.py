"""Tolls phrased as found bodies, relative clauses and victims named one by one, and ages
written with a space (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.drafts import PeopleWords, count_victims
from tensionwatch.models import Actor, Evidence, Role

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two people were found dead inside a house on Cedar Lane after a shooting.", 2, None),
        (
            "Officers said four people have been found dead at a farm on Route 9 after "
            "a shooting on Sunday.",
            4,
            None,
        ),
        # a relative clause states the toll: "the two men who died", "three who were wounded"
        (
            "Police named one of the two men who died in the shooting on Oak Street on Saturday.",
            2,
            None,
        ),
        (
            "A gunman opened fire at a bar on Tuesday. The three people who were wounded are "
            "expected to survive.",
            None,
            3,
        ),
        # a parenthetical "including …" does not hide the total
        (
            "Eight people, including a 17-year-old girl, were injured in a shooting on Pine "
            "Street on Wednesday.",
            None,
            8,
        ),
        # an age written with a space is not a count of people
        ("An 11 year-old boy was wounded by a stray bullet on Pine Street on Monday.", None, 1),
        ("A 7 year old girl was wounded in a shooting on Main Street on Monday.", None, 1),
        # one person found dead or fatally shot
        ("Deputies said a man was found dead from a gunshot in a parking lot on Monday.", 1, None),
        ("A woman was found fatally shot inside her home on Elm Street on Sunday.", 1, None),
        # an ordinal after a toll is one more person
        ("Two men were killed and a third wounded in a shooting on Elm Street on Sunday.", 2, 1),
        ("Two people were wounded and a third was killed in the shooting on Sunday.", 1, 2),
        # relatives named by a possessive are people of their own, once per noun
        (
            "Police said he shot and killed his girlfriend and her baby daughter in their "
            "home on Friday.",
            2,
            None,
        ),
        ("He is accused of killing his wife and four daughters in their home in May.", 5, None),
        ("A man shot and killed his wife, two young children and his mother-in-law.", 4, None),
        (
            "A man shot and killed his 6-year-old daughter on Sunday. Police said his "
            "daughter died at the scene.",
            1,
            None,
        ),
        ("Police said he shot and killed his two sons at their home on Friday.", 2, None),
        # people sent to hospital, "the shooting of four people": hit, less any who died
        (
            "Police are investigating a shooting at a bar that sent 4 people to the hospital "
            "on Sunday.",
            None,
            4,
        ),
        ("A shooting sent two people to the hospital on Sunday; one of them died.", 1, 1),
        ("A teen was arrested Monday in the Fourth of July shooting of four people.", None, 4),
        # a counted group coordinated with a singular person counts too
        ("Four men and a woman were wounded in a shooting on Elm Street on Sunday.", None, 5),
        # an apposition that restates a count names the same people
        ("The gunman killed three people, two men and a woman, at a bar on Sunday.", 3, None),
        # "the three others" are new people although the phrase is definite
        (
            "The gunman fired into a car with four women inside on Saturday, killing "
            "25-year-old Mary Penn and injuring the three others.",
            1,
            3,
        ),
        # in or taken to the hospital with a wound: hurt; taken there to die: not hurt
        (
            "Two brothers were killed on a porch on Elm Street late Saturday, and three "
            "others are in the hospital with gunshot wounds.",
            2,
            3,
        ),
        (
            "A man was killed in a shooting on Elm Street. A woman was taken to the "
            "hospital with a gunshot wound to her arm.",
            1,
            1,
        ),
        (
            "A man was taken to the hospital with a gunshot wound, where he later died.",
            1,
            None,
        ),
        # at the hospital with no wound, or a condition set off by commas: no one more hurt
        (
            "Two men were shot dead on Elm Street. A bystander was taken to the hospital "
            "with chest pains.",
            2,
            None,
        ),
        ("Jones, in critical condition since the shooting on Elm Street, died Sunday.", 1, None),
        # "None suffered …" is no one, and the match stops at the full stop before it
        (
            "A man was shot dead outside a club on Elm Street. Two others went to a local "
            "hospital. None suffered life-threatening injuries.",
            1,
            None,
        ),
    ],
)
def test_casualties_counted_phrases(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def test_casualties_active_relative_clause_is_not_a_toll(extractor: Extractor) -> None:
    """ "the three men who killed him" names the killers, not three dead."""
    incident = main(
        extractor, "Police arrested the three men who killed a shopkeeper on Elm Street on Friday."
    )
    assert counts(incident)[0] != 3


def _victim(text: str, name: str | None = None, count: int | None = 1) -> Actor:
    return Actor(text=text, role=Role.VICTIM, count=count, name=name)


def test_count_victims_named_people_each_count() -> None:
    victims = [
        _victim("Angelina Benton", "Angelina Benton"),
        _victim("Raynord Daniel", "Raynord Daniel"),
        _victim("Joseph McDonald", "Joseph McDonald"),
    ]
    found = count_victims(victims)
    assert found is not None and found.value == 3


def test_count_victims_a_surname_refers_back() -> None:
    victims = [_victim("Johnny Davis", "Johnny Davis"), _victim("Davis", None)]
    found = count_victims(victims)
    assert found is not None and found.value == 1


def test_count_victims_a_name_repeats_a_description() -> None:
    """ "an 8-year-old girl … MaKayla Dyer": the larger count, not the sum."""
    victims = [_victim("an 8-year-old girl"), _victim("MaKayla Dyer", "MaKayla Dyer")]
    found = count_victims(victims)
    assert found is not None and found.value == 1
    two = [_victim("a man"), _victim("a woman"), _victim("Ann Lee", "Ann Lee")]
    found = count_victims(two)
    assert found is not None and found.value == 2


def test_count_victims_street_names_are_not_people() -> None:
    victims = [_victim("a teenager"), _victim("West 11th Street", "West 11th Street")]
    found = count_victims(victims)
    assert found is not None and found.value == 1


def test_life_threatening_opens_no_threat_incident(extractor: Extractor) -> None:
    text = (
        "A 16-year-old boy was shot on Oak Street on Monday evening. He was taken to a "
        "hospital with what appears to be a non-life threatening injury."
    )
    incidents = extractor.extract(text, None)
    assert len(incidents) == 1
    assert incidents[0].type.value != "threat_harassment"


@pytest.mark.parametrize(
    "text",
    [
        "Police said a man gunned down his neighbor on Oak Street on Friday.",
        "A 19-year-old was gunned down outside a corner store on Pine Street on Sunday.",
    ],
)
def test_gunned_down_is_killed(extractor: Extractor, text: str) -> None:
    """ "gun down" is to shoot dead; the parser often hangs the object on "down"."""
    assert counts(main(extractor, text)) == (1, None)


def test_age_after_a_name_is_not_a_count(extractor: Extractor) -> None:
    """ "Ginger Reeves, 64 were found dead": 64 is her age, not the toll."""
    text = (
        "Deputies said Dennie Reeves, 66 and Ginger Reeves, 64 were found dead after a "
        "shooting at their home on Saturday."
    )
    incidents = extractor.extract(text, None)
    assert all(i.killed is None or i.killed.value < 60 for i in incidents)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man on Friday in the killing of a 7-year-old girl in Columbus.",
        "Detectives are investigating the fatal shooting of 16-year-old boy on Elm Street.",
        "Police are investigating the slaying of a store clerk on Route 9 on Sunday.",
    ],
)
def test_the_killing_of_someone_is_one_killed(extractor: Extractor, text: str) -> None:
    """A noun that names a death ("the killing of", "the fatal shooting of") says its
    victim died, with or without an article before an age."""
    assert counts(main(extractor, text)) == (1, None)


def test_found_shot_victim_is_the_person_found(extractor: Extractor) -> None:
    """ "the death of a man found shot": the man was shot, not the police who investigate."""
    text = "Police investigate the death of a man found shot in his car on Main Street."
    incident = main(extractor, text)
    assert [v.text for v in incident.victims] == ["a man"]


def test_possessor_of_a_killing_is_the_victim(extractor: Extractor) -> None:
    """ "the FMLN's attack" names the attacker, "the mayor's murder" the victim."""
    (murder,) = extractor.extract("The mayor's murder on Sunday shocked the town of Elm.", PUB)
    assert [v.text for v in murder.victims] == ["The mayor's"]
    assert murder.perpetrators == ()
    text = "The rebels' attack on the barracks on Sunday killed four soldiers."
    (attack,) = extractor.extract(text, PUB)
    assert [p.text for p in attack.perpetrators] == ["The rebels"]


def test_possessor_of_a_killing_with_an_object_is_the_attacker(extractor: Extractor) -> None:
    text = "The gang's murder of a shopkeeper on Sunday shocked the town of Elm."
    (murder,) = extractor.extract(text, PUB)
    assert [v.text for v in murder.victims] == ["a shopkeeper"]
    assert [p.text for p in murder.perpetrators] == ["The gang's"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # an age in days or weeks is no count of people
        ("A 3-week-old boy was killed in a shooting on Elm Street on Friday.", 1, None),
        (
            "Twenty-five-day-old Marcus Reed died from multiple gunshot wounds after a "
            "shooting on Saturday.",
            1,
            None,
        ),
        ("A 10-day-old baby was wounded when a gunman fired into a car on Sunday.", None, 1),
        # a number spelled with a hyphen is one number, not its last word
        ("Twenty-five people were killed when a gunman opened fire at a market.", 25, None),
        ("Police said thirty-two people were wounded in the shooting on Monday.", None, 32),
        # an ordinal ranks, it does not count
        (
            "A Lodi eighth-grader died Friday after being accidentally shot at his home.",
            1,
            None,
        ),
        # a house number is no count
        ("A man was shot and killed at 2806 Long Lane in Albuquerque on Saturday.", 1, None),
        # "her family" is the people just counted, not one more
        (
            "A mother fatally shot her husband and three sons in their home before killing "
            "herself. Investigators are trying to learn why she killed her family on Thursday.",
            5,
            None,
        ),
    ],
)
def test_casualties_ages_numbers_and_families(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the outcome as an adjective before the counted noun
        (
            "Police are investigating a shooting that happened Monday night. When officers "
            "arrived, they found two deceased victims and two injured subjects inside the home.",
            2,
            2,
        ),
        (
            "A gunman opened fire at a party on Saturday. Police found three injured women at "
            "the home.",
            None,
            3,
        ),
        # "claimed the life of" reports a death; a statement about taking a life does not
        (
            "Detectives are asking for help with a Wednesday shooting that injured three males "
            "and claimed the life of one female.",
            1,
            3,
        ),
        (
            "Nine people were killed in a shooting at a church on Wednesday. The governor said "
            "no one will understand what makes anyone take the life of another.",
            9,
            None,
        ),
    ],
)
def test_casualties_outcome_adjectives_and_lives_claimed(
    extractor: Extractor, text: str, killed: int | None, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (  # a headline run into its subtitle: the age before the name is no toll
            "NEWS Police: Teen shoots, kills man, 19 Mark Dalton fatally wounded inside home "
            "on Elm Street\n\nA 16-year-old boy shot and killed a 19-year-old man early "
            "Friday, police said.",
            1,
            None,
        ),
        (  # a town's name before the people it counts: still a count
            "A dispute at a bar led to a shooting that left two Gary men dead and four "
            "wounded, police said.",
            2,
            4,
        ),
    ],
)
def test_a_number_before_a_name_is_no_count(
    extractor: Extractor, text: str, killed: int, injured: int | None
) -> None:
    assert counts(main(extractor, text)) == (killed, injured)


def _at(text: str, start: int) -> Actor:
    return Actor(
        text=text, role=Role.VICTIM, count=1, evidence=(Evidence(start, start + len(text), text),)
    )


def test_count_victims_a_bare_noun_of_another_list_shares_no_article() -> None:
    """ "a mother and her son … (earlier) killed son and fiancee": the bare nouns of the other
    list do not take "her" from the first one, so they are no new people."""
    victims = [
        _at("a Riverside mother", 200),
        _at("her son", 223),
        _at("son", 100),
        _at("fiancee", 108),
    ]
    people = PeopleWords(listed=frozenset({200, 223, 100, 108}))
    found = count_victims(victims, people)
    assert found is not None and found.value == 2
    # the same bare nouns right after their list's article do count
    listed = [_at("a mother", 0), _at("father", 10), _at("toddler", 22)]
    found = count_victims(listed, PeopleWords(listed=frozenset({0, 10, 22})))
    assert found is not None and found.value == 3


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "A neighbour discovered the bodies of three family members on Sunday after a "
            "shooting at the Oak Court Apartments.",
            3,
        ),
        ("Police found the bodies of two men in a burned car after a shooting on Maple Avenue.", 2),
    ],
)
def test_the_bodies_of_a_counted_group_are_its_dead(
    extractor: Extractor, text: str, killed: int
) -> None:
    assert counts(main(extractor, text))[0] == killed
