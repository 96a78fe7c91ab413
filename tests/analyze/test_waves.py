"""Backlash waves: linked incidents per day since their trigger."""

from __future__ import annotations

from datetime import date, timedelta

from tensionwatch.analyze import waves
from tensionwatch.models import (
    Actor,
    Bias,
    DatePrecision,
    EventDate,
    Incident,
    IncidentType,
    Link,
    Role,
)

DAY0 = date(2024, 3, 22)


def incident(incident_id: str, day: date | None, group: str = "Tajik") -> Incident:
    return Incident(
        id=incident_id,
        article_id=f"a-{incident_id}",
        type=IncidentType.ASSAULT,
        date=EventDate(day, day, DatePrecision.DAY) if day else None,
        victims=(Actor("v", Role.VICTIM, nationality=group),),
        bias=Bias(motivated=True, groups=(group,)),
    )


def test_waves_count_linked_incidents_by_day_since_trigger():
    trigger = incident("t", DAY0)
    sources = [
        incident("s0", DAY0),
        incident("s1", DAY0 + timedelta(1)),
        incident("s1b", DAY0 + timedelta(1), group="Uzbek"),
        incident("s40", DAY0 + timedelta(40)),
        incident("undated", None),
        incident("weak", DAY0 + timedelta(2)),
    ]
    links = [Link(s.id, "t", score=0.9) for s in sources[:-1]] + [Link("weak", "t", score=0.2)]
    (wave,) = waves([trigger, *sources], links, horizon_days=7)
    assert wave.counts == (1, 2, 0, 0, 0, 0, 0, 0)
    assert (wave.later, wave.undated, wave.total) == (1, 1, 5)
    assert wave.peak_day == 1
    assert wave.groups == (("Tajik", 4), ("Uzbek", 1))


def test_waves_events_count_once_on_their_earliest_day():
    trigger = incident("t", DAY0)
    reports = [incident("r1", DAY0 + timedelta(3)), incident("r2", DAY0 + timedelta(2))]
    membership = {"ev-t": ("t",), "ev-r": ("r1", "r2")}
    (wave,) = waves(
        [trigger, *reports],
        [Link("ev-r", "ev-t", score=0.8)],
        membership=membership,
        horizon_days=3,
    )
    assert wave.trigger_id == "ev-t"
    assert wave.counts == (0, 0, 1, 0)
