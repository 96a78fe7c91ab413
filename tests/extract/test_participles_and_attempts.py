"""Participles the parser reads as a clause of their own, attempts that killed no one, ages
that are no count, and totals shared by coordinated clauses (sentences written for these
tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "expected", "victim"),
    [
        # the parser makes "shot" the root and "is" a clause with no subject
        ("A 6-year-old boy shot Sunday in Tampa is in stable condition.", (None, 1), "boy"),
        # … "remains" an auxiliary of "hospitalized"
        ("A woman shot in the leg Friday night remains hospitalized.", (None, 1), "woman"),
        # … the participle the subject of "died"
        ("The teen shot on Main Street died at the hospital.", (1, None), "teen"),
        # … "did not suffer" a conjunct with no "and"
        (
            "A 4-year-old Polk County boy shot Sunday in Polk County did not suffer "
            "life-threatening wounds, according to authorities.",
            (None, 1),
            "boy",
        ),
        # … a participle tagged past tense that modifies the noun
        ("The man shot Sunday was identified as John Smith.", (None, 1), "man"),
    ],
)
def test_a_participle_read_as_a_past_tense_still_names_who_was_hurt(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None], victim: str
) -> None:
    incident = main(extractor, text)
    assert counts(incident) == expected
    assert [v.text.split()[-1] for v in incident.victims] == [victim]


@pytest.mark.parametrize(
    "text",
    [
        "The gunman shot twice and fled.",  # an active verb with "and" before the next one
        "The gunman shot Sunday, then fled.",
        "The man who shot Sunday was identified as John Smith.",  # a relative clause
        "Police said the gunman shot first.",  # the next verb has a subject of its own
    ],
)
def test_an_active_shooter_is_no_victim(extractor: Extractor, text: str) -> None:
    incidents = extractor.extract(text)
    assert all(not i.victims and counts(i) == (None, None) for i in incidents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He pleaded not guilty to murdering three people, and trying to kill two others.", 3),
        (
            "Smith, 30, shot a neighbor on Sunday and is charged with attempting to kill "
            "two officers.",
            None,
        ),
        ("A man was shot Sunday in Tampa. The gunman tried to shoot and kill two officers.", None),
        ("A man was shot Sunday in Tampa. The gunman threatened to kill two officers.", None),
    ],
)
def test_an_attempt_or_a_threat_to_kill_is_no_death(
    extractor: Extractor, text: str, expected: int | None
) -> None:
    incidents = extractor.extract(text)
    assert incidents
    assert max((i.killed.value for i in incidents if i.killed), default=None) == expected


def test_an_attempt_aimed_at_no_person_still_happened(extractor: Extractor) -> None:
    """The parser hangs "firing" on "attempting": the firing was no attempt."""
    text = (
        "Adam Hale stepped into the line of fire while attempting to photograph someone "
        "firing a pistol at a makeshift range in Sutton, troopers said."
    )
    incidents = extractor.extract(text)
    assert any(p.name == "Sutton" for i in incidents for p in i.places)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # "42" closes a list of ages, not a count of the hurt
        (
            "A gunman opened fire at a bar Sunday. Two men, 30 and 42 were injured in the "
            "shooting.",
            2,
        ),
        ("A gunman opened fire at a bar Sunday. Three women, ages 21, 32 and 49, were hurt.", 3),
        ("A gunman opened fire at a bar Sunday. Two men, aged 25 and 30, were injured.", 2),
        # "under the age of eight" is no count of eight
        (
            "A gunman opened fire at a park Sunday. Two children under the age of eight were "
            "critically wounded.",
            2,
        ),
        ("A gunman opened fire at a bar Sunday. Police said 3 were killed and 2 were injured.", 2),
    ],
)
def test_ages_are_no_count(extractor: Extractor, text: str, injured: int) -> None:
    incident = main(extractor, text)
    assert incident.injured is not None
    assert incident.injured.value == injured


def test_a_total_closing_two_clauses_covers_both(extractor: Extractor) -> None:
    """ "in 12 shootings" closes both clauses: neither count is this event's toll."""
    text = (
        "One man was killed and four people were wounded Sunday outside a store in Pine "
        "Hills. Since October, eight people have died and at least 10 others were injured "
        "in 12 shootings in the area."
    )
    incident = main(extractor, text)
    assert counts(incident) == (1, 4)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # "a father" is who shot, told as the object of "led"
        (
            "A spent shell casing led a father to accidentally shoot and kill his teen son at "
            "a gun range.",
            "his teen son",
        ),
        ("The argument led a man to shoot his neighbor on Sunday.", "his neighbor"),
    ],
)
def test_the_object_of_a_verb_of_causing_is_who_acts(
    extractor: Extractor, text: str, victim: str
) -> None:
    incident = main(extractor, text)
    assert [v.text for v in incident.victims] == [victim]
    assert counts(incident)[0 if "kill" in text else 1] == 1


