"""Extraction on varied sentences written for these tests: weapons, numbers, voice, negation."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Actor, Incident, Weapon

PUB = date(2024, 6, 14)  # a Friday


def one(extractor: Extractor, text: str) -> Incident:
    incidents = extractor.extract(text, PUB)
    assert len(incidents) == 1, [(i.type, [e.text for e in i.evidence]) for i in incidents]
    return incidents[0]


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        (
            "Two men stabbed a Somali shopkeeper with a kitchen knife in Leicester on Tuesday.",
            "armed_attack",
            "bladed",
        ),
        (
            "A gunman opened fire on worshippers outside a mosque, using an assault rifle.",
            "armed_attack",
            "firearm",
        ),
        ("Three youths beat an elderly Pakistani man with baseball bats.", "assault", "blunt"),
        ("Attackers threw a Molotov cocktail at a Roma family's house.", "arson", "incendiary"),
        ("A car bomb exploded near the police station in Kabul.", "bombing", "explosive"),
    ],
)
def test_sentences_type_and_weapon(
    extractor: Extractor, text: str, kind: str, category: str
) -> None:
    incident = one(extractor, text)
    assert incident.type.value == kind
    assert category in {w.category for w in incident.weapons}


@pytest.mark.parametrize(
    ("text", "field", "value", "qualifier"),
    [
        ("A bomb exploded at the market, killing at least 12 people.", "killed", 12, "at_least"),
        ("Gunmen attacked the bus; three passengers were wounded.", "injured", 3, "exact"),
        ("The blast at the station left more than 40 people injured.", "injured", 40, "more_than"),
        (
            "Nearly 30 people were hurt when the bomb went off in the square.",
            "injured",
            30,
            "up_to",  # never more than 30
        ),
        (
            "Roughly 30 people were hurt when the bomb went off in the square.",
            "injured",
            30,
            "about",
        ),
        ("The attack on the hotel killed 1,250 people.", "killed", 1250, "exact"),
        (
            "A suicide bomber struck a wedding party, killing up to 20 guests.",
            "killed",
            20,
            "up_to",
        ),
        ("The gunman killed two or more shoppers at the market.", "killed", 2, "at_least"),
        ("The bomb in the square wounded 30 or so people.", "injured", 30, "about"),
    ],
)
def test_sentences_counts_with_qualifiers(
    extractor: Extractor, text: str, field: str, value: int, qualifier: str
) -> None:
    incident = one(extractor, text)
    count = getattr(incident, field)
    assert count is not None
    assert (count.value, count.qualifier.value) == (value, qualifier)
    assert count.evidence and count.evidence[0].text in text


def test_sentences_dozens_gives_bounds(extractor: Extractor) -> None:
    incident = one(extractor, "Dozens were injured when a bomb exploded in the crowded bazaar.")
    assert incident.injured is not None
    assert incident.injured.qualifier.value == "about"
    assert (incident.injured.low, incident.injured.high) == (24, 99)


def test_sentences_negation_no_one_injured(extractor: Extractor) -> None:
    incident = one(
        extractor, "Unknown men set fire to a synagogue door overnight. No one was injured."
    )
    assert incident.type.value == "arson"
    assert incident.injured is not None and incident.injured.value == 0
    assert "synagogue door" in {t.text for t in incident.targets} or incident.targets


def test_sentences_passive_voice_victim_and_perpetrator(extractor: Extractor) -> None:
    text = "A 19-year-old Afghan student was beaten by a group of far-right youths in Dresden."
    incident = one(extractor, text)
    (victim,) = incident.victims
    assert victim.nationality == "Afghan"
    assert victim.occupation == "student"
    assert victim.age_group == "young"
    (perp,) = incident.perpetrators
    assert perp.affiliation == "far-right"
    assert perp.kind.value == "group"


def test_sentences_relative_date_resolves_against_publication(extractor: Extractor) -> None:
    incident = one(extractor, "On Tuesday, a Sikh taxi driver was assaulted in Southall.")
    assert incident.date is not None
    assert incident.date.start == incident.date.end == date(2024, 6, 11)
    assert incident.date.precision.value == "day"


def test_sentences_explicit_date(extractor: Extractor) -> None:
    incident = one(extractor, "On 3 May 2024 a Jewish man was attacked with a bottle in Paris.")
    assert incident.date is not None and incident.date.end == date(2024, 5, 3)


def test_sentences_day_fronted_before_say_dates_the_report(extractor: Extractor) -> None:
    """ "Around 4 p.m. Tuesday, officials say they were called to a shooting": the day dates
    the shooting, not the saying (a day the saying owns, "police said Tuesday", does not)."""
    text = (
        "A boy is recovering from an accidental shooting. Around 4 p.m. Tuesday, officials "
        "say they were called to a home on Elm Street for reports of a shooting."
    )
    incident = one(extractor, text)
    assert incident.date is not None and incident.date.end == date(2024, 6, 11)
    assert incident.date.precision.value == "day"


def test_sentences_day_of_a_statement_is_not_the_attacks(extractor: Extractor) -> None:
    text = "On Tuesday, police said they are investigating a shooting that wounded a man."
    incident = one(extractor, text)
    assert incident.date is not None and incident.date.precision.value == "on_or_before"


def test_sentences_no_date_means_on_or_before_publication(extractor: Extractor) -> None:
    incident = one(extractor, "A Muslim woman was attacked near a mosque.")
    assert incident.date is not None
    assert incident.date.precision.value == "on_or_before"
    assert incident.date.end == PUB and incident.date.start is None


def test_sentences_statement_is_not_an_incident(extractor: Extractor) -> None:
    text = (
        "The mayor condemned all forms of violence and called for calm. "
        "Community leaders will hold a vigil on Sunday to remember the victims."
    )
    assert extractor.extract(text, PUB) == []


def test_sentences_hypothetical_is_not_an_incident(extractor: Extractor) -> None:
    text = "Police said they had foiled a plot to bomb the railway station."
    assert extractor.extract(text, PUB) == []


def test_sentences_conditional_is_not_an_incident(extractor: Extractor) -> None:
    text = "“Can you imagine if our children got shot?” a neighbour asked on Sunday."
    assert extractor.extract(text, PUB) == []


def test_sentences_playing_with_a_gun_is_not_a_second_incident(extractor: Extractor) -> None:
    """ "he and a friend played with a gun": the players use the gun, they are not its
    victims, so the clause belongs to the shooting it explains."""
    text = (
        "A 14-year-old boy was accidentally shot and killed while he and a friend played "
        "with a gun inside a home on Saturday afternoon."
    )
    incident = one(extractor, text)
    assert [v.text for v in incident.victims] == ["A 14-year-old boy"]
    assert incident.killed is not None and incident.killed.value == 1


def test_sentences_wanted_for_a_shooting_is_no_wish(extractor: Extractor) -> None:
    """ "wanted for the shooting": sought by the police for what happened, unlike "wanted to
    shoot", which never happened."""
    text = (
        "Two brothers are wanted for the shooting on Maple Avenue that wounded a 30-year-old "
        "man on Sunday, police said."
    )
    incident = one(extractor, text)
    assert incident.injured is not None and incident.injured.value == 1
    assert extractor.extract("He wanted to shoot his neighbor, police said.", PUB) == []


