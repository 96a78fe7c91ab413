"""Alerts from incidents: per group × region, with the window, the numbers and the trigger."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from tensionwatch.analyze import AlertOptions, BaselineOptions, Method, detect_alerts, waves
from tensionwatch.analyze.spikes import daily_series
from tensionwatch.link import link_incidents
from tensionwatch.models import (
    Actor,
    Bias,
    Count,
    DatePrecision,
    EventDate,
    Evidence,
    Incident,
    IncidentType,
    Link,
    Place,
    PlacePrecision,
    Role,
)

MOSCOW = Place("Moscow", country="RU", admin1="Moscow", precision=PlacePrecision.CITY)
RUSSIA = Place("Russia", country="RU", precision=PlacePrecision.COUNTRY)
CROCUS_DAY = date(2024, 3, 22)
CUE = Evidence(87, 107, "retaliatory violence")


def hate(
    incident_id: str,
    day: date,
    group: str = "Tajik",
    place: Place = MOSCOW,
    precision: DatePrecision = DatePrecision.DAY,
    cues: tuple[Evidence, ...] = (),
    motivated: bool | None = True,
    article: str | None = None,
) -> Incident:
    start = day if precision is DatePrecision.DAY else None
    return Incident(
        id=incident_id,
        article_id=article or f"art-{incident_id}",
        type=IncidentType.ASSAULT,
        date=EventDate(start, day, precision),
        places=(place,),
        victims=(Actor(f"a {group} man", Role.VICTIM, nationality=group),),
        bias=Bias(motivated=motivated, groups=(group,)),
        retaliation_cues=cues,
    )


def crocus(article: str = "seed") -> Incident:
    return Incident(
        id="crocus",
        article_id=article,
        type=IncidentType.MASS_CASUALTY_ATTACK,
        is_terrorism=True,
        date=EventDate(None, date(2024, 3, 25), DatePrecision.ON_OR_BEFORE),
        places=(
            Place(
                "Crocus City Hall",
                resolved="Moscow",
                country="RU",
                admin1="Moscow",
                precision=PlacePrecision.POINT,
            ),
        ),
        killed=Count(137),
        suspects=(Actor("Tajik nationals", Role.SUSPECT, nationality="Tajik"),),
    )


def background(days: int, end: date, lam: float, seed: int) -> list[Incident]:
    rng = random.Random(seed)
    out = []
    for k in range(days):
        day = end - timedelta(days=days - k)
        limit, n, p = math.exp(-lam), 0, rng.random()
        while p > limit:
            n += 1
            p *= rng.random()
        out.extend(hate(f"bg-{k}-{j}", day) for j in range(n))
    return out


def test_spikes_series_count_groups_regions_and_skip_vague_dates():
    incidents = [
        hate("a", CROCUS_DAY),
        hate("b", CROCUS_DAY, group="Tajiks"),  # alias of Tajik
        hate("c", CROCUS_DAY, group="Uzbek", place=RUSSIA),
        hate("d", CROCUS_DAY, precision=DatePrecision.MONTH),
        hate("e", CROCUS_DAY, motivated=None),  # neither motivated nor linked: not counted
    ]
    series = {
        (s.group, s.region): s
        for s in daily_series(incidents, [], start=CROCUS_DAY - timedelta(1), end=CROCUS_DAY)
    }
    assert set(series) == {("Tajik", "RU"), ("Tajik", "RU/Moscow"), ("Uzbek", "RU")}
    assert series[("Tajik", "RU")].counts == (0, 2)
    assert series[("Tajik", "RU")].skipped == 1
    linked = daily_series(
        incidents, [Link("e", "crocus", score=0.9)], start=CROCUS_DAY, end=CROCUS_DAY
    )
    assert {s.region: s.counts for s in linked if s.group == "Tajik"} == {
        "RU": (3,),
        "RU/Moscow": (3,),
    }


def test_spikes_events_count_once_with_membership():
    reports = [hate("r1", CROCUS_DAY), hate("r2", CROCUS_DAY)]
    (s,) = [
        x
        for x in daily_series(
            reports, [], start=CROCUS_DAY, end=CROCUS_DAY, membership={"ev-1": ("r1", "r2")}
        )
        if x.region == "RU"
    ]
    assert s.counts == (1,)


def test_spikes_alert_on_injected_spike_with_numbers_and_trigger():
    today = date(2024, 3, 26)
    history = background(120, today, lam=0.3, seed=3)
    spike = [hate(f"s{k}", today, cues=(CUE,)) for k in range(6)]
    incidents = [crocus(), *history, *spike]
    links = link_incidents(incidents)
    alerts = detect_alerts(incidents, links, AlertOptions(), today)
    by_region = {a.region: a for a in alerts if a.group == "Tajik"}
    assert set(by_region) == {"RU", "RU/Moscow"}
    alert = by_region["RU"]
    assert (alert.window_start, alert.window_end) == (today, today)
    assert alert.observed == 6
    assert alert.expected < 1.5
    assert alert.score > 3 and alert.method == "ears_c2"
    assert alert.trigger_id == "crocus"
    # The day before the spike raised nothing.
    assert detect_alerts(incidents, links, AlertOptions(), today - timedelta(1)) == []


def test_spikes_lookback_merges_consecutive_alarm_days():
    today = date(2024, 3, 26)
    incidents = [hate(f"s{d}-{k}", today - timedelta(d)) for d in (0, 1) for k in range(5)]
    options = AlertOptions(lookback_days=3, admin1=False)
    (alert,) = detect_alerts(incidents, [], options, today)
    assert (alert.window_start, alert.window_end, alert.observed) == (
        today - timedelta(1),
        today,
        10,
    )
    assert alert.method == "ears_c2"
    # C1 has no guard band: the first day of the rise enters its baseline and masks the second.
    c1 = AlertOptions(
        lookback_days=3, admin1=False, baseline=BaselineOptions(method=Method.EARS_C1)
    )
    (first_day_only,) = detect_alerts(incidents, [], c1, today)
    assert first_day_only.window_end == today - timedelta(1)


def test_spikes_seed_like_case_alerts_for_tajik_victims_and_links_crocus():
    seed_day = date(2024, 3, 25)
    incidents = [
        crocus(),
        hate(
            "courier-brass-knuckles",
            seed_day,
            place=RUSSIA,
            precision=DatePrecision.ON_OR_BEFORE,
            cues=(CUE,),
            article="seed",
        ),
        hate(
            "courier-pepper-spray",
            seed_day,
            place=RUSSIA,
            precision=DatePrecision.ON_OR_BEFORE,
            cues=(CUE,),
            article="seed",
        ),
        hate(
            "azerbaijani-man",
            seed_day,
            group="Azerbaijani",
            place=RUSSIA,
            precision=DatePrecision.ON_OR_BEFORE,
            cues=(CUE,),
            article="seed",
        ),
    ]
    links = link_incidents(incidents)
    assert sorted(k.source_id for k in links) == [
        "azerbaijani-man",
        "courier-brass-knuckles",
        "courier-pepper-spray",
    ]
    alerts = detect_alerts(incidents, links, AlertOptions(), seed_day)
    assert [(a.group, a.region, a.observed, a.trigger_id) for a in alerts] == [
        ("Tajik", "RU", 2, "crocus")
    ]
    (wave,) = waves(incidents, links)
    assert wave.trigger_id == "crocus" and wave.trigger_date == seed_day
    assert wave.counts[0] == 3 and wave.total == 3
    assert dict(wave.groups) == {"Tajik": 2, "Azerbaijani": 1}
