"""A projectile that hits someone, one list that names counted people again, the town of
the hospital someone was treated in, and a headline's town over the station's dateline
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tensionwatch.errors import ConfigError
from tensionwatch.extract.lexicon import Lexicon

from .conftest import NO_STORY, PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Incident


def _towns(incident: Incident) -> set[str]:
    return {p.resolved or p.name for p in incident.places if p.precision.value == "city"}


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # a projectile is the subject, the agent, or a person is hit in a body part
        ("A stray bullet struck a 10-year-old girl in the shoulder on Friday night.", 1),
        ("Police said a 12-year-old boy was grazed by gunfire while he slept.", 1),
        ("Someone fired several rounds at the house, hitting a woman in the leg.", 1),
        # a list that names, one by one, the two already counted
        (
            "Two teenagers were accidentally shot at a party on Sunday. An 18-year-old girl "
            "and a 17-year-old boy were each hit in the arm.",
            2,
        ),
        (
            "Two teenagers were accidentally shot at a party on Sunday. An 18-year-old girl "
            "and a 17-year-old boy were each shot in the arm.",
            2,
        ),
    ],
)
def test_hits_count_the_hurt(extractor: Extractor, text: str, injured: int) -> None:
    assert counts(main(extractor, text)) == (None, injured)


@pytest.mark.parametrize(
    "text",
    [
        "A car struck a pedestrian on Main Street on Monday afternoon.",
        "The storm hit the town hard on Monday night.",
        "A cyclist was struck in the leg by a car on Main Street.",
        "A pitcher was hit in the head by a line drive on Sunday.",
        "His shot struck the crossbar in the second half.",
    ],
)
def test_hits_without_a_projectile_are_no_attack(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, PUB) == []


def test_hits_a_house_hurts_nobody(extractor: Extractor) -> None:
    incidents = extractor.extract("A stray bullet hit a house on Elm Street, police said.", PUB)
    assert all(i.injured is None and not i.victims for i in incidents)


def test_list_of_others_adds_people(extractor: Extractor) -> None:
    """A woman is not one of "two men": the list names two more people."""
    text = (
        "Two men were accidentally shot at a party on Sunday. A woman and a boy were shot "
        "in the arm."
    )
    assert counts(main(extractor, text)) == (None, 4)


def test_trigger_needs_must_be_known(tmp_path: Path) -> None:
    source = Path(__file__).parents[2] / "src" / "tensionwatch" / "extract" / "patterns"
    for file in source.glob("*.jsonl"):
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    triggers = tmp_path / "triggers.jsonl"
    triggers.write_text(
        triggers.read_text(encoding="utf-8").replace('"needs": "projectile"', '"needs": "moon"'),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="moon"):
        Lexicon.load(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "A teenage girl died after being shot in a home on Monday evening. She died during "
        "surgery at UPMC Presbyterian hospital in Pittsburgh on Monday night.",
        "A man was shot on Sunday. He was treated at Mercy Medical Center in Des Moines and "
        "released.",
    ],
)
def test_hospital_town_is_no_place(extractor: Extractor, text: str) -> None:
    incident = main(extractor, text)
    assert _towns(incident) == set()
    # the hospital's state still stands
    assert [(p.precision.value, p.country) for p in incident.places] == [("admin1", "US")]
    assert incident.places[0].admin1 in {"US-PA", "US-IA"}


def test_attack_after_a_drive_to_a_clinic_is_placed_there(extractor: Extractor) -> None:
    text = "The gunman drove to a clinic in Colorado Springs and opened fire, killing three people."
    assert "Colorado Springs" in _towns(main(extractor, text))


def test_attack_at_a_hospital_is_placed_there(extractor: Extractor) -> None:
    text = "A gunman opened fire at a hospital in Pittsburgh on Monday, killing two people."
    assert "Pittsburgh" in _towns(main(extractor, text))


KOKOMO = (
    "INDIANAPOLIS, Ind. — Police officers in Kokomo are investigating a shooting at a bar "
    "that sent four people to the hospital on Sunday, according to dispatchers."
)


def test_headline_town_over_the_dateline(extractor: Extractor) -> None:
    """The station's city in the dateline gives way to the town the headline names."""
    (incident,) = extractor.extract(
        KOKOMO, PUB, "k1", title="Shooting at Kokomo bar sends 4 people to the hospital"
    )
    assert _towns(incident) == {"Kokomo"}
    (town,) = [p for p in incident.places if p.resolved == "Kokomo"]
    assert town.evidence[0].field == "title"


