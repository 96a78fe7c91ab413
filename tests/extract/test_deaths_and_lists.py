"""A headline that knows the victim died, people found in the state they were hurt in, the
people a short list names, and animals that are no toll (sentences written for these
tests)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from .conftest import NO_STORY, PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Incident


@pytest.mark.parametrize(
    "title",
    [
        "Suspect arrested in fatal Grove City shooting",
        "Family says deadly homeless shelter shooting was accidental",
        "Kenosha police arrest 15-year-old in fatal shooting",
    ],
)
def test_a_fatal_event_in_a_headline_that_counts_nobody_is_one_death(
    extractor: Extractor, title: str
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "f1", title=title)
    assert counts(incident) == (1, None)
    (evidence,) = incident.killed.evidence if incident.killed else ()
    assert evidence.field == "title"
    assert title[evidence.start : evidence.end] == evidence.text
    assert evidence.text.lower().split()[0] in {"fatal", "deadly"}


@pytest.mark.parametrize(
    ("title", "victim"),
    [
        ("Arrest made in fatal accidental shooting of Jacksonville 5-year-old girl", "girl"),
        ("Man charged with murder in shooting of woman at apartment", "woman"),
        ("Suspect charged with homicide in stabbing of Dayton man", "man"),
        ("Woman charged with manslaughter in the shooting of her boyfriend", "boyfriend"),
    ],
)
def test_the_victim_of_a_fatal_event_in_a_headline_is_the_one_death(
    extractor: Extractor, title: str, victim: str
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "f2", title=title)
    assert counts(incident) == (1, None)
    (evidence,) = incident.killed.evidence if incident.killed else ()
    assert evidence.field == "title"
    assert evidence.text.split()[-1] == victim


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2 dead, 3 hurt in deadly shooting on east side", (2, 3)),  # the headline's count
        ("Three arrested after deadly shootings across the city", None),  # many events
        ("Police investigate shooting on east side", None),  # nothing fatal
    ],
)
def test_a_fatal_event_adds_no_death_to_a_count_or_to_many_events(
    extractor: Extractor, title: str, expected: tuple[int, int] | None
) -> None:
    incidents = extractor.extract(NO_STORY, PUB, "f2", title=title)
    if expected is None:
        assert all(i.killed is None for i in incidents)
    else:
        (incident,) = incidents
        assert counts(incident) == expected


def test_a_fatal_event_in_a_headline_completes_a_body_that_counts_nobody(
    extractor: Extractor,
) -> None:
    body = (
        "GROVE CITY, Ohio - Police arrested a 19-year-old man on Tuesday in connection with "
        "a shooting on Monday night at an apartment complex on Broadway, a spokesman said."
    )
    title = "Suspect arrested in fatal Grove City shooting"
    (incident,) = extractor.extract(body, PUB, "f3", title=title)
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Teen killed in hunting accident remembered as witty, well-liked",
            "The 16-year-old was accidentally shot by his father during a hunting trip on "
            "Saturday, his family said.",
        ),
        (
            "Prosecutors charge father in shooting death of 2-year-old girl",
            "A 2-year-old girl was shot inside a home on Tuesday night. Her father was "
            "charged on Thursday.",
        ),
    ],
)
def test_a_headline_that_knows_the_victim_died_counts_the_shot_as_dead(
    extractor: Extractor, title: str, body: str
) -> None:
    (incident,) = extractor.extract(body, PUB, "d1", title=title)
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (  # two were shot: the headline's one death is not both of them
            "Man killed in shooting on east side",
            "Two men were shot outside a bar on Tuesday night, police said.",
            (None, 2),
        ),
        (  # the body counts the dead itself
            "Man killed in shooting on east side",
            "A man was shot and killed outside a bar on Tuesday night. A woman was wounded.",
            (1, 1),
        ),
    ],
)
def test_a_headline_death_replaces_only_as_many_shot(
    extractor: Extractor, title: str, body: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main_titled(extractor, body, title)) == expected


def main_titled(extractor: Extractor, body: str, title: str) -> Incident:
    """The lead incident: the one the headline's count goes to."""
    incidents = extractor.extract(body, PUB, "d2", title=title)
    assert incidents
    return incidents[0]


