"""Early-warning alerts: daily counts of bias-motivated incidents per targeted group × region.

An incident counts when ``bias.motivated`` is True or, with ``include_linked``, when it is the
source of a retaliation link. It counts once per targeted group (``bias.groups``, else its
victims' nationality/ethnicity/religion) in its country (``"RU"``) and in its admin1 region
(``"RU/Moscow"``), on its day (an ``on_or_before`` date counts on its last possible day; dates
vaguer than a day are left out and counted in ``Series.skipped``). With ``membership`` one
event counts once, however many articles reported it.

Each series is scored by ``baselines.score_series`` (EARS C2 by default); consecutive alarm
days form one ``Alert`` whose window, observed and expected counts cover those days, whose
score is the highest, and whose ``trigger_id`` is the trigger most of its incidents link to.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from tensionwatch.analyze.baselines import BaselineOptions, DayScore, score_series
from tensionwatch.link.cues import GroupTable
from tensionwatch.models import Alert, DatePrecision, Incident, Link

_GROUP_ATTRS = ("nationality", "ethnicity", "religion")


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """``lookback_days``: how many days up to ``today`` are scored (1: today only)."""

    baseline: BaselineOptions = field(default_factory=BaselineOptions)
    lookback_days: int = 1
    include_linked: bool = True
    min_link_score: float = 0.5
    admin1: bool = True
    groups: GroupTable = field(default_factory=GroupTable.load)


@dataclass(frozen=True, slots=True)
class Series:
    """Daily counts for one (group, region) from ``start``; ``incidents[i]`` counted on day i."""

    group: str
    region: str
    start: date
    counts: tuple[int, ...]
    incidents: tuple[tuple[str, ...], ...]
    skipped: int = 0


def incident_day(incident: Incident, published: date | None = None) -> date | None:
    """The day an incident counts on, or None when its date is vaguer than a day."""
    when = incident.date
    if when is None or (when.start is None and when.end is None):
        return published
    if when.precision is DatePrecision.DAY:
        return when.start or when.end
    if when.precision is DatePrecision.ON_OR_BEFORE:
        return when.end or when.start
    return None


def targeted_groups(incident: Incident) -> tuple[str, ...]:
    if incident.bias.groups:
        return incident.bias.groups
    return tuple(v for a in incident.victims for attr in _GROUP_ATTRS if (v := getattr(a, attr)))


def regions(incident: Incident, admin1: bool) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for place in incident.places:
        if not place.country:
            continue
        country = place.country.upper()
        out[country] = None
        if admin1 and place.admin1:
            out[f"{country}/{place.admin1}"] = None
    return tuple(out)


def _units(
    incidents: Sequence[Incident], membership: Mapping[str, Sequence[str]] | None
) -> list[tuple[str, list[Incident]]]:
    """Counting units: one per event when ``membership`` is given, else one per incident."""
    if not membership:
        return [(i.id, [i]) for i in incidents]
    by_id = {i.id: i for i in incidents}
    seen: set[str] = set()
    units: list[tuple[str, list[Incident]]] = []
    for event_id, members in membership.items():
        found = [by_id[m] for m in members if m in by_id]
        seen.update(m for m in members)
        if found:
            units.append((event_id, found))
    units.extend((i.id, [i]) for i in incidents if i.id not in seen)
    return units


def daily_series(
    incidents: Sequence[Incident],
    links: Sequence[Link],
    *,
    start: date,
    end: date,
    options: AlertOptions | None = None,
    membership: Mapping[str, Sequence[str]] | None = None,
    articles: Mapping[str, date | None] | None = None,
) -> list[Series]:
    """Daily counts per (group, region) over ``start``..``end`` inclusive, zeros filled."""
    options = options or AlertOptions()
    published = articles or {}
    linked = {k.source_id for k in links if k.score >= options.min_link_score}
    table = options.groups
    cells: dict[tuple[str, str], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    labels: dict[str, str] = {}
    skipped: Counter[tuple[str, str]] = Counter()
    n_days = (end - start).days + 1
    for unit_id, members in _units(incidents, membership):
        is_linked = unit_id in linked or any(m.id in linked for m in members)
        motivated = any(m.bias.motivated is True for m in members)
        if not (motivated or (options.include_linked and is_linked)):
            continue
        days = [d for m in members if (d := incident_day(m, published.get(m.article_id)))]
        keys = {
            (table.norm(g), r)
            for m in members
            for g in targeted_groups(m)
            for r in regions(m, options.admin1)
        }
        for m in members:
            for g in targeted_groups(m):
                labels.setdefault(table.norm(g), table.label(g))
        if not days:
            skipped.update(keys)
            continue
        offset = (min(days) - start).days
        if not 0 <= offset < n_days:
            continue
        for key in keys:
            cells[key][offset].append(unit_id)
    out = []
    for (group, region), by_day in sorted(cells.items()):
        out.append(
            Series(
                group=labels.get(group, group),
                region=region,
                start=start,
                counts=tuple(len(by_day.get(i, ())) for i in range(n_days)),
                incidents=tuple(tuple(by_day.get(i, ())) for i in range(n_days)),
                skipped=skipped[(group, region)],
            )
        )
    return out


def detect_alerts(
    incidents: Sequence[Incident],
    links: Sequence[Link],
    options: AlertOptions | None,
    today: date,
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    articles: Mapping[str, date | None] | None = None,
) -> list[Alert]:
    """Alerts for the ``options.lookback_days`` days ending ``today``, over every series."""
    options = options or AlertOptions()
    base = options.baseline
    first = today - timedelta(days=options.lookback_days - 1)
    start = first - timedelta(days=base.history_days)
    series = daily_series(
        incidents,
        links,
        start=start,
        end=today,
        options=options,
        membership=membership,
        articles=articles,
    )
    trigger_of = _triggers(links, membership, options.min_link_score)
    alerts: list[Alert] = []
    for s in series:
        scores = score_series(s.counts, base)
        alarm_days = [
            d for d in scores if d is not None and d.alarm and s.start + timedelta(d.index) >= first
        ]
        for run in _runs(alarm_days):
            alerts.append(_alert(s, run, scores, trigger_of, base))
    return sorted(alerts, key=lambda a: (-a.score, a.group, a.region, a.window_start))


def _runs(days: Sequence[DayScore]) -> list[list[DayScore]]:
    runs: list[list[DayScore]] = []
    for day in days:
        if runs and runs[-1][-1].index == day.index - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _triggers(
    links: Sequence[Link], membership: Mapping[str, Sequence[str]] | None, min_score: float
) -> dict[str, str]:
    """Source id (incident and, with membership, event) → its trigger."""
    out: dict[str, str] = {}
    members = membership or {}
    for link in sorted(links, key=lambda k: k.score):
        if link.score < min_score:
            continue
        out[link.source_id] = link.trigger_id
        for incident_id in members.get(link.source_id, ()):
            out[incident_id] = link.trigger_id
    return out


def _alert(
    series: Series,
    run: Sequence[DayScore],
    scores: Sequence[DayScore | None],
    trigger_of: Mapping[str, str],
    base: BaselineOptions,
) -> Alert:
    lo = max(0, run[0].index - base.span_days + 1)
    hi = run[-1].index
    observed = sum(series.counts[lo : hi + 1])
    expected = 0.0
    for i in range(lo, hi + 1):
        day = scores[i]
        per_day = day.expected / base.span_days if day is not None else 0.0
        expected += per_day
    units = [u for i in range(lo, hi + 1) for u in series.incidents[i]]
    votes = Counter(trigger_of[u] for u in units if u in trigger_of)
    trigger = max(sorted(votes), key=votes.__getitem__) if votes else None
    return Alert(
        group=series.group,
        region=series.region,
        window_start=series.start + timedelta(lo),
        window_end=series.start + timedelta(hi),
        observed=observed,
        expected=round(expected, 4),
        score=round(max(d.score for d in run), 4),
        method=base.method.value,
        trigger_id=trigger,
    )