def test_sentences_a_place_filled_with_people_is_no_attack(extractor: Extractor) -> None:
    """ "a party filled with children": a container's contents, not a use of the shotgun the
    parser hangs on it, so the opening of fire stays one incident."""
    text = (
        "Two men opened fire on a backyard party filled with families and children with a "
        "shotgun on Saturday night. The gunfire wounded nine people."
    )
    incident = one(extractor, text)
    assert incident.injured is not None and incident.injured.value == 9


def test_sentences_claim_of_responsibility(extractor: Extractor) -> None:
    text = (
        "A bomb killed five soldiers in Mogadishu. "
        "Al-Shabaab claimed responsibility for the attack."
    )
    incident = one(extractor, text)
    assert incident.is_terrorism
    assert [c.text for c in incident.claimed_by] == ["Al-Shabaab"]
    assert incident.killed is not None and incident.killed.value == 5


def test_sentences_two_separate_incidents(extractor: Extractor) -> None:
    text = (
        "On Monday a Kurdish barber was stabbed in Hanau. "
        "In a separate incident on Wednesday, vandals smashed the windows of a Turkish bakery "
        "in Kassel."
    )
    incidents = extractor.extract(text, PUB)
    assert sorted(i.type.value for i in incidents) == ["armed_attack", "vandalism"]


