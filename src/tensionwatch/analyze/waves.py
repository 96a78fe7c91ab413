"""Backlash waves: for each trigger, how many linked incidents happened on each day after it.

Day 0 is the trigger's day (an ``on_or_before`` date counts on its last possible day, as in
``spikes.incident_day``); a linked incident dated before it (a vague date) counts on day 0.
Sources and triggers may be incidents or, with ``membership``, events; an event counts once,
on its earliest member's day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tensionwatch.analyze.spikes import incident_day, targeted_groups
from tensionwatch.models import Incident, Link


@dataclass(frozen=True, slots=True)
class Wave:
    """``counts[d]``: linked incidents on day ``d`` after the trigger, for d in 0..horizon."""

    trigger_id: str
    trigger_date: date | None
    counts: tuple[int, ...]
    later: int
    undated: int
    groups: tuple[tuple[str, int], ...]
    sources: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.counts) + self.later + self.undated

    @property
    def peak_day(self) -> int | None:
        if not any(self.counts):
            return None
        return max(range(len(self.counts)), key=lambda d: (self.counts[d], -d))


def waves(
    incidents: Sequence[Incident],
    links: Sequence[Link],
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    articles: Mapping[str, date | None] | None = None,
    horizon_days: int = 30,
    min_score: float = 0.5,
) -> list[Wave]:
    """One ``Wave`` per trigger with at least one link scoring ``min_score`` or more."""
    published = articles or {}
    by_id = {i.id: i for i in incidents}
    members = {k: tuple(v) for k, v in (membership or {}).items()}

    def unit_incidents(unit_id: str) -> list[Incident]:
        ids = members.get(unit_id, (unit_id,))
        return [by_id[i] for i in ids if i in by_id]

    def unit_day(unit_id: str) -> date | None:
        days = [
            d
            for i in unit_incidents(unit_id)
            if (d := incident_day(i, published.get(i.article_id)))
        ]
        return min(days) if days else None

    sources: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.score >= min_score and link.kind == "retaliation":
            sources[link.trigger_id].add(link.source_id)
    out: list[Wave] = []
    for trigger_id in sorted(sources):
        start = unit_day(trigger_id)
        counts = [0] * (horizon_days + 1)
        later = undated = 0
        groups: Counter[str] = Counter()
        for source_id in sorted(sources[trigger_id]):
            day = unit_day(source_id)
            names = {g for i in unit_incidents(source_id) for g in targeted_groups(i)}
            groups.update(names)
            if day is None or start is None:
                undated += 1
                continue
            offset = max(0, (day - start).days)
            if offset > horizon_days:
                later += 1
            else:
                counts[offset] += 1
        out.append(
            Wave(
                trigger_id=trigger_id,
                trigger_date=start,
                counts=tuple(counts),
                later=later,
                undated=undated,
                groups=tuple(sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))),
                sources=tuple(sorted(sources[trigger_id])),
            )
        )
    return out