@pytest.mark.parametrize(
    ("title", "body", "killed"),
    [
        (
            "Woman Kills Daughter In Tragic Murder-Suicide",
            "Neighbors heard a muffled sound early Tuesday. Police later confirmed that the "
            "shooting was a murder-suicide.",
            2,
        ),
        (
            "Police said John Smith killed his wife in a murder-suicide on Sunday.",
            "Officers found the bodies in a home on Elm Street.",
            2,
        ),
        ("2 dead in apparent murder-suicide", "Police found the bodies Sunday.", 2),
    ],
)
def test_who_kills_in_a_murder_suicide_dies_too(
    extractor: Extractor, title: str, body: str, killed: int
) -> None:
    incidents = extractor.extract(body, None, "ms", title=title)
    assert max(i.killed.value for i in incidents if i.killed) == killed


def test_an_age_compound_read_as_an_adjective_is_still_a_person(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "Sign up for our newsletter.", None, "age", title="12-year-old accidentally shot in Tulsa"
    )
    assert counts(incident) == (None, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a series of acts: the one who shot is no victim
        ("The teenager shot twice, dropped the gun and ran from the store, police said.", []),
        ("The homeowner shot once, hit the intruder in the leg and called 911.", []),
        # a photograph is no one shot
        ("A prior mug shot from the Department of Corrections shows him with tattoos.", []),
        # an act after an attempt happened
        ("The suspect tried to escape and shot two deputies, killing one of them.", [(1, 2)]),
        ("He tried to carjack a woman at a red light and fatally stabbed her.", [(1, None)]),
        # a count of people after a list of ages counts them
        (
            "A gunman opened fire Sunday. The victims, ages 19 and 22, and three other people "
            "were wounded in the shooting.",
            [(None, 3)],
        ),
        # the many events are not where this man was killed
        (
            "A 30-year-old man was killed Friday night and police linked the gunman to four "
            "earlier shootings.",
            [(1, None)],
        ),
        # a murder-suicide told beside an older killing adds no dead killer to it
        (
            "A woman was shot Sunday. The murder-suicide comes a month after a man killed his "
            "neighbor on the same street.",
            [(1, None)],
        ),
        # "the one that killed 12", an event named only to be prevented
        ("Officials vowed to prevent attacks like the one that killed 12 people in March.", []),
    ],
)
def test_what_the_new_readings_leave_alone(
    extractor: Extractor, text: str, expected: list[tuple[int | None, int | None]]
) -> None:
    found = [counts(i) for i in extractor.extract(text) if counts(i) != (None, None)]
    assert found == expected


def test_who_is_left_to_die_died(extractor: Extractor) -> None:
    incident = main(extractor, "The attackers shot a teenager and left the boy to die.")
    assert counts(incident) == (1, None)
    assert not any(p.text == "the boy" for p in incident.perpetrators)


def test_a_surname_of_common_words_keeps_its_capitals(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "Police are investigating.",
        None,
        "yw",
        title="Officer Nicole Young-Wells Shot During Traffic Stop In Dayton",
    )
    assert [v.text for v in incident.victims] == ["Officer Nicole Young-Wells"]


