"""Pair scores: how likely two incident reports describe the same real event.

Each feature scores in [0, 1] or is ``None`` when either report is silent on it; the pair
score is the weighted mean of the informed features (``ResolveOptions.weights``), except that
a place missing on either side counts as ``ResolveOptions.neutral`` (a neutral value):
two reports that share only a type and a nearby date must not look alike because they say
nothing else.

A pair may seed an event only with *positive evidence* (``PairScore.evidence``):

- ``place``: the reports share a town or spot, a county, or a region that neither report
  contradicts with another town (``place_score`` at least ``ResolveOptions.place_evidence``);
- ``identity``: with no shared place, the same exact day, the same non-zero counts and a
  victim's surname in common;
- ``victim``: a victim's surname in common, dates that overlap, and no count or place
  against it (every count both give compatible, no two different geocoded towns).

Some disagreements are decisive and *veto* the pair instead (see ``ResolveOptions``): exact
days too far apart, different named targets, different named victims, the same article.
Counts are never decisive: tolls change as news comes in ("injured 3" then "injured 4"). An
exact-day disagreement is itself overruled for a pair that shares a place and agrees on a
large toll (``ResolveOptions.distinctive_casualties``): one report dated the bombing by the
vigil. Such a pair scores with its date as neutral and ``PairScore.date_overruled`` set.
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
    evidence: str | None = None
    date_overruled: bool = False
    neutral_date_score: float | None = None

    @property
    def vetoed(self) -> bool:
        return self.veto is not None

    @property
    def date_vetoed(self) -> bool:
        """Vetoed for the exact days alone: a cluster that knows one of the two days to be
        wrong (``date_overruled`` against its other members) compares the pair at
        ``neutral_date_score`` instead."""
        return self.veto == "date"

    @property
    def supported(self) -> bool:
        """True when the pair has positive evidence of being one event (``evidence``)."""
        return self.evidence is not None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


def place_score(a: Record, b: Record) -> float | None:
    """1 for a shared town or spot, lower as the shared place widens; None when unknown.

    Two towns the geocoder resolved that differ are a disagreement (0.1 in one region); a
    name it did not resolve that matches nothing ("Bordeaux Avenue" against "Stockton") may
    be a street in that town, so it is only weakly against (0.3).
    """
    if a.localities & b.localities:
        return 1.0
    if a.resolved_localities and b.resolved_localities:
        return 0.1 if a.admin1s & b.admin1s else 0.0
    if a.districts & b.districts:
        return 0.7
    if a.admin1s & b.admin1s:
        return 0.6
    if (a.localities or a.districts) and (b.localities or b.districts):
        return 0.3
    if a.countries & b.countries:
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
    # Overlapping, but at least one side is vague: an exact day inside a week-long window says
    # as little as two week-long windows do, so the vaguer side sets the score.
    assert a.interval is not None and b.interval is not None
    width = max((a.interval[1] - a.interval[0]).days, (b.interval[1] - b.interval[0]).days)
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
    """Named victims: 1 when a surname is shared, 0 when both name victims and none is;
    otherwise the share of victim attributes (nationality, occupation, …) that agree."""
    if a.victim_surnames and b.victim_surnames:
        return 1.0 if a.victim_surnames & b.victim_surnames else 0.0
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
    """Score one pair; ``veto`` names the decisive disagreement when there is one and
    ``evidence`` the positive evidence that lets it seed an event."""
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
    clash = date_clash(a, b, options)
    overruled = clash and _date_overruled(a, b, known, options)
    return PairScore(
        a.id,
        b.id,
        weighted_score(known, options, neutral_date=overruled),
        tuple(sorted(known.items())),
        veto_reason(a, b, known, options, date_overruled=overruled),
        evidence(a, b, known, options),
        date_overruled=overruled,
        neutral_date_score=weighted_score(known, options, neutral_date=True) if clash else None,
    )


def weighted_score(
    known: Mapping[str, float], options: ResolveOptions, *, neutral_date: bool = False
) -> float:
    """The weighted mean of the informed features, a missing place (and, when asked, the
    date) counting as ``options.neutral``."""
    scored = dict(known)
    if "place" not in scored:
        scored["place"] = options.neutral
    if neutral_date and "date" in scored:
        scored["date"] = options.neutral
    total = sum(options.weights.get(k, 0.0) for k in scored)
    if not total:
        return 0.0
    return round(sum(options.weights.get(k, 0.0) * v for k, v in scored.items()) / total, 4)


def date_clash(a: Record, b: Record, options: ResolveOptions) -> bool:
    """Both reports give an exact day, more than ``max_exact_day_gap`` days apart."""
    if not (a.exact_day and b.exact_day):
        return False
    gap = gap_days(a.interval, b.interval)
    return gap is not None and gap > options.max_exact_day_gap


def same_day(a: Record, b: Record) -> bool:
    return a.exact_day and b.exact_day and a.interval == b.interval


def counts_agree(a: Record, b: Record, *, minimum: int = 1) -> bool:
    """Both reports give a toll, every toll both give is compatible, and together the
    compatible tolls reach ``minimum`` (so "no one was hurt" twice is not agreement)."""
    pairs = [
        (x, y)
        for x, y in (
            (a.incident.killed, b.incident.killed),
            (a.incident.injured, b.incident.injured),
        )
        if x is not None and y is not None
    ]
    if not pairs or any(count_similarity(x, y) < 1.0 for x, y in pairs):
        return False
    return sum(min(count_bounds(x)[0], count_bounds(y)[0]) for x, y in pairs) >= minimum


def evidence(
    a: Record, b: Record, known: Mapping[str, float], options: ResolveOptions
) -> str | None:
    """The positive evidence that the two reports describe one event (module docstring)."""
    place = known.get("place")
    if place is not None and place >= options.place_evidence:
        return "place"
    if not a.victim_surnames & b.victim_surnames:
        return None
    if same_day(a, b) and counts_agree(a, b):
        return "identity"
    # A victim named in both, in overlapping dates, with no toll or place against it.
    if (
        gap_days(a.interval, b.interval) == 0
        and known.get("counts", 1.0) == 1.0
        and known.get("place", 1.0) >= 0.3
    ):
        return "victim"
    return None


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
    a: Record,
    b: Record,
    known: Mapping[str, float],
    options: ResolveOptions,
    *,
    date_overruled: bool = False,
) -> str | None:
    if a.articles & b.articles:
        return "same_article"
    if blocked_apart(a, b, options):
        return "blocked"
    if date_clash(a, b, options) and not date_overruled:
        return "date"
    for feature in options.veto_features:
        value = known.get(feature)
        if value is None or value >= options.veto_below:
            continue
        if feature == "victims" and not (a.victim_names and b.victim_names):
            continue  # only full names on both sides are decisive, not a lone surname
        return feature
    return None


def _date_overruled(
    a: Record, b: Record, known: Mapping[str, float], options: ResolveOptions
) -> bool:
    """Exact days a few days apart, but the same place and the same large toll: one report
    dated the event by a later development (a vigil, a funeral, a death in hospital)."""
    if not options.distinctive_casualties or known.get("place") != 1.0:
        return False
    return counts_agree(a, b, minimum=options.distinctive_casualties)


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