def test_headline_town_keeps_its_evidence_after_leading_space(extractor: Extractor) -> None:
    title = "  Shooting at Kokomo bar sends 4 people to the hospital - WXYZ News"
    (incident,) = extractor.extract(KOKOMO, PUB, "k1", title=title)
    (town,) = [p for p in incident.places if p.resolved == "Kokomo"]
    span = town.evidence[0]
    assert title[span.start : span.end] == span.text == town.name == "Kokomo"


@pytest.mark.parametrize(
    "title",
    ["Kokomo man shot outside bar", "Kokomo, Ind., man shot outside bar", "Kokomo teen's family"],
)
def test_headline_resident_keeps_the_dateline(extractor: Extractor, title: str) -> None:
    """ "Kokomo man …" says where someone lives, not where the shooting was."""
    body = "INDIANAPOLIS, Ind. — A man was shot and wounded outside a bar on Sunday, police said."
    (incident,) = extractor.extract(body, PUB, "k2", title=title)
    assert _towns(incident) == {"Indianapolis"}


def test_body_town_is_no_dateline(extractor: Extractor) -> None:
    """A town the body names itself stands, whatever the headline says."""
    body = (
        "INDIANAPOLIS, Ind. — A man was shot and wounded outside a bar in Indianapolis on "
        "Sunday, police said."
    )
    (incident,) = extractor.extract(body, PUB, "k4", title="Shooting at Kokomo bar")
    assert "Indianapolis" in _towns(incident)


@pytest.mark.parametrize(
    ("title", "town"),
    [
        ("Services set for Kokomo boy who died of gunshot wound", "Kokomo"),
        ("Teenaged girl dead after Kokomo shooting", "Kokomo"),
    ],
)
def test_headline_town_inside_a_sentence_case_title(
    extractor: Extractor, title: str, town: str
) -> None:
    body = "A teenage girl died after being shot in a home on Monday evening in Indiana."
    (incident,) = extractor.extract(body, PUB, "k3", title=title)
    assert town in _towns(incident)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the ordinal of the latest death is the toll so far
        ("A toddler has become the fourth person to die after the shooting in Bucksport.", 4),
        ("A fifth person has died after a murder-suicide in Forsyth County in July.", 5),
        ("A 3rd victim died on Friday from injuries sustained in the shooting.", 3),
        # beside others hurt, "a third" is one more person
        ("Two people were wounded and a third was killed in the shooting on Elm Street.", 1),
    ],
)
def test_ordinal_deaths_state_the_toll(extractor: Extractor, text: str, killed: int) -> None:
    assert counts(main(extractor, text))[0] == killed


def test_counts_over_a_year_are_no_toll(extractor: Extractor) -> None:
    text = (
        "Four people were shot, one fatally, on Tuesday in Chicago. According to police, "
        "there were 762 murders and 4,331 shooting victims in 2016."
    )
    assert counts(main(extractor, text)) == (1, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunfire on Elm Street on Wednesday left three men and a woman wounded.", (None, 4)),
        ("The shooting on Elm Street left two men and two women injured.", (None, 4)),
        ("The attack on Elm Street left two guards and a driver dead.", (3, None)),
        # each side its own outcome: not one group
        ("A shooting on Elm Street left one person dead and five others wounded.", (1, 5)),
    ],
)
def test_left_a_group_and_others(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot on Sunday. He passed away at the hospital on Monday.", (1, None)),
        ("A man was shot on Sunday and passed out on the sidewalk.", (None, 1)),
    ],
)
def test_passing_away_is_dying(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("title", "killed", "town"),
    [
        # the headline's subject, though definite and with nothing attached
        ("Police identify two men involved in Nashua shooting", None, "Nashua"),
        # a bare person "dead", and a gunshot wound as the event, in a headline
        ("Man dead after shooting in Dayton", 1, "Dayton"),
        ("Teen dead from gunshot wound in Dayton", 1, "Dayton"),
    ],
)
def test_headline_only_pages(
    extractor: Extractor, title: str, killed: int | None, town: str
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "h1", title=title)
    assert counts(incident)[0] == killed
    assert town in _towns(incident)


