"""tensionwatch's own gold format: per-field P/R/F1 of extracted incidents.

A gold folder holds ``gold.json`` (see ``shared/data/seed/gold.json``: ``articles`` maps each
article file to its ``published`` date and annotated ``incidents``; ``events``; ``links`` of
``[incident event_key, trigger event_key]``) and the article files, which start with
`` date YYYY-MM-DD `` followed by the text. The header is stripped before extraction.

**Incident matching.** Per article, predicted and gold incidents are aligned one-to-one
maximizing the summed similarity ``2·[same type] + [victims share a normalized text,
nationality or occupation] + [weapons share a category] + [same killed value]``; pairs with
similarity 0 stay unmatched. Incident P/R/F1 = matched / predicted, matched / gold.

**Fields.** Each field turns an incident into items, an item being a set of acceptable
normalized strings. For a matched pair a predicted item is correct if it agrees with some gold
item, a gold item is found if some predicted item agrees with it; items of unmatched
incidents only add to the denominators. "Agrees" is a shared string, or, for fields marked
*contains*, one string containing the other on word boundaries.

- ``type``; ``is_terrorism`` and ``bias.motivated`` (one item when true);
- ``date``: the ``end`` date; ``place.country``; ``place.name`` (``name`` or ``resolved``,
  contains);
- ``victims.nationality``, ``victims.occupation``; ``perpetrators``: perpetrators and
  suspects, by text or nationality (contains);
- ``weapons``: the category; ``killed`` / ``injured``: value and qualifier;
- ``claimed_by``: text or affiliation (contains); ``bias.groups``.

**Events** (row ``events``: B-cubed; ``events.pairwise``). All predicted incidents of all
articles are clustered together by ``cluster_fn(incidents, published) -> labels`` (one label
per incident; default :func:`resolve_labels`, i.e. ``tensionwatch.resolve.cluster`` with
``articles`` = each file's published date). Only *matched* predictions are scored, each
against the ``event_key`` of its matched gold incident: an unmatched prediction has no gold
event (it still takes part in clustering and can pull others into a wrong event, but is
not itself an item); an unmatched gold incident is already counted by incident recall.

**Links** (row ``links``). ``link_fn(incidents, labels, published) -> [(source incident id,
trigger incident id)]`` (default :func:`resolve_links`: ``tensionwatch.link.link_incidents``
with the clustering as ``membership``, as ``tensionwatch events`` runs it, each event-level
link expanded to one pair per member incident of the source event). Each predicted pair is
mapped to gold event keys:

- source: the ``event_key`` of the gold incident matched to the source incident;
- trigger: the *trigger event* is the predicted event (label) of the trigger incident; its
  keys are the ``event_key`` values of the gold incidents matched to any of its members. If
  one of them forms a gold link with the source key, that one, else the smallest.

An end that maps to no key (unmatched source incident, trigger event with no matched
member) becomes a placeholder unique to that incident/event, so the pair is wrong. The
mapped pairs form a set (two reports of one backlash event linked to one trigger count
once): precision = |mapped ∩ gold links| / |mapped|, recall = |mapped ∩ gold links| /
|gold links|. Either hook set to ``None`` turns its rows off (links without clustering:
every incident is its own event). Incident ids are made unique (``#n`` suffix) and each
incident's ``article_id`` is set to its file name before the hooks run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate.common import ExtractFn, Report, parse_date
from tensionwatch.evaluate.metrics import (
    PRF,
    max_weight_assignment,
    normalize_string,
    score_clusters,
)
from tensionwatch.link import link_incidents
from tensionwatch.models import (
    Actor,
    Bias,
    Count,
    EventDate,
    Incident,
    IncidentType,
    Place,
    Role,
    Target,
    Weapon,
)
from tensionwatch.resolve import cluster
from tensionwatch.serialize import from_dict

Item = frozenset[str]
_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


@dataclass(frozen=True)
class GoldIncident:
    key: str
    event_key: str
    incident: Incident


@dataclass(frozen=True)
class GoldArticle:
    name: str
    published: date | None
    text: str
    incidents: tuple[GoldIncident, ...]


@dataclass(frozen=True)
class GoldSet:
    articles: tuple[GoldArticle, ...]
    links: frozenset[tuple[str, str]]


# ----------------------------------------------------------------------------- loading


def gold_files(folder: Path) -> list[Path]:
    """``gold.json`` and every article file it names, in a stable order (for checksums)."""
    data = _read_gold_json(folder)
    return [folder / "gold.json", *(folder / name for name in sorted(data.get("articles", {})))]


def _read_gold_json(folder: Path) -> dict[str, Any]:
    path = folder / "gold.json"
    if not path.is_file():
        raise EvaluationError(f"{path}: gold file not found", code="TW401")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: {exc}", code="TW402") from exc
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: not a JSON object", code="TW402")
    return data


def split_header(raw: str) -> tuple[date | None, str]:
    """`` date 2024-03-25 Text…`` → (2024-03-25, "Text…"); text without a header as is."""
    match = _HEADER.match(raw)
    if not match:
        return None, raw
    return parse_date(match.group(1)), raw[match.end() :]


def _actor(raw: Any, role: Role) -> Actor:
    if isinstance(raw, str):
        return Actor(text=raw, role=role)
    return from_dict(Actor, {"text": "", **raw, "role": raw.get("role") or role.value})


def _without_evidence(value: Any) -> Any:
    """``value`` without ``evidence`` keys: gold quotes its evidence as plain text (as in
    ``samples/articles/gold.json``), not as character offsets, and no field scores it."""
    if isinstance(value, Mapping):
        return {k: _without_evidence(v) for k, v in value.items() if k != "evidence"}
    if isinstance(value, list):
        return [_without_evidence(v) for v in value]
    return value


def gold_incident(raw: Mapping[str, Any], article_id: str) -> Incident:
    """A gold annotation as an Incident (absent fields are empty; shapes as in the seed and
    the samples; evidence quotes are dropped)."""
    raw = _without_evidence(raw)
    date_raw = raw.get("date")
    return Incident(
        id=str(raw.get("key", "")),
        article_id=article_id,
        type=IncidentType(raw["type"]),
        is_terrorism=bool(raw.get("is_terrorism", False)),
        date=(
            from_dict(EventDate, {"start": None, "end": None, "precision": "day", **date_raw})
            if date_raw
            else None
        ),
        places=tuple(from_dict(Place, {"name": "", **p}) for p in raw.get("places") or []),
        perpetrators=tuple(_actor(a, Role.PERPETRATOR) for a in raw.get("perpetrators") or []),
        suspects=tuple(_actor(a, Role.SUSPECT) for a in raw.get("suspects") or []),
        victims=tuple(_actor(a, Role.VICTIM) for a in raw.get("victims") or []),
        targets=tuple(
            from_dict(Target, {"text": "", "category": "other", **t})
            for t in raw.get("targets") or []
        ),
        weapons=tuple(
            from_dict(Weapon, {"text": "", "category": "other", **w})
            for w in raw.get("weapons") or []
        ),
        killed=from_dict(Count, raw["killed"]) if raw.get("killed") else None,
        injured=from_dict(Count, raw["injured"]) if raw.get("injured") else None,
        claimed_by=tuple(_actor(a, Role.CLAIMANT) for a in raw.get("claimed_by") or []),
        arrests=tuple(_actor(a, Role.ARRESTED) for a in raw.get("arrests") or []),
        bias=from_dict(Bias, raw.get("bias") or {}),
    )


def load_gold(folder: Path) -> GoldSet:
    """Parse a gold folder; a missing article file or a bad annotation raises TW401/TW402."""
    data = _read_gold_json(folder)
    articles = []
    for name, entry in sorted(data.get("articles", {}).items()):
        path = folder / name
        if not path.is_file():
            raise EvaluationError(
                f"{path}: article file named in gold.json not found", code="TW401"
            )
        header_date, text = split_header(path.read_text(encoding="utf-8"))
        try:
            incidents = tuple(
                GoldIncident(
                    key=str(raw.get("key", "")),
                    event_key=str(raw.get("event_key") or raw.get("key", "")),
                    incident=gold_incident(raw, name),
                )
                for raw in entry.get("incidents", [])
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{folder / 'gold.json'}: {name}: {exc}", code="TW402") from exc
        published = parse_date(entry.get("published")) or header_date
        articles.append(GoldArticle(name, published, text, incidents))
    links = frozenset((str(a), str(b)) for a, b in data.get("links", []))
    return GoldSet(tuple(articles), links)


# ----------------------------------------------------------------------------- fields


def _norm_all(values: Iterable[str | None]) -> Item:
    return frozenset(n for n in (normalize_string(v) for v in values if v) if n)


def _unique(items: Iterable[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def _flag(value: bool | None) -> list[Item]:
    return [frozenset({"true"})] if value else []


def _count(count: Count | None) -> list[Item]:
    return [frozenset({f"{count.value}:{count.qualifier.value}"})] if count else []


FieldFn = Callable[[Incident], list[Item]]

FIELDS: dict[str, tuple[FieldFn, bool]] = {
    # name: (items of an incident, match by word-boundary containment)
    "type": (lambda i: [frozenset({i.type.value})], False),
    "is_terrorism": (lambda i: _flag(i.is_terrorism), False),
    "date": (
        lambda i: [frozenset({i.date.end.isoformat()})] if i.date and i.date.end else [],
        False,
    ),
    "place.country": (
        lambda i: _unique(frozenset({p.country.upper()}) for p in i.places if p.country),
        False,
    ),
    "place.name": (lambda i: _unique(_norm_all((p.name, p.resolved)) for p in i.places), True),
    "victims.nationality": (
        lambda i: _unique(_norm_all((v.nationality,)) for v in i.victims),
        False,
    ),
    "victims.occupation": (
        lambda i: _unique(_norm_all((v.occupation,)) for v in i.victims),
        False,
    ),
    "perpetrators": (
        lambda i: _unique(
            _norm_all((a.text, a.nationality)) for a in (*i.perpetrators, *i.suspects)
        ),
        True,
    ),
    "weapons": (lambda i: _unique(frozenset({w.category}) for w in i.weapons if w.category), False),
    "killed": (lambda i: _count(i.killed), False),
    "injured": (lambda i: _count(i.injured), False),
    "claimed_by": (
        lambda i: _unique(_norm_all((a.text, a.affiliation)) for a in i.claimed_by),
        True,
    ),
    "bias.motivated": (lambda i: _flag(i.bias.motivated), False),
    "bias.groups": (lambda i: _unique(_norm_all((g,)) for g in i.bias.groups), False),
}


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _agree(pred: Item, gold: Item, contains: bool) -> bool:
    if pred & gold:
        return True
    return contains and any(_contains(p, g) for p in pred for g in gold)


def field_counts(pred: Incident | None, gold: Incident | None) -> dict[str, PRF]:
    """Per-field counts of a matched pair, or of a lone predicted/gold incident (None side)."""
    counts = {}
    for name, (items_of, contains) in FIELDS.items():
        p_items = items_of(pred) if pred is not None else []
        g_items = items_of(gold) if gold is not None else []
        p_num = sum(1 for p in p_items if any(_agree(p, g, contains) for g in g_items))
        r_num = sum(1 for g in g_items if any(_agree(p, g, contains) for p in p_items))
        counts[name] = PRF(p_num, len(p_items), r_num, len(g_items))
    return counts


def similarity(pred: Incident, gold: Incident) -> float:
    """Matching score of a predicted and a gold incident (weights in the module docstring)."""

    def victim_keys(incident: Incident) -> set[str]:
        return set().union(
            *(_norm_all((v.text, v.nationality, v.occupation)) for v in incident.victims)
        )

    score = 2.0 if pred.type == gold.type else 0.0
    score += 1.0 if victim_keys(pred) & victim_keys(gold) else 0.0
    weapons = {w.category for w in pred.weapons} & {w.category for w in gold.weapons}
    score += 1.0 if weapons else 0.0
    if pred.killed and gold.killed and pred.killed.value == gold.killed.value:
        score += 1.0
    return score


def match_incidents(preds: Sequence[Incident], golds: Sequence[Incident]) -> list[tuple[int, int]]:
    """Optimal one-to-one (pred index, gold index) pairs with positive similarity."""
    weights = [[similarity(p, g) for g in golds] for p in preds]
    return [(i, j) for i, j in max_weight_assignment(weights) if weights[i][j] > 0]


# ----------------------------------------------------------------------------- scoring

Published = Mapping[str, date | None]
ClusterFn = Callable[[Sequence[Incident], Published], Sequence[Hashable]]
LinkFn = Callable[[Sequence[Incident], Sequence[Hashable], Published], Iterable[tuple[str, str]]]


def resolve_labels(incidents: Sequence[Incident], published: Published) -> list[str]:
    """One event id per incident: ``tensionwatch.resolve.cluster`` with default options."""
    result = cluster(incidents, articles=published)
    event_of = {iid: eid for eid, members in result.membership.items() for iid in members}
    return [event_of.get(i.id, i.id) for i in incidents]


def _members(incidents: Sequence[Incident], labels: Sequence[Hashable]) -> dict[str, list[str]]:
    """Event name → member incident ids; labels become strings ``event-<n>`` (first seen)."""
    names: dict[Hashable, str] = {}
    members: dict[str, list[str]] = {}
    for incident, label in zip(incidents, labels, strict=True):
        name = names.setdefault(label, f"event-{len(names)}")
        members.setdefault(name, []).append(incident.id)
    return members


def resolve_links(
    incidents: Sequence[Incident], labels: Sequence[Hashable], published: Published
) -> list[tuple[str, str]]:
    """``link_incidents`` over the events ``labels`` define, as (source, trigger) incidents.

    The linker answers with event names; each link becomes one pair per member of the source
    event, with the trigger event's first member standing for it.
    """
    members = _members(incidents, labels)
    pairs: list[tuple[str, str]] = []
    for link in link_incidents(incidents, membership=members, articles=published):
        sources = members.get(link.source_id, [link.source_id])
        trigger = members.get(link.trigger_id, [link.trigger_id])[0]
        pairs.extend((source, trigger) for source in sources)
    return pairs


def distinct_ids(incidents: Sequence[Incident]) -> list[Incident]:
    """The incidents with repeated ids renamed ``<id>#<n>`` (the hooks key on ids)."""
    seen: set[str] = set()
    out = []
    for incident in incidents:
        new_id, n = incident.id, 1
        while new_id in seen:
            n += 1
            new_id = f"{incident.id}#{n}"
        seen.add(new_id)
        out.append(incident if new_id == incident.id else replace(incident, id=new_id))
    return out


