"""Pair scores: how likely two incident reports describe the same real event.

Each feature scores in [0, 1] or is ``None`` when either report is silent on it; the pair
score is the weighted mean of the informed features (``ResolveOptions.weights``). Some
disagreements are decisive and *veto* the pair instead (see ``ResolveOptions``): exact days too
far apart, different named targets, different named victims, the same article. Counts are
never decisive: tolls change as news comes in ("injured 3" then "injured 4").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from tensionwatch.models import Count, Incident, IncidentType, Qualifier
from tensionwatch.resolve.keys import Record, blocked_apart, gap_days, prepare
from tensionwatch.resolve.options import ResolveOptions


@dataclass(frozen=True, slots=True)
class PairScore:
    """The score of one pair with its parts, so an analyst can see why two reports merged."""

    a: str
    b: str
    score: float
    features: tuple[tuple[str, float], ...]
    veto: str | None = None

    @property
    def vetoed(self) -> bool:
        return self.veto is not None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


def place_score(a: Record, b: Record) -> float | None:
    if a.localities and b.localities:
        if a.localities & b.localities:
            return 1.0
        return 0.1 if a.admin1s & b.admin1s else 0.0
    if a.admin1s and b.admin1s and a.admin1s & b.admin1s:
        return 0.6 if (a.localities or b.localities) else 0.7
    if a.countries and b.countries and a.countries & b.countries:
        return 0.4
    return None


def date_score(a: Record, b: Record, options: ResolveOptions) -> float | None:
    gap = gap_days(a.interval, b.interval)
    if gap is None:
        return None
    if a.exact_day and b.exact_day:
        return {0: 1.0, 1: 0.25}.get(gap, 0.0)
    if gap > 0:
        return max(0.0, 0.4 * (1 - gap / (options.date_window_days + 1)))
    # Overlapping, but at least one side is vague: the narrower the overlap, the more it says.
    assert a.interval is not None and b.interval is not None
    width = min((a.interval[1] - a.interval[0]).days, (b.interval[1] - b.interval[0]).days)
    return max(0.5, 1.0 - 0.05 * width)


def type_score(a: Record, b: Record) -> float:
    if a.incident.type == b.incident.type:
        return 1.0
    return 0.6


def count_bounds(count: Count) -> tuple[int, int | None]:
    """The range a reported number allows: "more than 180" is [181, ∞), "about 40" ±10 %."""
    q = count.qualifier
    if q is Qualifier.MORE_THAN:
        low, high = count.value + 1, None
    elif q is Qualifier.AT_LEAST:
        low, high = count.value, None
    elif q is Qualifier.UP_TO:
        low, high = 0, count.value
    elif q is Qualifier.ABOUT:
        low, high = int(count.value * 0.9), -(-count.value * 11 // 10)
    else:
        low, high = count.value, count.value
    return (
        count.low if count.low is not None else low,
        count.high if count.high is not None else high,
    )


def count_similarity(x: Count, y: Count) -> float:
    """1 when the reported numbers are compatible, falling with their relative difference."""
    if x.value == y.value:
        return 1.0
    lo_x, hi_x = count_bounds(x)
    lo_y, hi_y = count_bounds(y)
    # "more than 180" (low 181, no high) is compatible with "182".
    if (hi_x is None or lo_y <= hi_x) and (hi_y is None or lo_x <= hi_y):
        return 1.0
    big = max(x.value, y.value)
    return max(0.0, 1.0 - abs(x.value - y.value) / big) if big else 1.0


def counts_score(a: Record, b: Record) -> float | None:
    scores = [
        count_similarity(x, y)
        for x, y in (
            (a.incident.killed, b.incident.killed),
            (a.incident.injured, b.incident.injured),
        )
        if x is not None and y is not None
    ]
    return sum(scores) / len(scores) if scores else None


def victims_score(a: Record, b: Record) -> float | None:
    if a.victim_names and b.victim_names:
        return 1.0 if a.victim_names & b.victim_names else 0.0
    shared = {k for k, _ in a.victim_attrs} & {k for k, _ in b.victim_attrs}
    if not shared:
        return None
    agree = sum(
        1
        for key in shared
        if {v for k, v in a.victim_attrs if k == key} & {v for k, v in b.victim_attrs if k == key}
    )
    return agree / len(shared)


def targets_score(a: Record, b: Record) -> float | None:
    tokens = _jaccard(a.target_tokens, b.target_tokens)
    if tokens is None:
        return None
    if tokens > 0:
        return min(1.0, 0.5 + tokens)
    cats = _jaccard(a.target_categories, b.target_categories)
    # Same kind of target ("shop" and "store") but no shared word: weakly compatible.
    return 0.3 if cats else 0.0


def weapons_score(a: Record, b: Record) -> float | None:
    return _jaccard(a.weapons, b.weapons)


def text_score(a: Record, b: Record) -> float | None:
    score = _jaccard(a.text_tokens, b.text_tokens)
    # Two short paraphrases rarely share more than half their words: rescale.
    return None if score is None else min(1.0, 2.0 * score)


def score_pair(a: Record, b: Record, options: ResolveOptions) -> PairScore:
    """Score one pair; ``veto`` names the decisive disagreement when there is one."""
    features: dict[str, float | None] = {
        "place": place_score(a, b),
        "date": date_score(a, b, options),
        "type": type_score(a, b),
        "counts": counts_score(a, b),
        "victims": victims_score(a, b),
        "targets": targets_score(a, b),
        "weapons": weapons_score(a, b),
        "text": text_score(a, b),
    }
    known = {k: v for k, v in features.items() if v is not None}
    total = sum(options.weights.get(k, 0.0) for k in known)
    score = sum(options.weights.get(k, 0.0) * v for k, v in known.items()) / total if total else 0.0
    veto = veto_reason(a, b, known, options)
    return PairScore(a.id, b.id, round(score, 4), tuple(sorted(known.items())), veto)


def explain_pair(
    a: Incident,
    b: Incident,
    *,
    articles: Mapping[str, date | None] | None = None,
    options: ResolveOptions | None = None,
) -> PairScore:
    """Score two incidents directly: why would (or wouldn't) they be one event?"""
    options = options or ResolveOptions()
    published = articles or {}
    return score_pair(
        prepare(a, published.get(a.article_id), options),
        prepare(b, published.get(b.article_id), options),
        options,
    )


def veto_reason(
    a: Record, b: Record, known: dict[str, float], options: ResolveOptions
) -> str | None:
    if a.articles & b.articles:
        return "same_article"
    if blocked_apart(a, b, options):
        return "blocked"
    if a.exact_day and b.exact_day:
        gap = gap_days(a.interval, b.interval)
        if gap is not None and gap > options.max_exact_day_gap:
            return "date"
    for feature in options.veto_features:
        value = known.get(feature)
        if value is not None and value < options.veto_below:
            return feature
    return None


def is_severe(incident_type: IncidentType) -> int:
    """Rank used to break ties between type labels (higher wins)."""
    order = (
        IncidentType.MASS_CASUALTY_ATTACK,
        IncidentType.BOMBING,
        IncidentType.ARMED_ATTACK,
        IncidentType.KILLING,
        IncidentType.KIDNAPPING,
        IncidentType.ARSON,
        IncidentType.ASSAULT,
        IncidentType.ROBBERY,
        IncidentType.VANDALISM,
        IncidentType.THREAT_HARASSMENT,
    )
    return len(order) - order.index(incident_type) if incident_type in order else 0
