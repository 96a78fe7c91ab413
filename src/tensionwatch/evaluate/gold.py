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

**Hooks** for later stages, both optional: ``cluster_fn(incidents) -> labels`` (one label per
predicted incident of all articles, as the resolve stage clusters them) is scored with
B-cubed and pairwise F1 against the gold ``event_key`` of the matched gold incident (matched
predictions only); ``link_fn(incidents) -> [(source incident id, trigger incident id)]`` is
scored against the gold ``links`` after mapping both ids to gold event keys (a link with an
unmatched end is wrong). Both need unique ``Incident.id`` values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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


def gold_incident(raw: Mapping[str, Any], article_id: str) -> Incident:
    """A gold annotation as an Incident (absent fields are empty; shapes as in the seed)."""
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

ClusterFn = Callable[[Sequence[Incident]], Sequence[Hashable]]
LinkFn = Callable[[Sequence[Incident]], Iterable[tuple[str, str]]]


def score_predictions(
    gold: GoldSet,
    predictions: Mapping[str, Sequence[Incident]],
    cluster_fn: ClusterFn | None = None,
    link_fn: LinkFn | None = None,
) -> Report:
    """Incident and per-field P/R/F1 (plus ``dedup.*`` and ``links`` rows when hooks given)."""
    totals: dict[str, PRF] = {"incident": PRF()} | {name: PRF() for name in FIELDS}
    all_preds: list[Incident] = []
    event_of: dict[int, str] = {}  # position in all_preds -> gold event_key
    for article in gold.articles:
        preds = list(predictions.get(article.name, ()))
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
            event_of[len(all_preds) + i] = article.incidents[j].event_key
        all_preds += preds
    report = Report("gold", prf=totals)
    report.info["articles"] = len(gold.articles)
    report.info["gold_incidents"] = sum(len(a.incidents) for a in gold.articles)
    report.info["predicted_incidents"] = len(all_preds)
    if cluster_fn is not None:
        labels = list(cluster_fn(all_preds))
        positions = sorted(event_of)
        clusters = score_clusters([event_of[k] for k in positions], [labels[k] for k in positions])
        report.prf["dedup.bcubed"] = clusters["bcubed"]
        report.prf["dedup.pairwise"] = clusters["pairwise"]
    if link_fn is not None:
        key_of = {all_preds[k].id: event for k, event in event_of.items()}
        predicted = set(link_fn(all_preds))
        mapped = {(key_of.get(s), key_of.get(t)) for s, t in predicted}
        correct = {pair for pair in mapped if pair in gold.links}
        report.prf["links"] = PRF.of(len(correct), len(predicted), len(gold.links))
    return report


def evaluate_gold(
    gold: GoldSet,
    extract_fn: ExtractFn,
    cluster_fn: ClusterFn | None = None,
    link_fn: LinkFn | None = None,
    progress: Callable[[], None] | None = None,
) -> tuple[Report, dict[str, list[Incident]]]:
    """Extract from every gold article (id = file name) and score."""
    predictions: dict[str, list[Incident]] = {}
    for article in gold.articles:
        predictions[article.name] = list(extract_fn(article.text, article.published, article.name))
        if progress is not None:
            progress()
    return score_predictions(gold, predictions, cluster_fn, link_fn), predictions
