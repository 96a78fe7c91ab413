"""Merge the incidents of one cluster into an ``Event``, keeping every source and conflict.

Nothing is silently overwritten. Where reports disagree the event records a conflict string
(``"injured: 3 [a1 2024-03-25] | 4 [a2 2024-03-26]"``) and, for counts, a ``CountSummary``
exposing every reported value, the minimum, the maximum and the most recent. The event's
``Count`` carries the most recent value with ``low``/``high`` set to that minimum/maximum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tensionwatch.models import Count, DatePrecision, Event, EventDate, Place
from tensionwatch.resolve.keys import Record, norm, place_key
from tensionwatch.resolve.similarity import is_severe


@dataclass(frozen=True, slots=True)
class ReportedCount:
    incident_id: str
    article_id: str
    reported: date | None
    count: Count


@dataclass(frozen=True, slots=True)
class CountSummary:
    """Every report of one count: the values, their range and the newest one."""

    field: str
    reports: tuple[ReportedCount, ...]
    minimum: int
    maximum: int
    most_recent: int

    @property
    def conflicting(self) -> bool:
        return self.minimum != self.maximum


@dataclass(frozen=True, slots=True)
class EventDetails:
    """What the ``Event`` record cannot hold: per-count summaries and per-field sources."""

    event_id: str
    counts: tuple[CountSummary, ...]
    sources: tuple[tuple[str, tuple[str, ...]], ...]  # field -> incident ids that stated it

    def count(self, name: str) -> CountSummary | None:
        return next((c for c in self.counts if c.field == name), None)


def _label(record: Record) -> str:
    when = record.published.isoformat() if record.published else "undated"
    return f"{record.incident.article_id} {when}"


def summarize_counts(name: str, records: Sequence[Record]) -> CountSummary | None:
    reports = [
        ReportedCount(r.id, r.incident.article_id, r.published, c)
        for r in records
        if (c := getattr(r.incident, name)) is not None
    ]
    if not reports:
        return None
    newest = max(reports, key=lambda rc: (rc.reported or date.min, rc.incident_id))
    # A count that is itself a merge (an existing event's) carries its range in low/high.
    lows = [
        min(rc.count.value, rc.count.low if rc.count.low is not None else rc.count.value)
        for rc in reports
    ]
    highs = [
        max(rc.count.value, rc.count.high if rc.count.high is not None else rc.count.value)
        for rc in reports
    ]
    return CountSummary(name, tuple(reports), min(lows), max(highs), newest.count.value)


def _merged_count(summary: CountSummary | None) -> Count | None:
    if summary is None:
        return None
    newest = max(summary.reports, key=lambda rc: (rc.reported or date.min, rc.incident_id)).count
    if not summary.conflicting:
        return newest
    values = ", ".join(str(rc.count.value) for rc in summary.reports)
    return Count(
        value=summary.most_recent,
        qualifier=newest.qualifier,
        low=summary.minimum,
        high=summary.maximum,
        note=f"reports disagree: {values}; value is the most recent",
        evidence=tuple(e for rc in summary.reports for e in rc.count.evidence),
    )


def _count_conflict(summary: CountSummary | None, records: Sequence[Record]) -> str | None:
    if summary is None or not summary.conflicting:
        return None
    by_id = {r.id: r for r in records}
    parts = [f"{rc.count.value} [{_label(by_id[rc.incident_id])}]" for rc in summary.reports]
    return f"{summary.field}: " + " | ".join(parts)


def _merged_date(records: Sequence[Record]) -> tuple[EventDate | None, str | None]:
    dated = [r for r in records if r.interval is not None]
    if not dated:
        return None, None
    exact = sorted({r.interval[0] for r in dated if r.exact_day})  # type: ignore[index]
    conflict = None
    if len(exact) > 1:
        conflict = "date: " + " | ".join(
            f"{r.interval[0].isoformat()} [{_label(r)}]"  # type: ignore[index]
            for r in dated
            if r.exact_day
        )
    if exact:
        votes = Counter(r.interval[0] for r in dated if r.exact_day)  # type: ignore[index]
        day = max(votes, key=lambda d: (votes[d], d))
        return EventDate(day, day, DatePrecision.DAY), conflict
    lo = max(r.interval[0] for r in dated)  # type: ignore[index]
    hi = min(r.interval[1] for r in dated)  # type: ignore[index]
    if lo > hi:  # vague intervals that do not even overlap: keep the widest honest bound
        lo, hi = min(r.interval[0] for r in dated), max(r.interval[1] for r in dated)  # type: ignore[index]
    if lo == hi:
        return EventDate(lo, hi, DatePrecision.DAY), conflict
    return EventDate(None, hi, DatePrecision.ON_OR_BEFORE), conflict


def _merged_places(records: Sequence[Record]) -> tuple[Place, ...]:
    rank = {"point": 0, "city": 1, "unknown": 2, "admin1": 3, "country": 4}
    seen: dict[tuple[str, str, str], Place] = {}
    for record in records:
        for place in record.incident.places:
            key = (place_key(place), (place.country or "").upper(), norm(place.admin1))
            seen.setdefault(key, place)
    return tuple(sorted(seen.values(), key=lambda p: (rank.get(p.precision.value, 5), p.name)))


def victim_groups(records: Sequence[Record]) -> tuple[str, ...]:
    groups: dict[str, str] = {}
    for record in records:
        incident = record.incident
        names = list(incident.bias.groups)
        for actor in incident.victims:
            names.extend(v for v in (actor.nationality, actor.ethnicity, actor.religion) if v)
        for name in names:
            groups.setdefault(norm(name), name)
    return tuple(sorted(groups.values()))


def build_event(event_id: str, records: Sequence[Record]) -> tuple[Event, EventDetails]:
    """The merged ``Event`` and its ``EventDetails`` for one cluster of records."""
    ordered = sorted(records, key=lambda r: (r.sort_date, r.id))
    conflicts: list[str] = []
    types = Counter(r.incident.type for r in ordered)
    main_type = max(types, key=lambda t: (types[t], is_severe(t)))
    if len(types) > 1:
        conflicts.append(
            "type: " + " | ".join(f"{r.incident.type.value} [{_label(r)}]" for r in ordered)
        )
    terror = {r.incident.is_terrorism for r in ordered}
    if len(terror) > 1:
        conflicts.append(
            "is_terrorism: "
            + " | ".join(f"{r.incident.is_terrorism} [{_label(r)}]" for r in ordered)
        )
    when, date_conflict = _merged_date(ordered)
    if date_conflict:
        conflicts.append(date_conflict)
    summaries = [summarize_counts(name, ordered) for name in ("killed", "injured")]
    for summary in summaries:
        text = _count_conflict(summary, ordered)
        if text:
            conflicts.append(text)
    reported = [r.published for r in ordered if r.published is not None]
    event = Event(
        id=event_id,
        type=main_type,
        incident_ids=tuple(r.id for r in ordered),
        article_ids=tuple(dict.fromkeys(r.incident.article_id for r in ordered)),
        is_terrorism=True in terror,
        date=when,
        places=_merged_places(ordered),
        killed=_merged_count(summaries[0]),
        injured=_merged_count(summaries[1]),
        victim_groups=victim_groups(ordered),
        conflicts=tuple(conflicts),
        first_reported=min(reported) if reported else None,
        last_reported=max(reported) if reported else None,
    )
    fields = {
        "date": [r.id for r in ordered if r.incident.date is not None],
        "places": [r.id for r in ordered if r.incident.places],
        "killed": [r.id for r in ordered if r.incident.killed is not None],
        "injured": [r.id for r in ordered if r.incident.injured is not None],
        "victims": [r.id for r in ordered if r.incident.victims],
        "perpetrators": [r.id for r in ordered if r.incident.perpetrators],
        "weapons": [r.id for r in ordered if r.incident.weapons],
        "targets": [r.id for r in ordered if r.incident.targets],
    }
    details = EventDetails(
        event_id=event_id,
        counts=tuple(s for s in summaries if s is not None),
        sources=tuple((k, tuple(v)) for k, v in fields.items() if v),
    )
    return event, details