def score_links(
    predicted: Iterable[tuple[str, str]],
    key_of: Mapping[str, str],
    event_of: Mapping[str, Hashable],
    gold_links: frozenset[tuple[str, str]],
) -> PRF:
    """Links P/R/F1 after mapping (source incident, trigger incident) pairs to gold keys.

    ``key_of``: matched incident id → gold event_key; ``event_of``: incident id → predicted
    event label (the mapping is spelled out in the module docstring).
    """
    event_keys: dict[Hashable, set[str]] = {}
    for iid, label in event_of.items():
        if iid in key_of:
            event_keys.setdefault(label, set()).add(key_of[iid])
    mapped: set[tuple[str, str]] = set()
    for source, trigger in predicted:
        s_key = key_of.get(source, f"?incident:{source}")
        label = event_of.get(trigger, trigger)
        t_keys = sorted(event_keys.get(label, ()))
        gold_keys = [t for t in t_keys if (s_key, t) in gold_links]
        t_key = (gold_keys or t_keys or [f"?event:{label!r}"])[0]
        mapped.add((s_key, t_key))
    return PRF.of(len(mapped & gold_links), len(mapped), len(gold_links))


def score_predictions(
    gold: GoldSet,
    predictions: Mapping[str, Sequence[Incident]],
    cluster_fn: ClusterFn | None = resolve_labels,
    link_fn: LinkFn | None = resolve_links,
) -> Report:
    """Incident, per-field, ``events`` and ``links`` P/R/F1 (module docstring)."""
    totals: dict[str, PRF] = {"incident": PRF()} | {name: PRF() for name in FIELDS}
    all_preds: list[Incident] = []
    key_at: dict[int, str] = {}  # position in all_preds -> gold event_key
    for article in gold.articles:
        preds = [replace(p, article_id=article.name) for p in predictions.get(article.name, ())]
        golds = [g.incident for g in article.incidents]
        pairs = match_incidents(preds, golds)
        parts = [field_counts(preds[i], golds[j]) for i, j in pairs]
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        parts += [field_counts(p, None) for i, p in enumerate(preds) if i not in matched_p]
        parts += [field_counts(None, g) for j, g in enumerate(golds) if j not in matched_g]
        for part in parts:
            totals = {name: totals[name] + part.get(name, PRF()) for name in totals}
        totals["incident"] = totals["incident"] + PRF.of(len(pairs), len(preds), len(golds))
        for i, j in pairs:
            key_at[len(all_preds) + i] = article.incidents[j].event_key
        all_preds += preds
    all_preds = distinct_ids(all_preds)
    report = Report("gold", prf=totals)
    report.info["articles"] = len(gold.articles)
    report.info["gold_incidents"] = sum(len(a.incidents) for a in gold.articles)
    report.info["predicted_incidents"] = len(all_preds)
    published = {a.name: a.published for a in gold.articles}
    labels: list[Hashable] = [p.id for p in all_preds]
    if cluster_fn is not None:
        labels = list(cluster_fn(all_preds, published))
        matched = sorted(key_at)
        scores = score_clusters([key_at[k] for k in matched], [labels[k] for k in matched])
        report.prf["events"] = scores["bcubed"]
        report.prf["events.pairwise"] = scores["pairwise"]
        report.info["predicted_events"] = len(set(labels))
        report.info["gold_events"] = len({g.event_key for a in gold.articles for g in a.incidents})
    if link_fn is not None:
        predicted = list(link_fn(all_preds, labels, published))
        key_of = {all_preds[k].id: key for k, key in key_at.items()}
        event_of = {p.id: label for p, label in zip(all_preds, labels, strict=True)}
        report.prf["links"] = score_links(predicted, key_of, event_of, gold.links)
        report.info["predicted_links"] = len(predicted)
    return report


def evaluate_gold(
    gold: GoldSet,
    extract_fn: ExtractFn,
    cluster_fn: ClusterFn | None = resolve_labels,
    link_fn: LinkFn | None = resolve_links,
    progress: Callable[[], None] | None = None,
) -> tuple[Report, dict[str, list[Incident]]]:
    """Extract from every gold article (id = file name) and score."""
    predictions: dict[str, list[Incident]] = {}
    for article in gold.articles:
        predictions[article.name] = list(extract_fn(article.text, article.published, article.name))
        if progress is not None:
            progress()
    return score_predictions(gold, predictions, cluster_fn, link_fn), predictions
