"""Events, memberships (pinned ones survive re-runs), links, alerts and analyst decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tensionwatch.errors import StoreError
from tensionwatch.models import (
    Alert,
    Count,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    IncidentType,
    Link,
    Place,
)
from tensionwatch.store import Decision, DecisionKind, EventMember, Store


def _event(n: int, *incident_ids: str) -> Event:
    return Event(
        id=f"ev{n}",
        type=IncidentType.ASSAULT,
        incident_ids=incident_ids,
        article_ids=tuple(sorted({i.split("-")[0] for i in incident_ids})),
        date=EventDate(date(2024, 3, 22), date(2024, 3, 22), DatePrecision.DAY),
        places=(Place("Moscow", country="RU", lat=55.75, lon=37.62),),
        injured=Count(180),
        victim_groups=("Tajik",),
        conflicts=("injured: 180 vs 150",),
        first_reported=date(2024, 3, 23),
        last_reported=date(2024, 3, 25),
    )


def test_repository_replace_events_round_trips_and_replaces(store: Store) -> None:
    first = [_event(1, "a-1", "b-1"), _event(2, "c-1")]
    store.replace_events(first)
    assert store.list_events() == first
    assert store.get_event("ev2") == first[1]

    second = [_event(3, "a-1", "c-1")]
    store.replace_events(second, {"ev3": ["a-1"]})

    assert store.list_events() == second
    assert store.get_event("ev1") is None
    assert store.event_members() == [EventMember("ev3", "a-1", pinned=False)]


def test_repository_pinned_members_survive_replace_events(store: Store) -> None:
    store.replace_events([_event(1, "a-1", "b-1")])
    store.pin_member("ev1", "b-1")
    store.pin_member("ev1", "z-9")

    store.replace_events([_event(1, "a-1", "b-1"), _event(2, "c-1")], {"ev1": ["a-1"]})

    assert store.event_members(event_id="ev1") == [
        EventMember("ev1", "a-1", pinned=False),
        EventMember("ev1", "b-1", pinned=True),
        EventMember("ev1", "z-9", pinned=True),
    ]
    assert store.event_members(incident_id="c-1") == [EventMember("ev2", "c-1", pinned=False)]

    store.pin_member("ev1", "z-9", pinned=False)
    store.replace_events([])
    assert store.event_members() == [EventMember("ev1", "b-1", pinned=True)]


def test_repository_replace_events_rejects_members_of_unknown_event(store: Store) -> None:
    store.replace_events([_event(1, "a-1")])

    with pytest.raises(StoreError) as caught:
        store.replace_events([_event(2, "a-1")], {"ev9": ["a-1"]})

    assert caught.value.code == "TW306"
    assert [e.id for e in store.list_events()] == ["ev1"]


def test_repository_replace_links_round_trips_and_replaces(store: Store) -> None:
    explicit = Link(
        "ev2", "ev1", score=0.9, cue="explicit", evidence=(Evidence(3, 17, "in revenge for"),)
    )
    implicit = Link("ev3", "ev1", score=0.4)
    store.replace_links([implicit, explicit])
    assert store.list_links() == [explicit, implicit]

    store.replace_links([implicit])
    assert store.list_links() == [implicit]


def test_repository_replace_links_duplicate_keeps_previous(store: Store) -> None:
    link = Link("ev2", "ev1", score=0.9)
    store.replace_links([link])

    with pytest.raises(StoreError) as caught:
        store.replace_links([Link("ev3", "ev1"), Link("ev3", "ev1")])

    assert caught.value.code == "TW303"
    assert store.list_links() == [link]


def test_repository_add_alerts_appends_and_round_trips(store: Store) -> None:
    stamped = datetime(2024, 3, 30, 12, 0, tzinfo=UTC)
    first = Alert(
        "Tajik", "RU", date(2024, 3, 23), date(2024, 3, 29), 7, 1.5, 4.2, "poisson", "ev1", stamped
    )
    second = Alert("Jews", "FR", date(2024, 4, 1), date(2024, 4, 7), 3, 0.5, 2.9, "poisson")

    assert store.add_alerts([first]) == 1
    assert store.add_alerts([second]) == 1
    assert store.add_alerts([]) == 0

    stored = store.list_alerts()
    assert stored[0] == first
    assert stored[1].group == "Jews" and stored[1].trigger_id is None
    assert stored[1].created_at is not None and stored[1].created_at.tzinfo is not None


def test_repository_decisions_round_trip_in_order(store: Store) -> None:
    merge = store.add_decision("merge", "a-1", "b-1")
    split = store.add_decision(DecisionKind.SPLIT, "ev1", "c-1")

    listed = store.list_decisions()

    assert [(d.kind, d.a_id, d.b_id) for d in listed] == [
        (DecisionKind.MERGE, "a-1", "b-1"),
        (DecisionKind.SPLIT, "ev1", "c-1"),
    ]
    assert listed == [merge, split]
    assert isinstance(listed[0], Decision) and listed[0].id is not None


def test_repository_add_decision_rejects_unknown_kind(store: Store) -> None:
    with pytest.raises(StoreError) as caught:
        store.add_decision("join", "a-1", "b-1")

    assert caught.value.code == "TW306"
    assert store.list_decisions() == []
