"""Incremental, reversible clustering of incident reports into Events.

``cluster`` takes the incidents of this run, the events already known (``existing``) and the
analyst ``decisions``, and returns the updated events:

1. Existing events are seeded as clusters and are not taken apart, except where a newer
   analyst decision says so. Members of an existing event that are not among ``incidents``
   are represented by a proxy record built from the event's merged fields, so a caller may
   pass only the new incidents.
2. Analyst merges (must-link) join clusters; analyst splits (cannot-link) keep them apart.
3. Candidate pairs (``keys.candidate_pairs``) are scored (``similarity.score_pair``) and
   merged best-first, average-link: a pair with positive evidence (``PairScore.evidence``)
   and a score of at least ``options.threshold`` joins the two clusters when no cross pair is
   vetoed or split by an analyst and the mean of their cross-pair scores reaches the
   threshold too. A member whose exact day the rest of its cluster overrules (same town,
   same large toll: it dated the event by a later development) no longer vetoes on date.
4. Each cluster becomes an ``Event`` (``merge.build_event``). An existing event keeps its id;
   a new one gets ``ev-`` + a hash of its founding incident (the first reported, then the
   smallest id), so the same input always yields the same ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from tensionwatch.models import Event, Incident
from tensionwatch.resolve.decisions import Constraints, Decision, resolve_constraints
from tensionwatch.resolve.keys import Record, candidate_pairs, prepare
from tensionwatch.resolve.merge import EventDetails, build_event
from tensionwatch.resolve.options import ResolveOptions
from tensionwatch.resolve.similarity import PairScore, score_pair

_PROXY = "proxy:"


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """Updated events, ``membership`` (event id → incident ids), merge details, retired ids
    (an existing event merged into another: old id → surviving id) and the scored pairs.

    Where an existing event was passed without its member incidents, ``details`` and
    ``conflicts`` name it as the report ``proxy:<event id>``."""

    events: tuple[Event, ...]
    membership: dict[str, tuple[str, ...]]
    details: dict[str, EventDetails]
    retired: dict[str, str]
    scores: tuple[PairScore, ...]

    def event_of(self, incident_id: str) -> str | None:
        for event_id, members in self.membership.items():
            if incident_id in members:
                return event_id
        return None


def event_id_for(founder_id: str) -> str:
    return "ev-" + hashlib.sha1(founder_id.encode("utf-8")).hexdigest()[:12]


def _proxy(event: Event, options: ResolveOptions) -> Record:
    """A stand-in record for the members of ``event`` that this run was not given."""
    incident = Incident(
        id=_PROXY + event.id,
        article_id=_PROXY + event.id,
        type=event.type,
        is_terrorism=event.is_terrorism,
        date=event.date,
        places=event.places,
        killed=event.killed,
        injured=event.injured,
    )
    record = prepare(incident, event.last_reported, options)
    return replace(record, articles=frozenset(event.article_ids))


class _Clusters:
    """Union-find over record indices, with member lists and the existing events held."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.existing: dict[int, set[str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return ri
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.members[ri].extend(self.members.pop(rj))
        held = self.existing.pop(rj, set())
        if held:
            self.existing.setdefault(ri, set()).update(held)
        return ri


