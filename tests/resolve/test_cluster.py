"""Clustering reports into events: the traps from the issue, incrementality, analyst decisions."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime

import pytest

from tensionwatch.errors import ConfigError
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
from tensionwatch.resolve import (
    Decision,
    ResolveOptions,
    cluster,
    event_id_for,
    merge_events,
    split_event,
)

D1 = date(2024, 4, 2)
PUB = {"a1": D1, "a2": D1, "a3": date(2024, 4, 3), "a4": date(2024, 4, 4), "a5": date(2024, 4, 5)}


def groups(result):
    return sorted(tuple(sorted(m)) for m in result.membership.values())


def test_cluster_two_reports_of_one_arson_merge(incident):
    a = incident("i1", "a1", target="kebab shop", sentence="A kebab shop on Bauman Street burned")
    b = incident("i2", "a2", target="the kebab shop", sentence="Arsonists torched a kebab shop")
    result = cluster([a, b], articles=PUB)
    assert groups(result) == [("i1", "i2")]
    (event,) = result.events
    assert event.article_ids == ("a1", "a2")
    assert event.type is IncidentType.ARSON
    assert event.date == EventDate(D1, D1, DatePrecision.DAY)


def test_cluster_two_arsons_same_street_same_night_are_two_events(incident):
    shop = incident("i1", "a1", target="kebab shop", sentence="A kebab shop on Bauman Street")
    shop2 = incident("i2", "a2", target="kebab shop", sentence="The kebab shop was set alight")
    car = incident(
        "i3",
        "a3",
        target="parked car",
        target_category="vehicle",
        sentence="A car on Bauman Street was set alight the same night",
    )
    result = cluster([shop, shop2, car], articles=PUB)
    assert groups(result) == [("i1", "i2"), ("i3",)]


def test_cluster_same_shop_attacked_again_two_days_later_is_new_event(incident):
    later = date(2024, 4, 4)
    reports = [
        incident("i1", "a1", target="kebab shop"),
        incident("i2", "a2", target="kebab shop"),
        incident("i3", "a4", day=later, target="kebab shop"),
        incident("i4", "a5", day=later, target="kebab shop"),
    ]
    result = cluster(reports, articles=PUB)
    assert groups(result) == [("i1", "i2"), ("i3", "i4")]
    assert any(p.veto == "date" for p in result.scores if {p.a, p.b} == {"i1", "i3"})


def test_cluster_conflicting_injured_counts_keep_one_event_with_both(incident):
    early = incident("i1", "a1", kind=IncidentType.ASSAULT, injured=3)
    late = incident("i2", "a3", kind=IncidentType.ASSAULT, injured=4)
    result = cluster([late, early], articles=PUB)
    (event,) = result.events
    assert event.injured is not None
    assert (event.injured.value, event.injured.low, event.injured.high) == (4, 3, 4)
    summary = result.details[event.id].count("injured")
    assert summary is not None
    assert (summary.minimum, summary.maximum, summary.most_recent) == (3, 4, 4)
    assert [r.count.value for r in summary.reports] == [3, 4]
    assert event.conflicts == ("injured: 3 [a1 2024-04-02] | 4 [a3 2024-04-03]",)


def test_cluster_more_than_count_is_not_a_conflict(incident):
    a = replace(
        incident("i1", "a1", kind=IncidentType.MASS_CASUALTY_ATTACK),
        injured=Count(180, Qualifier.MORE_THAN, low=181),
    )
    b = incident("i2", "a2", kind=IncidentType.MASS_CASUALTY_ATTACK, injured=182)
    result = cluster([a, b], articles=PUB)
    assert groups(result) == [("i1", "i2")]
    summary = result.details[result.events[0].id].count("injured")
    assert summary is not None and (summary.minimum, summary.maximum) == (180, 182)


def test_cluster_incidents_of_one_article_never_merge(incident):
    result = cluster([incident("i1", "a1"), incident("i2", "a1")], articles=PUB)
    assert groups(result) == [("i1",), ("i2",)]


def test_cluster_different_cities_same_day_stay_apart(incident):
    other = Place(
        "Yelabuga",
        resolved="Yelabuga",
        country="RU",
        admin1="Tatarstan",
        precision=PlacePrecision.CITY,
    )
    result = cluster([incident("i1", "a1", places=(other,)), incident("i2", "a2")], articles=PUB)
    assert groups(result) == [("i1",), ("i2",)]


def test_cluster_new_incident_joins_existing_event_and_keeps_its_id(incident):
    first = cluster(
        [incident("i1", "a1", target="kebab shop"), incident("i2", "a2", target="kebab shop")],
        articles=PUB,
    )
    (event,) = first.events
    assert event.id == event_id_for("i1")
    newcomer = incident("i3", "a3", target="kebab shop", injured=1)
    # Only the new incident is passed: the existing event stands in for its members.
    second = cluster([newcomer], existing=first.events, articles=PUB)
    (updated,) = second.events
    assert updated.id == event.id
    assert updated.incident_ids == ("i1", "i2", "i3")
    assert updated.article_ids == ("a1", "a2", "a3")
    assert updated.first_reported == D1 and updated.last_reported == PUB["a3"]
    # Passing every member gives the same answer.
    everyone = [
        incident("i1", "a1", target="kebab shop"),
        incident("i2", "a2", target="kebab shop"),
        newcomer,
    ]
    third = cluster(everyone, existing=first.events, articles=PUB)
    assert third.membership == {event.id: ("i1", "i2", "i3")}


def test_cluster_ids_are_stable_across_runs_and_input_order(incident):
    reports = [
        incident("i1", "a1", target="kebab shop"),
        incident("i2", "a2", target="kebab shop"),
        incident("i3", "a4", day=date(2024, 4, 4), target="kebab shop"),
        incident("i4", "a5", day=date(2024, 4, 4), target="kebab shop"),
    ]
    baseline = cluster(reports, articles=PUB).membership
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled, articles=PUB).membership == baseline
    assert set(baseline) == {event_id_for("i1"), event_id_for("i3")}


def _three_reports(incident):
    return [incident(f"i{k}", f"a{k}", target="kebab shop") for k in (1, 2, 3)]


def test_cluster_analyst_split_survives_reruns(incident):
    reports = _three_reports(incident)
    before = cluster(reports, articles=PUB)
    (event,) = before.events
    split = split_event(event, ["i3"], author="analyst")
    after = cluster(reports, decisions=[split], articles=PUB)
    assert groups(after) == [("i1", "i2"), ("i3",)]
    assert after.event_of("i1") == event.id  # the part holding most members keeps the id
    # From scratch, with the decision: same result.
    assert groups(cluster(reports, decisions=[split], articles=PUB)) == groups(after)
    # Stale events from before the split plus a new report: the split still holds.
    newcomer = incident("i4", "a4", target="kebab shop")
    rerun = cluster([*reports, newcomer], existing=before.events, decisions=[split], articles=PUB)
    assert rerun.event_of("i3") != rerun.event_of("i1")
    assert rerun.event_of("i1") == event.id
    # Incremental on the post-split events, only the newcomer passed.
    incremental = cluster([newcomer], existing=after.events, decisions=[split], articles=PUB)
    assert sorted(len(m) for m in incremental.membership.values()) == [1, 3]


def test_cluster_analyst_merge_survives_reruns_and_later_split_wins(incident):
    moscow = Place("Moscow", resolved="Moscow", country="RU", precision=PlacePrecision.CITY)
    krasnogorsk = Place(
        "Krasnogorsk", resolved="Krasnogorsk", country="RU", precision=PlacePrecision.CITY
    )
    kind = IncidentType.MASS_CASUALTY_ATTACK
    a = incident("i1", "a1", kind=kind, places=(moscow,), killed=137)
    b = incident("i2", "a2", kind=kind, places=(krasnogorsk,), killed=139)
    apart = cluster([a, b], articles=PUB)
    assert len(apart.events) == 2
    merge = merge_events(*apart.events, created_at=datetime(2024, 4, 5, 9))
    together = cluster([a, b], existing=apart.events, decisions=[merge], articles=PUB)
    assert groups(together) == [("i1", "i2")]
    assert len(together.retired) == 1
    assert groups(cluster([a, b], decisions=[merge], articles=PUB)) == [("i1", "i2")]
    undo = Decision.split(["i1"], ["i2"], created_at=datetime(2024, 4, 6, 9))
    assert len(cluster([a, b], decisions=[merge, undo], articles=PUB).events) == 2
    # Order by created_at, not by list position.
    assert len(cluster([a, b], decisions=[undo, merge], articles=PUB).events) == 2


def test_cluster_existing_events_are_not_merged_unless_asked(incident):
    e1 = cluster([incident("i1", "a1", target="kebab shop")], articles=PUB).events
    e2 = cluster([incident("i2", "a2", target="kebab shop")], articles=PUB).events
    kept = cluster([], existing=[*e1, *e2], articles=PUB)
    assert len(kept.events) == 2
    joined = cluster(
        [], existing=[*e1, *e2], articles=PUB, options=ResolveOptions(merge_existing=True)
    )
    assert len(joined.events) == 1


@pytest.mark.parametrize("threshold", [0.0, 1.5])
def test_cluster_options_reject_bad_threshold(threshold):
    with pytest.raises(ConfigError, match="threshold"):
        ResolveOptions(threshold=threshold)


def test_cluster_incremental_count_conflict_against_existing_event(incident):
    first = cluster([incident("i1", "a1", kind=IncidentType.ASSAULT, injured=3)], articles=PUB)
    later = incident("i2", "a3", kind=IncidentType.ASSAULT, injured=4)
    (event,) = cluster([later], existing=first.events, articles=PUB).events
    assert event.incident_ids == ("i1", "i2")
    assert event.injured is not None
    assert (event.injured.value, event.injured.low, event.injured.high) == (4, 3, 4)
    assert any(
        c.startswith("injured: 3 ") and c.endswith("| 4 [a3 2024-04-03]") for c in event.conflicts
    )
    # A third report of 3 keeps the range and the most recent value.
    again = incident("i3", "a4", kind=IncidentType.ASSAULT, injured=3)
    (third,) = cluster([again], existing=[event], articles=PUB).events
    assert third.injured is not None
    assert (third.injured.value, third.injured.low, third.injured.high) == (3, 3, 4)


# ----------------------------------------------------------------------------- evidence

LEEDS = Place(
    "Kirkgate Market",
    resolved="Leeds",
    country="GB",
    admin1="GB-ENG",
    precision=PlacePrecision.CITY,
)
BOMB_PUB = {
    "b1": date(2025, 3, 8),
    "b2": date(2025, 3, 10),
    "b3": date(2025, 3, 11),
    "b4": date(2025, 3, 12),
}


def _bombing(incident, incident_id, article, day, **kwargs):
    return incident(
        incident_id, article, day=day, kind=IncidentType.BOMBING, places=(LEEDS,), **kwargs
    )


def test_cluster_reports_of_one_bombing_with_rising_toll_and_a_later_date_are_one_event(incident):
    saturday, tuesday = date(2025, 3, 8), date(2025, 3, 11)
    first = replace(
        _bombing(incident, "i1", "b1", saturday),
        killed=Count(23, Qualifier.AT_LEAST),
        injured=Count(60, Qualifier.MORE_THAN, low=61),
    )
    claim = replace(
        _bombing(incident, "i2", "b2", saturday, killed=25),
        injured=Count(70, Qualifier.ABOUT),
    )
    # The vigil report dated the bombing by the vigil (Tuesday): same town, same large toll.
    vigil = _bombing(incident, "i4", "b4", tuesday, killed=25, injured=71)
    # A passing reference in a backlash article: the right day, no toll.
    reference = _bombing(incident, "i3", "b3", saturday)
    result = cluster([first, claim, vigil, reference], articles=BOMB_PUB)
    assert groups(result) == [("i1", "i2", "i3", "i4")]
    pair = next(p for p in result.scores if {p.a, p.b} == {"i2", "i4"})
    assert pair.date_overruled and not pair.vetoed
    # The vigil's day is the odd one out: it vetoes the reference alone, not in the cluster.
    assert len(cluster([vigil, reference], articles=BOMB_PUB).events) == 2
    (event,) = result.events
    assert event.date == EventDate(saturday, saturday, DatePrecision.DAY)
    assert any(c.startswith("killed: ") for c in event.conflicts)


def test_cluster_small_toll_does_not_overrule_exact_days(incident):
    # Same shop attacked again three days later, one hurt each time: two events.
    a = incident("i1", "a1", kind=IncidentType.ASSAULT, injured=1)
    b = incident("i2", "a4", day=date(2024, 4, 5), kind=IncidentType.ASSAULT, injured=1)
    result = cluster([a, b], articles=PUB)
    assert groups(result) == [("i1",), ("i2",)]
    assert any(p.veto == "date" for p in result.scores)


def test_cluster_same_town_and_day_with_contradicting_counts_stay_apart(incident):
    # Type, town and day agree, every count contradicts: not enough to be one event.
    kind = IncidentType.ARMED_ATTACK
    a = incident("i1", "a1", kind=kind, places=(LEEDS,), killed=1, injured=0)
    b = incident("i2", "a2", kind=kind, places=(LEEDS,), killed=0, injured=6)
    assert groups(cluster([a, b], articles=PUB)) == [("i1",), ("i2",)]


def test_cluster_reports_without_place_merge_only_on_identity(incident):
    kind = IncidentType.ARMED_ATTACK
    named = (Actor("Marcus Deering", Role.VICTIM),)
    a = incident("i1", "a1", kind=kind, places=(), killed=1)
    b = incident("i2", "a2", kind=kind, places=(), killed=1)
    assert len(cluster([a, b], articles=PUB).events) == 2
    a, b = replace(a, victims=named), replace(b, victims=named)
    assert groups(cluster([a, b], articles=PUB)) == [("i1", "i2")]