def test_gunshot_wound_in_a_story_is_no_event_of_its_own(extractor: Extractor) -> None:
    text = (
        "Two men were shot on Elm Street on Sunday night. A third man had gunshot wounds to "
        "the head. He later died at a hospital."
    )
    assert len(extractor.extract(text, PUB)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a shooting death" is one dead, and the man the gun struck is that one
        (
            "Deputies are investigating an accidental shooting death on Thursday night. The "
            "man was twirling a handgun when it went off, striking the man in the chest.",
            (1, None),
        ),
        # how much it hurt is nobody hurt
        (
            "A 7-year-old boy was hit by a bullet while watching fireworks on Saturday. "
            '"It hurt a lot," the boy said.',
            (None, 1),
        ),
    ],
)
def test_deaths_and_quantities(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a body part hit with no cause named is a shooting only in a story of violence
        "The shortstop was hit in the head during Saturday's game.",
        "Hail pellets struck a woman in the face on Monday.",
        # obituaries say "passed away"
        "John Smith, 87, of Dayton passed away peacefully at home on Tuesday.",
    ],
)
def test_no_violence_no_incident(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, PUB) == []


def test_pistol_whipping_hurts_no_phone(extractor: Extractor) -> None:
    """ "hit" says someone was hurt only as a projectile's hit."""
    text = "The robber took a phone from her and hit her in the head with the gun."
    assert all(i.injured is None for i in extractor.extract(text, PUB))


def test_ordinal_death_of_something_else_is_no_toll(extractor: Extractor) -> None:
    text = "A 70-year-old woman became the third person to die of the flu this season."
    assert all(i.killed is None or i.killed.value == 1 for i in extractor.extract(text, PUB))


def test_state_after_a_hospital_town_is_no_town(extractor: Extractor) -> None:
    text = "A boy was shot on Sunday and later died at a hospital in Tulsa, Oklahoma."
    incident = main(extractor, text)
    assert _towns(incident) == set()
    assert {p.admin1 for p in incident.places} == {"US-OK"}


def test_shooting_at_a_hospital_keeps_its_town(extractor: Extractor) -> None:
    text = "A nurse died in a shooting at a hospital in Tulsa, Oklahoma, on Monday."
    assert "Tulsa" in _towns(main(extractor, text))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # an age is no time of day
        ("A man in his late 50s was shot in the arm on Tuesday night in Miami.", date(2023, 5, 9)),
        # "earlier this week" places one event before another: the lead's day stands
        (
            "Police arrested two men on Tuesday in the shooting earlier this week that left "
            "four students injured.",
            None,
        ),
    ],
)
def test_relative_words_are_not_days(extractor: Extractor, text: str, day: date | None) -> None:
    when = main(extractor, text).date
    assert when is not None
    if day is not None:
        assert (when.start, when.end) == (day, day)
    assert not any("late 50s" in e.text for e in when.evidence)


def test_holiday_in_a_headline_is_no_town(extractor: Extractor) -> None:
    body = "A woman was shot and killed at a party on Monday in Florida, deputies said."
    (incident,) = extractor.extract(body, PUB, "x1", title="Woman dead after Christmas shooting")
    assert "Christmas" not in _towns(incident)


def test_hospital_named_as_a_venue_is_no_place(extractor: Extractor) -> None:
    text = (
        "A woman was shot on Friday outside a pub in Hickory. She succumbed to her injuries "
        "at the Baptist Hospital in Winston-Salem on Saturday night."
    )
    incident = main(extractor, text)
    assert _towns(incident) == {"Hickory"}
    assert [v.text for v in incident.victims] == ["A woman"]  # a pub is nobody
    assert counts(incident) == (1, None)


def test_town_of_a_hospital_flown_to_is_no_place(extractor: Extractor) -> None:
    text = (
        "A man was shot on Sunday in Portsmouth. He was flown to the trauma unit at Grant "
        "Medical Center in Columbus."
    )
    assert _towns(main(extractor, text)) == {"Portsmouth"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a headline drops "and" and the auxiliary: two people named bare, one after another
        ("Mother, son dead in apparent murder-suicide in Dayton", (2, None)),
        ("Man, woman shot in Dayton", (None, 2)),
        ("Man dead, woman hurt in Dayton shooting", (1, 1)),
    ],
)
def test_headline_lists_without_and(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "h2", title=title)
    assert counts(incident) == expected


def test_surname_in_a_headline_is_no_town(extractor: Extractor) -> None:
    body = (
        "DALLAS - Marcus Tyler, 24, was shot and killed outside his apartment on Friday. "
        "Police arrested a suspect."
    )
    (incident,) = extractor.extract(body, PUB, "s1", title="Arrest made in Tyler killing")
    assert "Tyler" not in _towns(incident)
    assert "Dallas" in _towns(incident)