def test_a_victim_shot_earlier_is_another_incident_told_in_passing(extractor: Extractor) -> None:
    """The boy was killed in an earlier shooting; the woman "also shot" was hurt with the girl."""
    text = (
        "An 8-year-old girl was shot in the wrist Sunday night in Chicago, just as people "
        "gathered for a vigil for a 14-year-old boy fatally shot earlier in the day, police "
        "said. A 36-year-old woman was also shot in the hand."
    )
    incident = main(extractor, text)
    assert counts(incident) == (None, 2)
    assert all("boy" not in v.text for v in incident.victims)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # the man is one of the six, told one by one
        (
            "A gunman fired into a home on the West Side early Sunday. Bullets struck six "
            "people. A 20-year-old man shot in the chest was taken to Mount Sinai Hospital.",
            6,
        ),
        # "also" makes someone more
        (
            "A gunman fired into a home on the West Side early Sunday. Bullets struck six "
            "people. A 20-year-old man was also shot nearby.",
            7,
        ),
    ],
)
def test_one_person_told_after_a_counted_group_is_one_of_them(
    extractor: Extractor, text: str, injured: int
) -> None:
    incident = main(extractor, text)
    assert counts(incident) == (None, injured)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # the attempt on the brother failed; the shot hit the boy
        (
            "Police said the man tried to shoot the woman's brother Tuesday, but hit the boy "
            "who was outside.",
            ["the boy"],
        ),
        ("The gunman fired at a car and hit a 7-year-old girl.", ["a 7-year-old girl"]),
        # a blow with the gun is no shot
        ("He tried to fire the gun and hit the officer with it.", []),
    ],
)
def test_a_hit_after_a_shot_is_the_shot_hitting(
    extractor: Extractor, text: str, victims: list[str]
) -> None:
    found = [v.text for i in extractor.extract(text) for v in i.victims]
    assert found == victims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "earlier … by the same gunman" is the same incident
        (
            "A second victim of Saturday's shooting in Macon died Monday, and a woman who was "
            "shot earlier by the same gunman remains hospitalized.",
            (1, 1),
        ),
        # a role of his own is no member of the group
        (
            "Two men were stabbed during a brawl outside a Reno casino early Saturday. A "
            "security guard was stabbed in the hand while trying to break up the fight.",
            (None, 3),
        ),
    ],
)
def test_the_same_gunman_and_a_role_of_ones_own(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a headline drops the "and" of a bare person and a counted group
        ("Father, two children died from gunshot wounds in July homicide", (3, None)),
        ("Man, 2 children killed in shooting", (3, None)),
        ("Woman, 2 teens shot in Dayton", (None, 3)),
        ("Mother, son dead in shooting", (2, None)),  # two bare nouns, as before
    ],
)
def test_a_headline_list_of_a_person_and_a_group_adds_them(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract("Police are investigating.", None, "hl", title=title)
    assert counts(incident) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A teenager shot and killed his parents and three siblings at home Saturday.", (5, None)),
        ("The man killed his parents on Sunday, police said.", (2, None)),
        # hurt beside someone killed in the same sentence: both parents
        ("Police said Burke killed a two-year-old girl and shot her parents on Sunday.", (1, 2)),
    ],
)
def test_parents_are_two(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected", "victims"),
    [
        # "her" is the brother's possessive, not the accused teen shot
        (
            "A teen accused of fatally shooting her older brother was back in court Thursday.",
            (1, None),
            ["older brother"],
        ),
        ("He shot her and her brother on Sunday.", (None, 1), ["her brother"]),
    ],
)
def test_her_before_a_noun_is_a_possessive(
    extractor: Extractor,
    text: str,
    expected: tuple[int | None, int | None],
    victims: list[str],
) -> None:
    incident = main(extractor, text)
    assert counts(incident) == expected
    assert [v.text for v in incident.victims] == victims
