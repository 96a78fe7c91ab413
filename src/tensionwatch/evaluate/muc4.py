"""MUC-4 (Latin-American terrorism, 1989-91): GTT template F1 and CEAF-REE.

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

**tensionwatch → MUC-4 template.** One incident is one template:

- type: bombing→"bombing", arson→"arson", kidnapping→"kidnapping", robbery→"robbery",
  armed_attack / assault / killing / mass_casualty_attack→"attack"; incidents of other types
  (vandalism, threat_harassment) are dropped;
- PerpInd: ``text`` of perpetrators and suspects of kind individual or group;
- PerpOrg: ``claimed_by`` actors, and perpetrators/suspects of kind organization or state,
  each as its ``affiliation`` or else its ``text``;
- Target: ``targets[].text``; Victim: ``victims[].text``; Weapon: ``weapons[].text``.

Each value is one entity with one mention; values of a role that normalize to the same
string (or to nothing) are kept once. For CEAF-REE the entities of all templates of a
document are pooled per role and deduplicated the same way. MUC-4 text is upper case and is
given to the extractor as is; matching is case-insensitive through the normalization.

Predictions files use GTT's released shape ``{docid: {"pred_templates": [{"incident_type":
str, "PerpInd": [[mention, ...], ...], ...}], "pred_extracts": {role: entities}}}``; docids
may be the original ids or the scorers' numeric ids (``TST3-MUC4-0005`` → ``"30005"``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate.common import ExtractFn, Report, parse_date, read_jsonl
from tensionwatch.evaluate.metrics import PRF, max_weight_assignment, normalize_string, sum_prf
from tensionwatch.models import Actor, ActorKind, Incident, IncidentType

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
SPLITS = ("train", "dev", "test")

Entity = tuple[str, ...]
Extracts = dict[str, tuple[Entity, ...]]

TYPE_MAP: dict[IncidentType, str] = {
    IncidentType.BOMBING: "bombing",
    IncidentType.ARSON: "arson",
    IncidentType.KIDNAPPING: "kidnapping",
    IncidentType.ROBBERY: "robbery",
    IncidentType.ARMED_ATTACK: "attack",
    IncidentType.ASSAULT: "attack",
    IncidentType.KILLING: "attack",
    IncidentType.MASS_CASUALTY_ATTACK: "attack",
}
_ORG_KINDS = (ActorKind.ORGANIZATION, ActorKind.STATE)


@dataclass(frozen=True)
class Template:
    """One MUC-4 event: an incident type and, per role, entities (lists of mention strings)."""

    incident_type: str
    roles: dict[str, tuple[Entity, ...]]

    def entities(self, role: str) -> tuple[Entity, ...]:
        return self.roles.get(role, ())


@dataclass(frozen=True)
class MucDoc:
    docid: str
    text: str
    published: date | None
    templates: tuple[Template, ...]
    extracts: Extracts


# ----------------------------------------------------------------------------- loading


def gtt_docid(docid: str) -> str:
    """The numeric id the GTT/GRIT scorers key documents by ("TST1-MUC3-0001" → "10001")."""
    parts = docid.split("-")
    try:
        return str(int(parts[0][-1]) * 10000 + int(parts[-1]))
    except ValueError:
        return docid


def _mention(value: Any) -> str:
    return str(value[0]) if isinstance(value, list | tuple) else str(value)


def templates_from_gtt(raw_templates: Sequence[Mapping[str, Any]]) -> tuple[Template, ...]:
    """Gold templates as the GTT scorer reads them: offsets and empty entities dropped,
    duplicate templates kept once (compared before normalization)."""
    templates: list[Template] = []
    for raw in raw_templates:
        roles: dict[str, tuple[Entity, ...]] = {}
        for role in ROLES:
            entities = [tuple(_mention(m) for m in entity) for entity in raw.get(role, [])]
            roles[role] = tuple(entity for entity in entities if entity)
        template = Template(str(raw.get("incident_type", "")), roles)
        if template not in templates:
            templates.append(template)
    return tuple(templates)


def extracts_from_templates(templates: Sequence[Template]) -> Extracts:
    """Entities of all templates per role, identical entities kept once (GRIT's pooling)."""
    extracts: Extracts = {}
    for role in ROLES:
        pooled: list[Entity] = []
        for template in templates:
            for entity in template.entities(role):
                if entity not in pooled:
                    pooled.append(entity)
        extracts[role] = tuple(pooled)
    return extracts


def _extracts_from_raw(raw: Mapping[str, Any]) -> Extracts:
    extracts: Extracts = {}
    for role in ROLES:
        entities = [tuple(_mention(m) for m in entity) for entity in raw.get(role, [])]
        extracts[role] = tuple(entity for entity in entities if entity)
    return extracts


def resolve_split_file(path: Path, split: str) -> Path:
    """The documents file for ``split`` under a MUC-4 folder, or ``path`` itself if a file."""
    if path.is_file():
        return path
    if split not in SPLITS:
        raise EvaluationError(f"unknown MUC-4 split {split!r}; use one of {SPLITS}", code="TW402")
    candidate = path / "normalized" / f"{split}.jsonl"
    if candidate.is_file():
        return candidate
    if split == "test":
        raise EvaluationError(
            f"{candidate}: the MUC-4 test split is held out; give the path of its file",
            code="TW403",
        )
    raise EvaluationError(f"{candidate}: MUC-4 {split} file not found", code="TW401")


def load_muc4(path: Path, split: str = "dev") -> list[MucDoc]:
    """Documents with gold templates from a MUC-4 folder (``normalized/<split>.jsonl``) or file.

    Records may be tensionwatch's normalized shape (``id``, ``text``, ``date``,
    ``gtt_templates``) or GTT's (``docid``, ``doctext``, ``templates``). CEAF-REE gold comes
    from ``grit_processed/<split>.json`` beside ``normalized/`` when present.
    """
    file = resolve_split_file(path, split)
    grit_file = file.parent.parent / "grit_processed" / f"{file.stem}.json"
    grit: dict[str, Extracts] = {}
    if file.parent.name == "normalized" and grit_file.is_file():
        grit = {str(r["docid"]): _extracts_from_raw(r["extracts"]) for r in read_jsonl(grit_file)}
    docs = []
    for record in read_jsonl(file):
        try:
            docid = str(record.get("id") or record["docid"])
            text = str(record.get("text") if "text" in record else record["doctext"])
            raw = record["gtt_templates"] if "gtt_templates" in record else record["templates"]
        except KeyError as exc:
            raise EvaluationError(f"{file}: record without {exc}", code="TW402") from exc
        templates = templates_from_gtt(raw)
        extracts = grit.get(docid) or extracts_from_templates(templates)
        docs.append(MucDoc(docid, text, parse_date(record.get("date")), templates, extracts))
    return docs


# ----------------------------------------------------------------------------- adapter


def _add(values: list[str], text: str | None) -> None:
    if (
        text
        and normalize_string(text)
        and normalize_string(text) not in map(normalize_string, values)
    ):
        values.append(text)


def _org_name(actor: Actor) -> str:
    return actor.affiliation or actor.text


def incident_to_template(incident: Incident) -> Template | None:
    """The MUC-4 template of an incident (mapping in the module docstring), or None."""
    incident_type = TYPE_MAP.get(incident.type)
    if incident_type is None:
        return None
    values: dict[str, list[str]] = {role: [] for role in ROLES}
    for actor in (*incident.perpetrators, *incident.suspects):
        if actor.kind in _ORG_KINDS:
            _add(values["PerpOrg"], _org_name(actor))
        else:
            _add(values["PerpInd"], actor.text)
    for actor in incident.claimed_by:
        _add(values["PerpOrg"], _org_name(actor))
    for target in incident.targets:
        _add(values["Target"], target.text)
    for victim in incident.victims:
        _add(values["Victim"], victim.text)
    for weapon in incident.weapons:
        _add(values["Weapon"], weapon.text)
    return Template(incident_type, {role: tuple((v,) for v in values[role]) for role in ROLES})


def incidents_to_templates(incidents: Sequence[Incident]) -> list[Template]:
    return [t for t in map(incident_to_template, incidents) if t is not None]


def pool_extracts(templates: Sequence[Template]) -> Extracts:
    """Predicted entities of a document per role, deduplicated by normalized mentions."""
    extracts: Extracts = {}
    for role in ROLES:
        seen: set[tuple[str, ...]] = set()
        pooled: list[Entity] = []
        for template in templates:
            for entity in template.entities(role):
                key = tuple(sorted({normalize_string(m) for m in entity}))
                if key not in seen:
                    seen.add(key)
                    pooled.append(entity)
        extracts[role] = tuple(pooled)
    return extracts


def predict_muc4(
    docs: Sequence[MucDoc], extract_fn: ExtractFn, progress: Callable[[], None] | None = None
) -> dict[str, list[Template]]:
    """Run the extractor on every document (text as is, upper case) and map to templates."""
    predictions = {}
    for doc in docs:
        predictions[doc.docid] = incidents_to_templates(
            extract_fn(doc.text, doc.published, doc.docid)
        )
        if progress is not None:
            progress()
    return predictions


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


# ----------------------------------------------------------------------------- predictions I/O


@dataclass(frozen=True)
class MucPrediction:
    templates: tuple[Template, ...] | None
    extracts: Extracts


def _pred_template(raw: Mapping[str, Any]) -> Template:
    incident_type = raw.get("incident_type")
    if not isinstance(incident_type, str):
        incident_type = "attack"  # as the reference does for a non-string type
    roles = {r: tuple(tuple(_mention(m) for m in e) for e in raw.get(r, [])) for r in ROLES}
    return Template(incident_type, roles)


def read_predictions(path: Path) -> dict[str, MucPrediction]:
    """GTT/GRIT-style predictions (``pred_templates`` and/or ``pred_extracts``) by docid."""
    if not path.is_file():
        raise EvaluationError(f"{path}: predictions file not found", code="TW401")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        out = {}
        for docid, entry in data.items():
            templates = None
            if "pred_templates" in entry:
                templates = tuple(_pred_template(t) for t in entry["pred_templates"])
            if "pred_extracts" in entry:
                raw = entry["pred_extracts"]
                extracts = {
                    r: tuple(tuple(map(_mention, e)) for e in raw.get(r, [])) for r in ROLES
                }
            else:
                extracts = pool_extracts(templates or ())
            out[str(docid)] = MucPrediction(templates, extracts)
    except (AttributeError, TypeError, ValueError) as exc:
        raise EvaluationError(f"{path}: malformed predictions: {exc}", code="TW402") from exc
    return out


def align_predictions(
    docs: Sequence[MucDoc], predictions: Mapping[str, MucPrediction]
) -> dict[str, MucPrediction]:
    """Predictions keyed by our docids, looked up by original or numeric id."""
    aligned = {}
    for doc in docs:
        found = predictions.get(doc.docid) or predictions.get(gtt_docid(doc.docid))
        if found is not None:
            aligned[doc.docid] = found
    return aligned


def write_predictions(path: Path, predictions: Mapping[str, Sequence[Template]]) -> None:
    """Write templates in GTT's released shape (numeric ids where the scorers use them)."""
    out: dict[str, Any] = {}
    for docid, templates in predictions.items():
        pred_templates = [
            {
                "incident_type": t.incident_type,
                **{r: [list(e) for e in t.entities(r)] for r in ROLES},
            }
            for t in templates
        ]
        extracts = pool_extracts(templates)
        out[gtt_docid(docid)] = {
            "docid": docid,
            "pred_templates": pred_templates,
            "pred_extracts": {r: [list(e) for e in extracts[r]] for r in ROLES},
        }
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


def evaluate_muc4(docs: Sequence[MucDoc], predictions: Mapping[str, MucPrediction]) -> Report:
    """Both metrics over ``docs``; GTT template F1 is skipped when predictions lack templates."""
    report = Report("muc4", info={"documents": len(docs)})
    golds = {doc.docid: doc.templates for doc in docs}
    report.info["gold_templates"] = sum(len(t) for t in golds.values())
    if all(p.templates is not None for p in predictions.values()):
        preds = {d: p.templates or () for d, p in predictions.items()}
        report.info["predicted_templates"] = sum(len(t) for t in preds.values())
        for key, prf in gtt_template_scores(preds, golds).items():
            report.prf[f"gtt.{key}"] = prf
    extracts = {d: p.extracts for d, p in predictions.items()}
    for key, prf in ceaf_ree_scores(extracts, {doc.docid: doc.extracts for doc in docs}).items():
        report.prf[f"ceaf_ree.{key}"] = prf
    return report


def as_predictions(templates: Mapping[str, Sequence[Template]]) -> dict[str, MucPrediction]:
    return {d: MucPrediction(tuple(t), pool_extracts(t)) for d, t in templates.items()}
