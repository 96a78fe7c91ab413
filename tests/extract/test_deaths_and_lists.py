"""A headline that knows the victim died, people found in the state they were hurt in, the
people a short list names, and animals that are no toll (sentences written for these
tests)."""

from __future__ import annotations

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
        "Arrest made in fatal accidental shooting of Jacksonville 5-year-old girl",
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
