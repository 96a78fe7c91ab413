"""MUC-4 scorers: GTT template F1 and CEAF-REE, as the released reference scorers.

Both metrics follow the released scorers exactly (``eval.py`` of ``xinyadu/gtt`` and of
``xinyadu/grit_doc_event_entity``; definitions in ``shared/data/muc4/PROVENANCE.md``).

**GTT template F1.** Mentions are normalized (:func:`~.metrics.normalize_string`); the
incident type is not. Gold templates drop mention offsets and empty entities, and duplicate
templates of a document are kept once. Per document every one-to-one mapping of predicted to
gold templates (predictions may stay unmapped) is scored: a pair counts only if the predicted
type is a *substring* of the gold type ("attack" matches "bombing / attack"); then the type is
one correct item on each side, a predicted entity is correct if all its mentions are among the
mentions of some gold entity of the role, a gold entity is found if some predicted entity is
such a subset of it. Items of unmapped (or type-mismatched) templates only add to the
denominators. The mapping with the best micro F1 is kept, the first one in the reference's
enumeration order on ties; counts are summed over documents. The reference enumerates all
``(g+1)^p`` mappings; :func:`best_mapping` finds the same mapping with a dynamic program over
the set of used gold templates (denominators do not depend on the mapping, and F1 grows with
both numerators, so dominated partial counts are pruned).

**CEAF-REE.** Per document and role, gold entities (GRIT's template-agnostic ``extracts``,
read from ``grit_processed/<split>.json``; without that file, the documents' GTT entities with
identical entities merged, which reproduces GRIT's gold for 99.6 % of document-roles) are
aligned one-to-one with predicted entities maximizing Σφ, φ = 1 if the predicted mentions are
a subset of the gold entity's mentions (phi_strict); P = Σφ/#pred, R = Σφ/#gold, micro over the
five roles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tensionwatch.evaluate.metrics import PRF, max_weight_assignment, normalize_string, sum_prf

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")

Entity = tuple[str, ...]
Extracts = dict[str, tuple[Entity, ...]]


@dataclass(frozen=True)
class Template:
    """One MUC-4 event: an incident type and, per role, entities (lists of mention strings)."""

    incident_type: str
    roles: dict[str, tuple[Entity, ...]]

    def entities(self, role: str) -> tuple[Entity, ...]:
        return self.roles.get(role, ())


# ----------------------------------------------------------------------------- GTT template F1

Counts = dict[str, PRF]
_KEYS = ("incident_type", *ROLES)


def _normalized(template: Template) -> Template:
    return Template(
        template.incident_type,
        {r: tuple(tuple(map(normalize_string, e)) for e in template.entities(r)) for r in ROLES},
    )


def _subset(pred: Entity, gold: Entity) -> bool:
    return all(mention in gold for mention in pred)


def _pair_counts(pred: Template, gold: Template) -> Counts | None:
    """Counts of a mapped pair, or None when the types do not match (pair does not count)."""
    if pred.incident_type not in gold.incident_type:
        return None
    counts = {"incident_type": PRF(1, 1, 1, 1)}
    for role in ROLES:
        p_ents, g_ents = pred.entities(role), gold.entities(role)
        p_num = sum(1 for e in p_ents if any(_subset(e, g) for g in g_ents))
        r_num = sum(1 for g in g_ents if any(_subset(e, g) for e in p_ents))
        counts[role] = PRF(p_num, len(p_ents), r_num, len(g_ents))
    return counts


def _alone(template: Template, *, predicted: bool) -> Counts:
    counts = {"incident_type": PRF(0, 1, 0, 0) if predicted else PRF(0, 0, 0, 1)}
    for role in ROLES:
        n = len(template.entities(role))
        counts[role] = PRF(0, n, 0, 0) if predicted else PRF(0, 0, 0, n)
    return counts


def _micro_f1(p_num: float, p_den: float, r_num: float, r_den: float) -> float:
    # exactly the reference's f1(): p and r are 0 when their denominator is 0
    p = 0 if p_den == 0 else p_num / float(p_den)
    r = 0 if r_den == 0 else r_num / float(r_den)
    return 0 if p + r == 0 else 2 * p * r / (p + r)


def best_mapping(preds: Sequence[Template], golds: Sequence[Template]) -> tuple[int, ...]:
    """The reference's best mapping (pred i → gold index, or -1), templates normalized.

    Lexicographic order on mappings with -1 sorting last is the reference's enumeration
    order (``itertools.product`` over ``[0, …, g-1, -1]``), so keeping the smallest key per
    partial state and taking the smallest key among the best final F1 gives its choice.
    """
    n_gold = len(golds)
    gains: list[list[tuple[int, int]]] = []
    for pred in preds:
        row = []
        for gold in golds:
            counts = _pair_counts(pred, gold)
            pn = sum(c.p_num for c in counts.values()) if counts else 0
            rn = sum(c.r_num for c in counts.values()) if counts else 0
            row.append((int(pn), int(rn)))
        gains.append(row)
    p_den = sum(1 + sum(len(t.entities(r)) for r in ROLES) for t in preds)
    r_den = sum(1 + sum(len(t.entities(r)) for r in ROLES) for t in golds)
    # states[mask][(p_num, r_num)] = smallest key (gold index, n_gold for "unmapped")
    states: dict[int, dict[tuple[int, int], tuple[int, ...]]] = {0: {(0, 0): ()}}
    for i in range(len(preds)):
        nxt: dict[int, dict[tuple[int, int], tuple[int, ...]]] = {}
        for mask, frontier in states.items():
            for (pn, rn), key in frontier.items():
                for j in range(n_gold + 1):
                    if j < n_gold and mask >> j & 1:
                        continue
                    gp, gr = gains[i][j] if j < n_gold else (0, 0)
                    new_mask = mask | (1 << j) if j < n_gold else mask
                    bucket = nxt.setdefault(new_mask, {})
                    new_key, score = (*key, j), (pn + gp, rn + gr)
                    if score not in bucket or new_key < bucket[score]:
                        bucket[score] = new_key
        states = {mask: _pareto(bucket) for mask, bucket in nxt.items()}
    best_key: tuple[int, ...] | None = None
    best_f1 = -1.0
    for frontier in states.values():
        for (pn, rn), key in frontier.items():
            f1 = _micro_f1(pn, p_den, rn, r_den)
            if f1 > best_f1 or (f1 == best_f1 and best_key is not None and key < best_key):
                best_f1, best_key = f1, key
    assert best_key is not None
    return tuple(j if j < n_gold else -1 for j in best_key)


def _pareto(
    bucket: dict[tuple[int, int], tuple[int, ...]],
) -> dict[tuple[int, int], tuple[int, ...]]:
    return {
        score: key
        for score, key in bucket.items()
        if not any(o != score and o[0] >= score[0] and o[1] >= score[1] for o in bucket)
    }


def score_document(preds: Sequence[Template], golds: Sequence[Template]) -> Counts:
    """Per-role counts of one document under its best mapping (templates not yet normalized)."""
    preds = [_normalized(t) for t in preds]
    golds = [_normalized(t) for t in golds]
    mapping = best_mapping(preds, golds)
    parts: list[Counts] = []
    mapped_gold = set()
    for i, j in enumerate(mapping):
        counts = _pair_counts(preds[i], golds[j]) if j >= 0 else None
        if counts is None:
            parts.append(_alone(preds[i], predicted=True))
        else:
            parts.append(counts)
            mapped_gold.add(j)
    parts += [_alone(g, predicted=False) for j, g in enumerate(golds) if j not in mapped_gold]
    return {key: sum_prf([part[key] for part in parts]) for key in _KEYS}


def gtt_template_scores(
    preds: Mapping[str, Sequence[Template]], golds: Mapping[str, Sequence[Template]]
) -> Counts:
    """GTT template P/R/F1 per key (incident_type and the five roles) plus ``micro``.

    Every gold document is scored; a document missing from ``preds`` has no templates.
    """
    totals = {key: PRF() for key in _KEYS}
    for docid, gold in golds.items():
        doc = score_document(preds.get(docid, ()), gold)
        totals = {key: totals[key] + doc[key] for key in _KEYS}
    totals["micro"] = sum_prf([totals[key] for key in _KEYS])
    return totals


# ----------------------------------------------------------------------------- CEAF-REE


def ceaf_ree_scores(preds: Mapping[str, Extracts], golds: Mapping[str, Extracts]) -> Counts:
    """CEAF-REE (phi_strict) P/R/F1 per role plus ``micro``, over the gold documents."""
    totals = {role: PRF() for role in ROLES}
    for docid, gold in golds.items():
        pred = preds.get(docid, {})
        for role in ROLES:
            g_ents = [tuple(map(normalize_string, e)) for e in gold.get(role, ())]
            p_ents = [tuple(map(normalize_string, e)) for e in pred.get(role, ())]
            phi = [[1.0 if _subset(p, g) else 0.0 for p in p_ents] for g in g_ents]
            sim = sum(phi[i][j] for i, j in max_weight_assignment(phi))
            totals[role] = totals[role] + PRF(sim, len(p_ents), sim, len(g_ents))
    totals["micro"] = sum_prf([totals[role] for role in ROLES])
    return totals