@pytest.mark.parametrize(
    ("text", "expected", "victim"),
    [
        ("Police said the man was found fatally shot in his garage on Sunday.", (1, None), "man"),
        ("Deputies found the woman shot in the head on Sunday night.", (None, 1), "woman"),
        ("Officers found a man shot multiple times inside the home on Sunday.", (None, 1), "man"),
    ],
)
def test_someone_found_shot_is_the_victim(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None], victim: str
) -> None:
    incident = main(extractor, text)
    assert counts(incident) == expected
    assert any(v.text.lower().endswith(victim) for v in incident.victims)
    assert not any(p.text.lower().endswith(victim) for p in incident.perpetrators)


@pytest.mark.parametrize(
    ("text", "not_victim"),
    [
        ("Deputies found the woman shot her husband on Sunday night.", "the woman"),
        ("Investigators found that the suspect shot at officers on Sunday.", "the suspect"),
    ],
)
def test_a_finding_verb_keeps_a_doer_with_an_object_or_a_that_clause(
    extractor: Extractor, text: str, not_victim: str
) -> None:
    incidents = extractor.extract(text, PUB)
    assert all(v.text.lower() != not_victim for i in incidents for v in i.victims)


def test_a_headline_with_found_reads_its_dropped_auxiliary(extractor: Extractor) -> None:
    title = "Family grieving after 17-year-old boy found fatally shot in garage"
    (incident,) = extractor.extract(NO_STORY, PUB, "h1", title=title)
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man and woman were shot outside a bar on Sunday night.", (None, 2)),
        ("A man and his son were shot outside their home on Sunday night.", (None, 2)),
        ("A mother and son were found fatally shot on Thursday morning.", (2, None)),
        ("Police said she killed her father and daughter on July 18.", (2, None)),
        ("A man and his dog were shot outside their home on Sunday night.", (None, 1)),
        # a bare noun outside the list is nobody's partner
        ("A man was shot on Sunday night. Woman arrested, police said.", (None, 1)),
    ],
)
def test_a_short_list_names_one_person_per_noun(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_a_death_told_again_with_a_possessive_is_not_another_death(
    extractor: Extractor,
) -> None:
    text = (
        "A man shot and killed his wife on Friday. Police found the man and his wife in the "
        "kitchen. His wife was pronounced dead at the scene."
    )
    assert counts(main(extractor, text))[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Police shot two pit bulls that attacked a woman on Sunday.",
        "Two dogs were killed in the shooting on Sunday night.",
    ],
)
def test_animals_are_no_toll(extractor: Extractor, text: str) -> None:
    for incident in extractor.extract(text, PUB):
        assert (incident.killed is None or incident.killed.value == 0) and (
            incident.injured is None or incident.injured.value != 2
        ), text


def test_an_abbreviated_direction_is_no_place_that_parts_the_event(
    extractor: Extractor,
) -> None:
    text = (
        "OKLAHOMA CITY - Police were called to reports of a shooting in southeast Oklahoma "
        "City. They learned that a 16-year-old boy accidentally shot himself in the shin "
        "inside his home near S.E. 80th and Sooner Rd. around 11:45 a.m. Friday."
    )
    (incident,) = extractor.extract(text, PUB)
    assert incident.date is not None and incident.date.start == PUB  # a Friday
    assert "S.E." not in {p.name for p in incident.places}


def test_a_town_that_describes_a_person_does_not_part_the_event(extractor: Extractor) -> None:
    text = (
        "A 3-year-old was hospitalized Friday after accidentally shooting himself inside a "
        "vehicle in a parking lot in Troy. The toddler found his mother's gun. He picked it "
        "up and it went off and shot the Rochester Hills boy in the leg."
    )
    (incident,) = extractor.extract(text, PUB)
    assert incident.date is not None and incident.date.start == PUB
    assert counts(incident) == (None, 1)


