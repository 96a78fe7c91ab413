"""MUC-4 (Latin-American terrorism, 1989-91): data loading, the adapter, predictions I/O.

The two standard metrics (GTT template F1, CEAF-REE) live in :mod:`.muc_scorers`.

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
from tensionwatch.evaluate.metrics import normalize_string
from tensionwatch.evaluate.muc4_templates import (
    AnalyzeFn,
    RuleTemplate,
    TemplateOptions,
    combine_templates,
)
from tensionwatch.evaluate.muc_scorers import (
    ROLES,
    Entity,
    Extracts,
    Template,
    ceaf_ree_scores,
    gtt_template_scores,
)
from tensionwatch.models import Actor, ActorKind, Incident, IncidentType

__all__ = [
    "ROLES",
    "SPLITS",
    "TYPE_MAP",
    "MucDoc",
    "MucPrediction",
    "Template",
    "align_predictions",
    "as_predictions",
    "ceaf_ree_scores",
    "evaluate_muc4",
    "extracts_from_templates",
    "gtt_docid",
    "gtt_template_scores",
    "incident_to_template",
    "incidents_to_templates",
    "load_analyze_fn",
    "load_muc4",
    "pool_extracts",
    "predict_muc4",
    "predict_muc4_tagged",
    "read_predictions",
    "rule_templates",
    "tagger_installed",
    "templates_from_gtt",
    "write_predictions",
]

SPLITS = ("train", "dev", "test")

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
    """Append ``text`` unless it normalizes to nothing or to a value already there."""
    key = normalize_string(text or "")
    if key and key not in {normalize_string(v) for v in values}:
        values.append(text or "")


def _named_affiliation(actor: Actor) -> bool:
    """A proper name (written with capitals), not a common noun such as "guerrillas"."""
    value = actor.affiliation or ""
    if not value or value == value.lower():
        return False
    return normalize_string(value) != normalize_string(actor.text)


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
            if _named_affiliation(actor):  # "FMLN guerrillas": the FMLN is the organization
                _add(values["PerpOrg"], actor.affiliation)
    for actor in incident.claimed_by:
        _add(values["PerpOrg"], _org_name(actor))
    for target in incident.targets:
        _add(values["Target"], target.text)
    for victim in incident.victims:
        _add(values["Victim"], victim.name or victim.text)  # MUC-4 keys name the person
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
    """Run the rule extractor on every document (text as is, upper case), map to templates."""
    predictions = {}
    for doc in docs:
        predictions[doc.docid] = incidents_to_templates(
            extract_fn(doc.text, doc.published, doc.docid)
        )
        if progress is not None:
            progress()
    return predictions


def rule_templates(incidents: Sequence[Incident]) -> list[RuleTemplate]:
    """The rule extractor's incidents as MUC-4 templates with their sentence ranges."""
    found = []
    for incident in incidents:
        template = incident_to_template(incident)
        if template is not None:
            ranges = tuple((e.start, e.end) for e in incident.sentences or incident.evidence)
            found.append(RuleTemplate(template, ranges))
    return found


def predict_muc4_tagged(
    docs: Sequence[MucDoc],
    analyze_fn: AnalyzeFn,
    extract_fn: ExtractFn,
    options: TemplateOptions | None = None,
    progress: Callable[[], None] | None = None,
) -> dict[str, list[Template]]:
    """Rule incidents combined with the trained role tagger (:mod:`.muc4_templates`)."""
    predictions = {}
    for doc in docs:
        rules = rule_templates(extract_fn(doc.text, doc.published, doc.docid))
        predictions[doc.docid] = combine_templates(doc.text, analyze_fn(doc.text), rules, options)
        if progress is not None:
            progress()
    return predictions


def tagger_installed() -> bool:
    """Whether the trained role tagger's weights ship with this installation."""
    from tensionwatch.extract.roles.tagger import MODEL_DIR

    return (MODEL_DIR / "model.onnx").is_file()


def load_analyze_fn() -> AnalyzeFn:
    """The trained role tagger's ``analyze`` (one ONNX session for the whole run)."""
    from tensionwatch.errors import ConfigError
    from tensionwatch.extract.roles.tagger import RoleTagger, TaggerOptions

    try:
        return RoleTagger(TaggerOptions(threads=0)).analyze
    except ConfigError as exc:
        raise EvaluationError(f"the role tagger cannot be loaded: {exc}", code="TW404") from exc


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