def cluster(
    incidents: Sequence[Incident],
    *,
    existing: Sequence[Event] = (),
    decisions: Sequence[Decision] = (),
    articles: Mapping[str, date | None] | None = None,
    options: ResolveOptions | None = None,
) -> ClusterResult:
    """Cluster ``incidents`` (new and/or already clustered) into events; see module doc.

    ``articles`` maps article ids to publication dates: they date vague reports and decide
    which report is "most recent" when counts conflict.
    """
    options = options or ResolveOptions()
    published = articles or {}
    unique = list({inc.id: inc for inc in incidents}.values())
    records = [prepare(inc, published.get(inc.article_id), options) for inc in unique]
    index = {r.id: i for i, r in enumerate(records)}

    # 1. Seed existing events; missing members become one proxy per event.
    seeds: list[tuple[Event, list[int]]] = []
    stand_in: dict[str, str] = {}  # missing member incident id -> proxy record id
    proxies: dict[str, Event] = {}  # proxy record id -> the event it stands for
    for event in existing:
        present = [index[i] for i in event.incident_ids if i in index]
        missing = [i for i in event.incident_ids if i not in index]
        if missing:
            proxy = _proxy(event, options)
            index[proxy.id] = len(records)
            records.append(proxy)
            present.append(index[proxy.id])
            proxies[proxy.id] = event
            stand_in.update((m, proxy.id) for m in missing)
        seeds.append((event, present))
    clusters = _Clusters(len(records))

    # 2. Analyst decisions, expressed on record ids (a missing member speaks via its proxy).
    raw = resolve_constraints(decisions, [*index, *stand_in])
    constraints = _on_records(raw, stand_in)
    for event, present in seeds:
        ids = [records[i].id for i in present]
        if any(constraints.apart([x], [y]) for x in ids for y in ids if x < y):
            continue  # a newer decision took this event apart: re-cluster its members
        root = present[0]
        for i in present[1:]:
            root = clusters.union(root, i)
        clusters.existing.setdefault(clusters.find(root), set()).add(event.id)
    for rid in list(index):
        root_id = constraints.find(rid)
        if root_id != rid and root_id in index:
            clusters.union(index[root_id], index[rid])

    # 3. Score candidate pairs and merge best-first.
    cache: dict[tuple[int, int], PairScore] = {}
    for i, j in candidate_pairs(records, options):
        cache[(i, j)] = score_pair(records[i], records[j], options)
    ranked = sorted(
        (
            p
            for p in cache.items()
            if not p[1].vetoed and p[1].supported and p[1].score >= options.threshold
        ),
        key=lambda item: (-item[1].score, item[1].a, item[1].b),
    )
    for (i, j), _pair in ranked:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        if clusters.existing.get(ri) and clusters.existing.get(rj) and not options.merge_existing:
            continue
        if _mergeable(
            clusters.members[ri], clusters.members[rj], records, cache, constraints, options
        ):
            clusters.union(ri, rj)

    # 4. Build events with stable ids.
    return _result(records, clusters, seeds, proxies, cache)


def _on_records(raw: Constraints, stand_in: Mapping[str, str]) -> Constraints:
    def to_record(x: str) -> str:
        return stand_in.get(x, x)

    root = {to_record(k): to_record(v) for k, v in raw.root.items()}
    cannot = frozenset(frozenset(to_record(x) for x in pair) for pair in raw.cannot)
    return Constraints(root=root, cannot=frozenset(c for c in cannot if len(c) == 2))


def _mergeable(
    left: Sequence[int],
    right: Sequence[int],
    records: Sequence[Record],
    cache: dict[tuple[int, int], PairScore],
    constraints: Constraints,
    options: ResolveOptions,
) -> bool:
    if constraints.apart([records[i].id for i in left], [records[j].id for j in right]):
        return False

    def pair_of(i: int, j: int) -> PairScore:
        key = (i, j) if i < j else (j, i)
        pair = cache.get(key)
        if pair is None:
            pair = cache[key] = score_pair(records[key[0]], records[key[1]], options)
        return pair

    cross = [(i, j, pair_of(i, j)) for i in left for j in right]
    outliers: set[int] | None = None
    total = 0.0
    for i, j, pair in cross:
        if pair.date_vetoed:
            if outliers is None:
                outliers = _date_outliers([*left, *right], records, pair_of, options)
            if (i in outliers or j in outliers) and pair.neutral_date_score is not None:
                total += pair.neutral_date_score
                continue
        if pair.vetoed:
            return False
        total += pair.score
    return total / len(cross) >= options.threshold