def test_the_day_of_a_booking_does_not_date_the_event(extractor: Extractor) -> None:
    text = (
        "A 16-year-old girl died after she was accidentally shot in the chest at a home in "
        "Victorville over the weekend. The boy was interviewed and booked into juvenile hall "
        "on suspicion of involuntary manslaughter Monday, the sheriff's department stated."
    )
    (incident,) = extractor.extract(text, PUB)
    assert incident.date is None or incident.date.start != date(2023, 5, 8)  # not Monday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (  # the shooting reported to the police was reported when it happened
            "A 16-year-old girl died after she was shot at a home in Victorville, authorities "
            "said. Police were called when the shooting was reported shortly before 8:30 p.m. "
            "Sunday.",
            date(2023, 5, 7),
        ),
        (  # the news reported on Monday is not the day of the event
            "A man was shot and wounded on Main Street, police reported Monday.",
            None,
        ),
    ],
)
def test_a_reported_event_is_dated_by_its_report_to_the_police(
    extractor: Extractor, text: str, day: date | None
) -> None:
    incident = main(extractor, text)
    if day is None:
        assert incident.date is None or incident.date.start is None
    else:
        assert incident.date is not None and incident.date.start == day


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (  # a participle before the second person of the pair
            "Deputies are investigating a shooting. A woman and her adopted son were found "
            "dead in their home.",
            2,
        ),
        (  # an animal is not one of the dead people
            "Deputies are investigating a shooting. A man and his dog were found dead on Sunday.",
            None,
        ),
    ],
)
def test_a_pair_found_dead(extractor: Extractor, text: str, killed: int | None) -> None:
    assert counts(main(extractor, text))[0] == killed


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Drive-by shooter kills 1, injures 3", (1, 3)),
        ("Gunman wounds 2 outside mall", (None, 2)),
    ],
)
def test_a_headline_verb_in_the_present_counts_the_hurt(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "w1", title=title)
    assert counts(incident) == expected