def test_sentences_arrest_recorded_on_incident(extractor: Extractor) -> None:
    text = "A Nigerian nurse was stabbed in Dublin. Police arrested two men on Saturday."
    incident = one(extractor, text)
    assert [a.text for a in incident.arrests] == ["two men"]
    assert incident.suspects[0].count == 2


def test_sentences_all_capitals_text_is_recased_but_quoted_as_written(extractor: Extractor) -> None:
    text = (
        "SAN SALVADOR, 12 JAN 90 -- URBAN GUERRILLAS ATTACKED A POLICE POST IN SAN SALVADOR "
        "WITH DYNAMITE, KILLING TWO POLICEMEN. THE ATTACKERS FLED TOWARD THE VOLCANO."
    )
    incidents = extractor.extract(text, date(1990, 1, 12))
    assert incidents
    incident = incidents[0]
    assert incident.killed is not None and incident.killed.value == 2
    assert "explosive" in {w.category for w in incident.weapons}
    items: tuple[Weapon | Actor, ...] = (*incident.weapons, *incident.perpetrators)
    for item in items:
        for span in item.evidence:
            assert text[span.start : span.end] == span.text
            assert span.text.isupper()


def test_sentences_coordinated_dead_are_all_counted(extractor: Extractor) -> None:
    incident = one(
        extractor, "A young girl and a man are dead after a shooting on Thursday night in Waldorf."
    )
    assert incident.killed is not None and incident.killed.value == 2


def test_sentences_victim_name_without_title(extractor: Extractor) -> None:
    incident = one(
        extractor, "Gunmen shot dead Governor Antonio Roldan Betancur in Medellin on Tuesday."
    )
    (victim,) = incident.victims
    assert victim.text == "Governor Antonio Roldan Betancur"
    assert victim.name == "Antonio Roldan Betancur"


def test_sentences_hate_crime_stated_in_a_later_sentence(extractor: Extractor) -> None:
    text = "A Somali student was beaten in Leeds on Friday. Police are treating it as a hate crime."
    incident = one(extractor, text)
    assert incident.bias.motivated is True
    assert incident.bias.groups == ("Somali",)


def test_sentences_denied_hate_crime_is_not_bias(extractor: Extractor) -> None:
    text = (
        "An Afghan takeaway owner was struck with a hammer in Rotherham on Thursday. "
        "There is nothing to suggest that this was a hate crime, police said."
    )
    incident = one(extractor, text)
    assert incident.bias.motivated is False


def test_sentences_targeted_group_from_the_target_or_the_slur(extractor: Extractor) -> None:
    mosque = one(
        extractor, "Unknown men set fire to a mosque in Bradford in a suspected hate crime."
    )
    assert mosque.bias.motivated is True
    assert (mosque.bias.characteristic, mosque.bias.groups) == ("religion", ("Muslim",))
    slur = one(extractor, "A pensioner was beaten by two men who shouted anti-Muslim slurs at him.")
    assert slur.bias.groups == ("Muslim",)


def test_sentences_blank_line_ends_a_sentence(extractor: Extractor) -> None:
    """A paragraph that opens with a number is no continuation of the last one: the shooting
    it tells of is the lead's, not a second incident listed beside it."""
    text = (
        "MACON, Georgia (WMGT) - A man was shot while he was with his friends Thursday night."
        "\n\n17-year-old Tyrone Simmons shot 18-year-old Marcus Jones on Courtland Avenue."
        "\n\nJones was shot in the face and is in stable condition."
    )
    doc = extractor.nlp(text)
    assert [s.text.strip()[:11] for s in doc.sents][-2:] == ["17-year-old", "Jones was s"]
    incident = one(extractor, text)
    assert incident.date is not None and incident.date.end == date(2024, 6, 13)
    assert incident.injured is not None and incident.injured.value == 1


def test_sentences_lead_skips_lines_without_a_verb(extractor: Extractor) -> None:
    """Bylines, captions and subscription lines are no sentences of the lead: the day named
    in the sixth sentence that tells something still dates the incident."""
    lines = "\n\n".join(["Staff Report", "Photo Gallery", "Breaking News Alerts"] * 2)
    told = " ".join(
        f"Neighbors said the street had been quiet for years, resident {n} added." for n in range(4)
    )
    text = (
        f"A man who was shot in the hand was arrested on drug charges.\n\n{lines}\n\n{told}"
        "\n\nOn June 5, officers responded to a call of a gunshot wound."
    )
    when = one(extractor, text).date
    assert when is not None and when.end == date(2024, 6, 5)