def _date_outliers(
    members: Sequence[int],
    records: Sequence[Record],
    pair_of: Callable[[int, int], PairScore],
    options: ResolveOptions,
) -> set[int]:
    """Members whose exact day the rest of the cluster overrules.

    The cluster's day is the exact day most members give (none when tied). A member dated
    otherwise is an outlier when its date clash with a member giving that day was overruled
    (``PairScore.date_overruled``: same town, same large toll), so its day no longer vetoes
    other reports of the cluster's day.
    """
    exact = [m for m in members if records[m].exact_day and records[m].interval]
    votes = Counter(records[m].interval[0] for m in exact)  # type: ignore[index]
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return set()
    day = ranked[0][0]
    agreeing = [m for m in exact if records[m].interval[0] == day]  # type: ignore[index]
    return {
        m
        for m in exact
        if records[m].interval[0] != day  # type: ignore[index]
        and any(pair_of(m, z).date_overruled for z in agreeing)
    }


def _result(
    records: Sequence[Record],
    clusters: _Clusters,
    seeds: Sequence[tuple[Event, list[int]]],
    proxies: Mapping[str, Event],
    cache: Mapping[tuple[int, int], PairScore],
) -> ClusterResult:
    roots = sorted(clusters.members, key=lambda r: min(records[i].id for i in clusters.members[r]))
    founders = {
        r: min((records[i] for i in clusters.members[r]), key=lambda rec: (rec.sort_date, rec.id))
        for r in roots
    }
    # An existing event's id stays with the cluster holding most of its members.
    home: dict[str, int] = {}
    for event, present in seeds:
        if not present:
            continue
        votes: dict[int, int] = {}
        for i in present:
            votes[clusters.find(i)] = votes.get(clusters.find(i), 0) + 1
        home[event.id] = max(votes, key=lambda r: (votes[r], -min(present)))
    first_seen = {e.id: (e.first_reported or date.max, e.id) for e, _ in seeds}
    assigned: dict[int, str] = {}
    retired: dict[str, str] = {}
    for root in roots:
        held = sorted((eid for eid, r in home.items() if r == root), key=first_seen.__getitem__)
        if held:
            assigned[root] = held[0]
            retired.update((old, held[0]) for old in held[1:])
    used = set(assigned.values())
    for root in roots:
        if root in assigned:
            continue
        candidate = event_id_for(founders[root].id)
        suffix = 1
        while candidate in used:
            suffix += 1
            candidate = f"{event_id_for(founders[root].id)}-{suffix}"
        assigned[root] = candidate
        used.add(candidate)

    events: list[Event] = []
    membership: dict[str, tuple[str, ...]] = {}
    details: dict[str, EventDetails] = {}
    for root in roots:
        members = [records[i] for i in clusters.members[root]]
        event, detail = build_event(assigned[root], members)
        event = _expand_proxies(event, members, proxies)
        events.append(event)
        membership[event.id] = event.incident_ids
        details[event.id] = detail
    events.sort(key=lambda e: (e.first_reported or date.max, e.id))
    scores = tuple(sorted(cache.values(), key=lambda p: (p.a, p.b)))
    return ClusterResult(tuple(events), membership, details, retired, scores)


def _expand_proxies(event: Event, members: Sequence[Record], proxies: Mapping[str, Event]) -> Event:
    """Put back the members, sources and conflicts that a proxy record stood for."""
    stood = [proxies[r.id] for r in members if r.id in proxies]
    if not stood:
        return event
    incident_ids: list[str] = []
    for iid in event.incident_ids:
        incident_ids.extend(proxies[iid].incident_ids if iid in proxies else (iid,))
    articles: list[str] = []
    for aid in event.article_ids:
        articles.extend(proxies[aid].article_ids if aid in proxies else (aid,))
    firsts: list[date] = []
    lasts: list[date] = []
    for item in (event, *stood):
        if item.first_reported is not None:
            firsts.append(item.first_reported)
        if item.last_reported is not None:
            lasts.append(item.last_reported)
    conflicts = [*(c for e in stood for c in e.conflicts), *event.conflicts]
    return replace(
        event,
        incident_ids=tuple(dict.fromkeys(incident_ids)),
        article_ids=tuple(dict.fromkeys(articles)),
        conflicts=tuple(dict.fromkeys(conflicts)),
        first_reported=min(firsts) if firsts else None,
        last_reported=max(lasts) if lasts else None,
    )