def test_a_body_that_counts_everyone_shot_takes_the_headlines_dead_and_hurt(
    extractor: Extractor,
) -> None:
    body = (
        "Police are looking for a man who shot four others, including one who died, in an "
        "apartment in East Pittsburgh early Friday."
    )
    title = "Police: 1 killed, 3 wounded in East Pittsburgh shooting"
    (incident,) = extractor.extract(body, PUB, "e1", title=title)
    assert counts(incident) == (1, 3)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (  # a general kin word names the relative already named
            "A boy accidentally shot his younger brother on Sunday. Police said the boy shot "
            "his younger sibling with a rifle.",
            1,
        ),
        (
            "A 76-year-old man shot his wife on Tuesday. Deputies said he shot his new bride "
            "after an argument.",
            1,
        ),
        # two relatives of one kind, or of two kinds, are two people
        ("A man shot his brother and his sister on Sunday night.", 2),
        ("A man shot his wife and his son on Sunday night.", 2),
    ],
)
def test_a_general_kin_word_is_the_relative_named_before(
    extractor: Extractor, text: str, injured: int
) -> None:
    assert counts(main(extractor, text)) == (None, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Police said an officer fired one shot and missed. Police then shot three more times, "
        "killing the woman, police said.",
        "He was looking for a lost cell phone right before he was shot by his uncle on Sunday.",
    ],
)
def test_times_and_things_are_no_victims(extractor: Extractor, text: str) -> None:
    for incident in extractor.extract(text, PUB):
        words = {w for v in incident.victims for w in v.text.lower().split()}
        assert not words & {"times", "phone"}, incident.victims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # people hurt in events pointed back at where events were just counted: a total
            "A boy was shot and killed on Sunday in Chicago. Police reported 3,165 shooting "
            "incidents through Nov. 16. More than 3,290 people have been injured in those "
            "shootings, and that does not include the 629 who died.",
            (1, None),
        ),
        (
            "A man was shot on Sunday. Police said 40 people were wounded in 12 shootings.",
            (None, 1),
        ),
        (  # "those shootings" of one gunman, with no events counted: the event's toll
            "A gunman opened fire outside a nightclub early Sunday. Police said he fired at "
            "three groups of people on the sidewalk. Five people were injured in those "
            "shootings, and all are expected to survive.",
            (None, 5),
        ),
        (
            "Police said a gunman fired into a crowd at a block party on Elm Street on Saturday "
            "night. Four people were hurt in all the shootings, police said.",
            (None, 4),
        ),
        # one event's victims may be told "in shootings" or "in the shootings"
        ("Three people were killed in shootings on Sunday in Chicago.", (3, None)),
        ("Two men were wounded in the shootings outside a bar on Sunday night.", (None, 2)),
    ],
)
def test_people_hurt_in_many_events_are_a_total(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("title", "killed"),
    [
        ("Helena man, 18, charged in shooting death", 1),
        ("KCK man charged with murder in shooting of woman at apartment", 1),
        ("Shooting leaves young woman dead on Antelope street", 1),
        ("Murray police investigate apparent murder-suicide after shooting", 2),
        # a death word as a modifier, or an attempt, tells of no death
        ("Man charged with attempted murder in shooting", None),
        ("Murder trial begins for man accused in shooting", None),
        ("Death penalty sought for gunman in shooting", None),
        ("Homicide detectives investigate shooting", None),
        # nor does a fatal word that says no one died
        ("Officer cleared in non-fatal shooting of teen", None),
        ("Man survives potentially fatal shooting, credits neighbor", None),
        ("Man charged in near-fatal shooting", None),
        # nor a death word that is hedged, quoted, an illness's or an animal's
        ("Man charged in shooting that left woman near death", None),
        ("Pizza driver recalls brush with death in robbery shooting", None),
        ("Prosecutor: shooting of teen 'was not murder'", None),
        ("Neighbors say 'it's murder out here' after weekend shooting", None),
        ("Shooting suspect arrested days after father's death from cancer", None),
        ("Family mourns death of dog shot by officer", None),
    ],
)
def test_headline_death_words(extractor: Extractor, title: str, killed: int | None) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "t1", title=title)
    assert counts(incident)[0] == killed


def test_a_headline_death_word_gives_the_body_its_toll(extractor: Extractor) -> None:
    body = (
        "FAIRMONT, W.Va. - A woman was charged on Monday in connection with a shooting at a "
        "home on Locust Avenue on Sunday, police said."
    )
    title = "Fairmont woman charged in connection with teen's death"
    (incident,) = extractor.extract(body, PUB, "t2", title=title)
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (  # the one the body counts lives: the headline's dead is someone else
            "Man killed in Elm Street shooting",
            "Police are investigating a shooting on Elm Street in Akron on Saturday. A "
            "bystander was also shot in the foot and is expected to recover.",
        ),
        (
            "Man killed in Elm Street shooting",
            "A woman was shot in the leg on Elm Street in Akron on Saturday. She survived.",
        ),
        (
            "Man killed in shooting outside Joe's Bar",
            "Police are investigating a shooting outside Joe's Bar on Saturday. A 25-year-old "
            "bystander was shot in the arm and taken to the hospital.",
        ),
        (
            "Shooting suspect charged with murder",
            "A 16-year-old boy was shot in the shoulder outside a store on Oak Avenue on Monday, "
            "police said.",
        ),
    ],
)
def test_a_survivor_is_not_the_headlines_dead(extractor: Extractor, title: str, body: str) -> None:
    """Nor is a bystander, nor the wounded under a headline that only guesses a death."""
    incident = main_titled(extractor, body, title)
    assert incident.injured is not None and incident.injured.value == 1


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (  # "shot at": fired upon; only the one the bullet struck was hit
            "A man and his son were shot at while driving on Interstate 10 in Phoenix on "
            "Sunday. A bullet struck the son in the arm.",
            1,
        ),
        ("Two male juveniles were shot at around 4:34 p.m. on Bass Place on Sunday.", 2),
        (  # fired upon and hit
            "Officer Dana Lee was shot at and struck in the leg during a traffic stop on "
            "Saturday, police said. She is in stable condition.",
            1,
        ),
        (  # gunshot wounds at an address count no one
            "Two men were shot Saturday in Akron. Officers found them with gunshot wounds at "
            "1400 Elm Street. Both are expected to survive.",
            2,
        ),
        ("A man was shot Sunday in Gary. He suffered gunshot wounds around 2 a.m.", 1),
    ],
)
def test_shot_at_and_wounds_at(extractor: Extractor, text: str, injured: int) -> None:
    assert counts(main(extractor, text))[1] == injured


