"""Backlash links: incidents (or events) pointing at the trigger event they retaliate for.

A *trigger* is a terrorist or mass-casualty incident whose perpetrators, suspects, claimants or
arrested carry a nationality, ethnicity or religion. A *source* is any other incident whose
victims (or ``bias.groups``) form a group. A source may link to a trigger only when it
happened on or after the trigger, within ``LinkOptions.window_days``, in the same country
(an incident with no country of its own takes its article's; still unknown is tolerated only
for a trigger reported in the same article).

Scores (defaults in ``LinkOptions``):

============================================  ======
explicit cue + victim group = trigger group   0.95
explicit cue, group related or other          0.80
implicit: group match (bias-motivated)        0.70, decaying to 0.56 at the window's end
implicit: group match (motive unknown)        0.60, decaying to 0.48
implicit: group named in a bias-motivated     0.60, decaying to 0.48
  incident without victim groups
implicit: related group only                  0.40  (a candidate, below the threshold)
any of the above with a non-bias explanation  at most 0.25
============================================  ======

An explicit cue is a ``revenge`` or ``sequence`` phrase from ``patterns/retaliation_cues.jsonl``
among the incident's ``retaliation_cues`` or its sentences ("retaliatory violence", "in
revenge for"); "sequence" phrases ("in the wake of") weigh 0.85 of a "revenge" phrase. A
non-bias explanation is ``bias.motivated is False`` or a ``non_bias`` phrase ("business
dispute") in its motive or sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from tensionwatch.link.cues import Cue, CueKind, CueMatch, CueSet, GroupTable
from tensionwatch.models import DatePrecision, Evidence, Incident, IncidentType, Link

_GROUP_ATTRS = ("nationality", "ethnicity", "religion")
# A span the extractor marked as a retaliation cue that the lexicon does not know.
_EXTRACTOR_CUE = Cue("extractor", "", CueKind.REVENGE, 0.9, "(marked by the extractor)")


@dataclass(frozen=True, slots=True)
class LinkOptions:
    window_days: int = 30
    lookback_days: int = 7
    threshold: float = 0.5
    explicit_group_score: float = 0.95
    explicit_score: float = 0.80
    implicit_bias_score: float = 0.70
    implicit_score: float = 0.60
    implicit_mention_score: float = 0.60
    related_score: float = 0.40
    decay: float = 0.2
    explained_cap: float = 0.25
    trigger_types: frozenset[IncidentType] = frozenset(
        {IncidentType.MASS_CASUALTY_ATTACK, IncidentType.BOMBING}
    )
    trigger_min_killed: int = 3
    best_only: bool = True
    cues: CueSet = field(default_factory=CueSet.load)
    groups: GroupTable = field(default_factory=GroupTable.load)


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """A scored (source, trigger) pair with the reasons behind its score."""

    link: Link
    reasons: tuple[str, ...]
    days_after: int | None
    group_match: str  # "same" | "related" | "mentioned" | "none"

    @property
    def score(self) -> float:
        return self.link.score


def _interval(
    incident: Incident, published: date | None, lookback: int
) -> tuple[date, date] | None:
    when = incident.date
    back = timedelta(days=lookback)
    if when is None or (when.start is None and when.end is None):
        return (published - back, published) if published else None
    if when.precision is DatePrecision.ON_OR_BEFORE or when.start is None:
        anchor = when.end or when.start
        assert anchor is not None
        return (when.start or anchor - back, anchor)
    return (when.start, when.end or when.start)


def trigger_groups(incident: Incident, groups: GroupTable) -> frozenset[str]:
    """Groups attributed to the people behind an attack (canonical names, no broader ones)."""
    actors = (*incident.perpetrators, *incident.suspects, *incident.claimed_by, *incident.arrests)
    return frozenset(
        groups.norm(value) for a in actors for attr in _GROUP_ATTRS if (value := getattr(a, attr))
    )


def victim_groups(incident: Incident, groups: GroupTable) -> frozenset[str]:
    names = set(incident.bias.groups)
    names.update(v for a in incident.victims for attr in _GROUP_ATTRS if (v := getattr(a, attr)))
    return frozenset(groups.norm(n) for n in names)


def is_trigger(incident: Incident, options: LinkOptions) -> bool:
    severe = (
        incident.is_terrorism
        or incident.type in options.trigger_types
        or (incident.killed is not None and incident.killed.value >= options.trigger_min_killed)
    )
    return severe and bool(trigger_groups(incident, options.groups))


def _cues(incident: Incident, cues: CueSet) -> tuple[CueMatch, ...]:
    found: list[CueMatch] = []
    for span in incident.retaliation_cues:
        # Keep the extractor's whole span as evidence; the lexicon only says how strong it is.
        known = cues.classify(span.text)
        found.append(CueMatch(known or _EXTRACTOR_CUE, span))
    for e in incident.sentences:
        found.extend(cues.find(e.text, e.start))
    for motive in incident.bias.motive:
        found.extend(m for m in cues.find(motive) if m.cue.kind is CueKind.NON_BIAS)
    return tuple(found)


def _countries(incident: Incident) -> frozenset[str]:
    return frozenset(p.country.upper() for p in incident.places if p.country)


def article_countries(incidents: Sequence[Incident]) -> dict[str, frozenset[str]]:
    """Article id → the countries its incidents are placed in: the country of an incident
    whose own places have none ("Rusholme", not geocoded) is that of its article."""
    found: dict[str, set[str]] = {}
    for incident in incidents:
        found.setdefault(incident.article_id, set()).update(_countries(incident))
    return {article: frozenset(countries) for article, countries in found.items()}


def mentioned_groups(incident: Incident, groups: GroupTable) -> frozenset[str]:
    """Groups named in the sentences of a bias-motivated incident whose victims carry none
    ("racist graffiti, including the words 'Afghans out'"); empty for any other incident."""
    if incident.bias.motivated is not True or victim_groups(incident, groups):
        return frozenset()
    return frozenset().union(*(groups.find(e.text) for e in incident.sentences))


def _score_pair(
    source: Incident,
    trigger: Incident,
    matches: tuple[CueMatch, ...],
    articles: Mapping[str, date | None],
    options: LinkOptions,
    countries: Mapping[str, frozenset[str]] | None = None,
) -> LinkCandidate | None:
    same_article = source.article_id == trigger.article_id
    s_when = _interval(source, articles.get(source.article_id), options.lookback_days)
    t_when = _interval(trigger, articles.get(trigger.article_id), options.lookback_days)
    reasons: list[str] = []
    days_after: int | None = None
    if s_when is None or t_when is None:
        if not same_article:
            return None
        reasons.append("date unknown, same article")
    else:
        if s_when[1] < t_when[0]:
            return None  # happened before the trigger
        days_after = max(0, (s_when[0] - t_when[1]).days)
        if days_after > options.window_days:
            return None
        reasons.append(f"{days_after} days after the trigger")
    by_article = countries or {}
    s_c = _countries(source) or by_article.get(source.article_id, frozenset())
    t_c = _countries(trigger) or by_article.get(trigger.article_id, frozenset())
    if s_c and t_c:
        if not s_c & t_c:
            return None
        reasons.append(f"same country {sorted(s_c & t_c)[0]}")
    elif not same_article:
        return None

    table = options.groups
    victims, attributed = victim_groups(source, table), trigger_groups(trigger, table)
    mentioned = mentioned_groups(source, table)
    if victims & attributed:
        group_match = "same"
    elif table.expand(set(victims)) & table.expand(set(attributed)):
        group_match = "related"
    elif mentioned & attributed:
        group_match = "mentioned"
    else:
        group_match = "none"
    reasons.append(
        f"victim group {group_match}: {sorted(victims or mentioned)} vs {sorted(attributed)}"
    )

    explicit = [m for m in matches if m.cue.kind is not CueKind.NON_BIAS]
    counter = [m for m in matches if m.cue.kind is CueKind.NON_BIAS]
    evidence: list[Evidence] = [m.evidence for m in explicit]
    if explicit:
        strength = max(m.cue.weight for m in explicit)
        base = options.explicit_group_score if group_match == "same" else options.explicit_score
        score = min(1.0, base * strength + (0.02 if same_article else 0.0))
        cue = "explicit"
        reasons.append("explicit cue: " + ", ".join(sorted({m.evidence.text for m in explicit})))
    elif group_match in ("same", "mentioned"):
        motivated = source.bias.motivated is True
        base = options.implicit_bias_score if motivated else options.implicit_score
        if group_match == "mentioned":
            base = options.implicit_mention_score
        fraction = (days_after or 0) / options.window_days if options.window_days else 0.0
        score = base * (1 - options.decay * fraction)
        cue = "implicit"
    elif group_match == "related":
        score, cue = options.related_score, "implicit"
    else:
        return None
    evidence.extend(e for a in source.victims for e in a.evidence)
    evidence.extend(source.bias.evidence)
    if source.bias.motivated is False or counter:
        score = min(score, options.explained_cap)
        why = ", ".join(m.evidence.text for m in counter) or "bias.motivated is False"
        reasons.append(f"non-bias explanation: {why}")
        evidence.extend(m.evidence for m in counter)
    link = Link(
        source_id=source.id,
        trigger_id=trigger.id,
        score=round(score, 4),
        cue=cue,
        evidence=tuple(dict.fromkeys(evidence)),
    )
    return LinkCandidate(link, tuple(reasons), days_after, group_match)


def score_links(
    incidents: Sequence[Incident],
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    articles: Mapping[str, date | None] | None = None,
    options: LinkOptions | None = None,
) -> list[LinkCandidate]:
    """Every scored (source, trigger) pair, including candidates below the threshold.

    With ``membership`` (event id → incident ids, from ``resolve.cluster``) sources and
    triggers are events: a pair keeps the best score among their incidents and the union of
    their evidence; incidents of one event never link to each other.
    """
    options = options or LinkOptions()
    published = articles or {}
    event_of = {iid: eid for eid, members in (membership or {}).items() for iid in members}
    triggers = [i for i in incidents if is_trigger(i, options)]
    countries = article_countries(incidents)
    best: dict[tuple[str, str], LinkCandidate] = {}
    for source in incidents:
        matches = _cues(source, options.cues)
        for trigger in triggers:
            if trigger.id == source.id:
                continue
            src = event_of.get(source.id, source.id)
            trg = event_of.get(trigger.id, trigger.id)
            if src == trg:
                continue
            found = _score_pair(source, trigger, matches, published, options, countries)
            if found is None:
                continue
            found = _retarget(found, src, trg)
            key = (src, trg)
            if key in best:
                found = _combine(best[key], found)
            best[key] = found
    ranked = sorted(best.values(), key=lambda c: (-c.score, c.link.source_id, c.link.trigger_id))
    if not options.best_only:
        return ranked
    # One trigger per source: the highest score, then the nearest in time.
    chosen: dict[str, LinkCandidate] = {}
    for cand in sorted(ranked, key=lambda c: (-c.score, c.days_after or 0, c.link.trigger_id)):
        chosen.setdefault(cand.link.source_id, cand)
    return sorted(chosen.values(), key=lambda c: (-c.score, c.link.source_id))


def _retarget(cand: LinkCandidate, src: str, trg: str) -> LinkCandidate:
    return replace(cand, link=replace(cand.link, source_id=src, trigger_id=trg))


def _combine(a: LinkCandidate, b: LinkCandidate) -> LinkCandidate:
    top, other = (a, b) if a.score >= b.score else (b, a)
    link = Link(
        source_id=top.link.source_id,
        trigger_id=top.link.trigger_id,
        kind=top.link.kind,
        score=top.link.score,
        cue=top.link.cue,
        evidence=tuple(dict.fromkeys((*top.link.evidence, *other.link.evidence))),
    )
    return LinkCandidate(link, top.reasons, top.days_after, top.group_match)


def link_incidents(
    incidents: Sequence[Incident],
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    articles: Mapping[str, date | None] | None = None,
    options: LinkOptions | None = None,
    include_candidates: bool = False,
) -> list[Link]:
    """Retaliation links scoring at least ``options.threshold`` (all with candidates)."""
    options = options or LinkOptions()
    return [
        c.link
        for c in score_links(incidents, membership=membership, articles=articles, options=options)
        if include_candidates or c.score >= options.threshold
    ]
