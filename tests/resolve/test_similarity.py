"""Pair features (counts, dates, places, targets, victims) and the evidence a merge needs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tensionwatch.models import (
    Actor,
    Count,
    DatePrecision,
    EventDate,
    IncidentType,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
)
from tensionwatch.resolve import ResolveOptions, cluster, explain_pair
from tensionwatch.resolve.keys import person_name
from tensionwatch.resolve.similarity import count_similarity


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (Count(3), Count(3), 1.0),
        (Count(3), Count(4), 0.75),
        (Count(0), Count(1), 0.0),
        (Count(180, Qualifier.MORE_THAN, low=181), Count(182), 1.0),
        (Count(180, Qualifier.MORE_THAN, low=181), Count(150), 150 / 180),
    ],
)
def test_similarity_count_compatibility(x, y, expected):
    assert count_similarity(x, y) == pytest.approx(expected)


def test_similarity_explains_features_and_veto(incident):
    same = explain_pair(
        incident("i1", "a1", target="kebab shop"), incident("i2", "a2", target="kebab shop")
    )
    assert same.score == 1.0 and not same.vetoed
    assert dict(same.features)["targets"] == 1.0
    later = explain_pair(incident("i1", "a1"), incident("i2", "a2", day=date(2024, 4, 5)))
    assert later.veto == "date"
    other_target = explain_pair(
        incident("i1", "a1", target="kebab shop"),
        incident("i2", "a2", target="parked car", target_category="vehicle"),
    )
    assert other_target.veto == "targets"


# ----------------------------------------------------------------------------- evidence

ATTACK = IncidentType.ARMED_ATTACK
DETROIT = Place(
    "Detroit", resolved="Detroit", country="US", admin1="US-MI", precision=PlacePrecision.CITY
)


def _attack(incident, incident_id, article, **kwargs):
    return incident(incident_id, article, kind=ATTACK, **kwargs)


def test_similarity_type_and_date_alone_are_no_evidence(incident):
    # Two armed attacks with nothing in common but their type and day (the case):
    # the missing place counts as neutral, not as agreement, and without positive evidence
    # the pair cannot seed an event however alike the rest reads.
    a = _attack(incident, "i1", "a1", places=(), sentence="A man was wounded late on Tuesday.")
    b = _attack(incident, "i2", "a2", places=(), sentence="Police said a teenager was shot.")
    pair = explain_pair(a, b)
    assert pair.evidence is None and not pair.supported
    assert "place" not in dict(pair.features)  # silent, not a disagreement
    assert pair.score < ResolveOptions().threshold
    assert len(cluster([a, b]).events) == 2


def test_similarity_place_missing_on_one_side_is_no_evidence(incident):
    pair = explain_pair(
        _attack(incident, "i1", "a1", places=(DETROIT,), killed=1),
        _attack(incident, "i2", "a2", places=(), killed=1),
    )
    assert pair.evidence is None


def test_similarity_same_day_counts_and_victim_name_are_evidence_without_place(incident):
    victim = Actor("Ethan Hunter Payne", Role.VICTIM)
    short = Actor("Ethan Payne", Role.VICTIM)
    pair = explain_pair(
        _attack(incident, "i1", "a1", places=(), killed=1, victims=(victim,)),
        _attack(incident, "i2", "a2", places=(), killed=1, victims=(short,)),
    )
    assert pair.evidence == "identity"
    assert dict(pair.features)["victims"] == 1.0
    # A shared victim with no toll to compare: still evidence ("victim"), as long as the
    # dates overlap and no count or place speaks against it.
    vague = replace(
        _attack(incident, "i2", "a2", places=(), victims=(short,)),
        date=EventDate(None, date(2024, 4, 3), DatePrecision.ON_OR_BEFORE),
    )
    assert (
        explain_pair(_attack(incident, "i1", "a1", places=(), victims=(victim,)), vague).evidence
        == "victim"
    )
    conflicting = explain_pair(
        _attack(incident, "i1", "a1", places=(), killed=1, victims=(victim,)),
        _attack(incident, "i2", "a2", places=(), killed=0, victims=(short,)),
    )
    assert conflicting.evidence is None


def test_similarity_unresolved_place_name_matches_the_geocoded_town(incident):
    # The geocoder's country fallback left "Detroit" unresolved in one report.
    unresolved = Place("DETROIT", country="US", precision=PlacePrecision.COUNTRY)
    pair = explain_pair(
        _attack(incident, "i1", "a1", places=(DETROIT,), injured=4),
        _attack(incident, "i2", "a2", places=(unresolved,), injured=4),
    )
    assert dict(pair.features)["place"] == 1.0 and pair.evidence == "place"


def test_similarity_hospitals_and_agencies_are_not_the_scene(incident):
    hospital = Place("Mount Sinai Hospital")
    sheriff = Place("Cook County Sheriff's Office")
    pair = explain_pair(
        _attack(incident, "i1", "a1", places=(hospital, sheriff), injured=1),
        _attack(incident, "i2", "a2", places=(hospital, sheriff), injured=1),
    )
    assert "place" not in dict(pair.features) and pair.evidence is None


def test_similarity_shared_county_is_compatible_not_identifying(incident):
    county = Place("Colleton County")
    pair = explain_pair(
        _attack(incident, "i1", "a1", places=(county,)),
        _attack(incident, "i2", "a2", places=(county,)),
    )
    assert dict(pair.features)["place"] == 0.7 and pair.evidence == "place"


def test_similarity_exact_day_inside_a_vague_week_is_weak_date_evidence(incident):
    vague = replace(
        _attack(incident, "i2", "a2"),
        date=EventDate(None, date(2024, 4, 3), DatePrecision.ON_OR_BEFORE),
    )
    pair = explain_pair(_attack(incident, "i1", "a1"), vague)
    assert dict(pair.features)["date"] == pytest.approx(0.65)


def test_similarity_generic_target_neither_matches_nor_vetoes(incident):
    pair = explain_pair(
        incident("i1", "a1", target="the building", target_category="residence"),
        incident("i2", "a2", target="kebab shop"),
    )
    assert not pair.vetoed and "targets" not in dict(pair.features)


def test_similarity_victim_names_full_names_veto_lone_surnames_do_not(incident):
    marcus = (Actor("Marcus Deering", Role.VICTIM),)
    other = (Actor("Tish Lane", Role.VICTIM),)
    assert explain_pair(
        incident("i1", "a1", victims=marcus), incident("i2", "a2", victims=other)
    ).veto == ("victims")
    lone = explain_pair(
        incident("i1", "a1", victims=marcus),
        incident("i2", "a2", victims=(Actor("Lane", Role.VICTIM),)),
    )
    assert not lone.vetoed and dict(lone.features)["victims"] == 0.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ethan Hunter Payne", ("ethan", "hunter", "payne")),
        ("Mario Venegas Jr.", ("mario", "venegas")),
        ("Talitha Bowman, 20", ("talitha", "bowman")),
        ("A 23-YEAR-OLD WOMAN", None),
        ("MARY SPEARS", None),  # all capitals: a headline, not evidence of a name
        ("Sunday", None),
        ("Bourbon Street", None),
        ("the boy", None),
    ],
)
def test_similarity_person_names(text, words):
    assert person_name(text) == words