def test_a_pronoun_agrees_with_its_antecedents_sex(extractor: Extractor) -> None:
    text = (
        "Austin was shot in the head at a party on Saturday. He was rushed to the hospital, "
        "where his girlfriend tells us he died two days later."
    )
    incident = main(extractor, text)
    assert counts(incident)[0] == 1
    assert not any("girlfriend" in v.text or "party" in v.text for v in incident.victims)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (  # a death from an illness is no attack's
            "A 7-year-old girl was shot on Sunday and died at the hospital. This after her "
            "mother died just months ago from a blood disorder.",
            1,
        ),
        ("A man was shot on Sunday. He died of his injuries on Monday.", 1),
        ("A man was shot in March. He died from complications of the gunshot wound.", 1),
        ("A man was attacked on Sunday. He died from the attack on Monday.", 1),
    ],
)
def test_a_death_from_illness_is_no_victim(extractor: Extractor, text: str, killed: int) -> None:
    assert counts(main(extractor, text))[0] == killed


def test_a_small_headline_town_the_body_names_too(extractor: Extractor) -> None:
    body = (
        ",\nLAKE PLACID - A woman suffered a gunshot wound this morning in what village police "
        "believe is an accident. Police interview a man at the apartment complex in Lake "
        "Placid, where a woman was accidentally shot."
    )
    title = "Police: Woman hurt in accidental shooting in Lake Placid (update)"
    (incident,) = extractor.extract(body, PUB, "l1", title=title)
    assert "Lake Placid" in {p.resolved for p in incident.places}


def test_a_headline_town_before_a_venue_noun(extractor: Extractor) -> None:
    body = (
        "A man was hit by a stray bullet while he sat in his living room on Friday night, "
        "police said. Officers found bullet holes in a home on South 5th West."
    )
    title = "Man hit by stray bullet while inside Idaho Falls home"
    (incident,) = extractor.extract(body, PUB, "l2", title=title)
    towns = {p.resolved for p in incident.places if p.precision.value == "city"}
    assert towns == {"Idaho Falls"}
    assert not any(p.resolved == "South" for p in incident.places)  # not Cameroon's region


def test_a_recovered_weapon_is_no_survivor(extractor: Extractor) -> None:
    body = (
        "Police were called to a residence on 48th Street around 7:30 p.m. Saturday. There "
        "they found a 23-year-old man with a single gunshot wound to the head. A weapon was "
        "recovered at the scene."
    )
    title = "Kenosha police arrest 15-year-old in fatal shooting"
    (incident,) = extractor.extract(body, PUB, "r1", title=title)
    assert counts(incident) == (1, None)


def test_one_deceased_is_one_dead(extractor: Extractor) -> None:
    text = "Police said there is currently one wounded and one deceased after the shooting."
    assert counts(main(extractor, text)) == (1, 1)


def test_a_lethal_shooting_in_a_headline_is_one_death(extractor: Extractor) -> None:
    title = "Police investigate lethal shooting at apartment complex"
    (incident,) = extractor.extract(NO_STORY, PUB, "d9", title=title)
    assert counts(incident) == (1, None)
