"""WikiEvents (KAIROS ontology): argument identification and classification, head-word match.

The published setting (Li, Ji & Han 2021, ``raspberryice/gen-arg`` ``scorer.py``) extracts
arguments *given gold triggers*, one event mention at a time. tensionwatch has no triggers, so
this adapter scores document-level argument tuples instead (numbers are therefore not
comparable with the paper's):

- gold: every argument of a gold event whose type is in a covered family, as
  ``(family, role, head)``, where the family is the first two parts of the KAIROS type;
- predicted: ``(family, role, head)`` for each incident field below; both sides are sets,
  so an argument repeated across events of one family counts once.

**Head word** = the last word of the mention, lower-cased, punctuation and a possessive 's
removed ("Major General Vyacheslav Gladkikh" → "gladkikh"). The data gives no heads (the
reference parses the text with spaCy for them); last-word is the documented approximation.

**Arg-I** (identification): a predicted tuple is correct if a gold tuple of the same family
has its head (any role); a gold tuple is found if a predicted tuple of its family has its
head. **Arg-C** (classification): the role must match as well. The ``coref`` variants accept
the head of any mention coreferent with the gold argument (``coref_mentions``); gold tuples are
then counted once per (family, role, coreference cluster).

**Incident → KAIROS arguments** (families covered, the roles each incident field fills):

- ``Conflict.Attack`` for types armed_attack, bombing, arson, assault, killing,
  mass_casualty_attack: Attacker ← perpetrators, suspects, claimed_by; Target ← victims,
  targets; ExplosiveDevice ← weapons of category ``explosive``; Instrument ← other weapons;
  Place ← places (``name``).
- ``Life.Die`` when ``killed.value`` > 0 or the type is killing: Victim ← victims;
  Killer ← perpetrators, suspects; Place ← places.
- ``Life.Injure`` when ``injured.value`` > 0 or the type is assault: Victim ← victims;
  Injurer ← perpetrators, suspects; Instrument ← weapons; Place ← places.
- ``Justice.ArrestJailDetain`` when there are arrests or arrested suspects: Detainee ←
  arrests and suspects with ``arrested``; Place ← places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate.common import ExtractFn, Report, parse_date, read_jsonl
from tensionwatch.evaluate.metrics import PRF
from tensionwatch.models import Incident, IncidentType

FAMILIES = ("Conflict.Attack", "Life.Die", "Life.Injure", "Justice.ArrestJailDetain")
ATTACK_TYPES = frozenset(
    {
        IncidentType.ARMED_ATTACK,
        IncidentType.BOMBING,
        IncidentType.ARSON,
        IncidentType.ASSAULT,
        IncidentType.KILLING,
        IncidentType.MASS_CASUALTY_ATTACK,
    }
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

ArgTuple = tuple[str, str, str]  # family, role, head


def head_word(text: str) -> str:
    """The last word of a mention, lower-cased ("the Islamic State's fighters" → "fighters")."""
    words = _WORD.findall(text.lower())
    if not words:
        return ""
    return re.sub(r"['’]s$", "", words[-1])


def family_of(event_type: str) -> str | None:
    family = ".".join(event_type.split(".")[:2])
    return family if family in FAMILIES else None


@dataclass(frozen=True)
class GoldArgument:
    family: str
    role: str
    head: str
    coref_heads: frozenset[str]


@dataclass(frozen=True)
class WikiDoc:
    id: str
    text: str
    published: date | None
    arguments: tuple[GoldArgument, ...]


def load_wikievents(path: Path, split: str = "dev") -> list[WikiDoc]:
    """Documents from ``normalized/<split>.jsonl`` (``path`` is the folder or the file)."""
    file = path if path.is_file() else path / "normalized" / f"{split}.jsonl"
    if not file.is_file() and split == "test":
        raise EvaluationError(f"{file}: the WikiEvents test split is held out", code="TW403")
    docs = []
    for record in read_jsonl(file):
        try:
            arguments = []
            for event in record.get("gold") or []:
                family = family_of(str(event["event_type"]))
                if family is None:
                    continue
                for arg in event.get("arguments") or []:
                    head = head_word(str(arg["text"]))
                    heads = {head_word(str(m)) for m in arg.get("coref_mentions") or []}
                    arguments.append(
                        GoldArgument(family, str(arg["role"]), head, frozenset(heads | {head}))
                    )
            docs.append(
                WikiDoc(
                    str(record["id"]),
                    str(record["text"]),
                    parse_date(record.get("date")),
                    tuple(arguments),
                )
            )
        except (KeyError, TypeError) as exc:
            raise EvaluationError(
                f"{file}: malformed WikiEvents record: {exc}", code="TW402"
            ) from exc
    return docs


def incident_arguments(incident: Incident) -> set[ArgTuple]:
    """The KAIROS argument tuples an incident asserts (mapping in the module docstring)."""
    out: set[ArgTuple] = set()

    def add(family: str, role: str, texts: Iterable[str]) -> None:
        for text in texts:
            head = head_word(text)
            if head:
                out.add((family, role, head))

    doers = [a.text for a in (*incident.perpetrators, *incident.suspects)]
    victims = [a.text for a in incident.victims]
    places = [p.name for p in incident.places]
    killed = incident.killed.value if incident.killed else 0
    injured = incident.injured.value if incident.injured else 0
    if incident.type in ATTACK_TYPES:
        family = "Conflict.Attack"
        add(family, "Attacker", doers + [a.text for a in incident.claimed_by])
        add(family, "Target", victims + [t.text for t in incident.targets])
        add(
            family,
            "ExplosiveDevice",
            [w.text for w in incident.weapons if w.category == "explosive"],
        )
        add(family, "Instrument", [w.text for w in incident.weapons if w.category != "explosive"])
        add(family, "Place", places)
    if killed > 0 or incident.type == IncidentType.KILLING:
        add("Life.Die", "Victim", victims)
        add("Life.Die", "Killer", doers)
        add("Life.Die", "Place", places)
    if injured > 0 or incident.type == IncidentType.ASSAULT:
        add("Life.Injure", "Victim", victims)
        add("Life.Injure", "Injurer", doers)
        add("Life.Injure", "Instrument", [w.text for w in incident.weapons])
        add("Life.Injure", "Place", places)
    detainees = [a.text for a in incident.arrests] + [
        a.text for a in incident.suspects if a.arrested
    ]
    if detainees:
        add("Justice.ArrestJailDetain", "Detainee", detainees)
        add("Justice.ArrestJailDetain", "Place", places)
    return out


def score_document(
    predicted: set[ArgTuple], gold: Sequence[GoldArgument], family: str | None = None
) -> dict[str, PRF]:
    """Arg-I/Arg-C, head and coref variants, for one document (optionally one family)."""
    if family is not None:
        predicted = {t for t in predicted if t[0] == family}
        gold = [g for g in gold if g.family == family]
    gold_c = {(g.family, g.role, g.head) for g in gold}
    gold_i = {(f, h) for f, _r, h in gold_c}
    pred_i = {(f, h) for f, _r, h in predicted}
    clusters = {(g.family, g.role, g.coref_heads) for g in gold}
    n_pred = len(predicted)

    def coref_hit(t: ArgTuple, c: tuple[str, str, frozenset[str]], with_role: bool) -> bool:
        return t[0] == c[0] and t[2] in c[2] and (not with_role or t[1] == c[1])

    scores = {
        "arg_i_head": PRF(
            sum(1 for f, _r, h in predicted if (f, h) in gold_i),
            n_pred,
            sum(1 for f, _r, h in gold_c if (f, h) in pred_i),
            len(gold_c),
        ),
        "arg_c_head": PRF.of(len(predicted & gold_c), n_pred, len(gold_c)),
    }
    for name, with_role in (("arg_i_coref", False), ("arg_c_coref", True)):
        scores[name] = PRF(
            sum(1 for t in predicted if any(coref_hit(t, c, with_role) for c in clusters)),
            n_pred,
            sum(1 for c in clusters if any(coref_hit(t, c, with_role) for t in predicted)),
            len(clusters),
        )
    return scores


def score_predictions(
    docs: Sequence[WikiDoc], predictions: Mapping[str, Sequence[Incident]]
) -> Report:
    """Totals over documents, plus ``arg_c_head.<family>`` rows."""
    report = Report("wikievents", info={"documents": len(docs)})
    totals: dict[str, PRF] = {}
    for doc in docs:
        predicted: set[ArgTuple] = set()
        for incident in predictions.get(doc.id, ()):
            predicted |= incident_arguments(incident)
        rows = score_document(predicted, doc.arguments)
        for family in FAMILIES:
            rows[f"arg_c_head.{family}"] = score_document(predicted, doc.arguments, family)[
                "arg_c_head"
            ]
        for name, prf in rows.items():
            totals[name] = totals.get(name, PRF()) + prf
    report.prf = totals
    report.info["gold_arguments"] = sum(len(d.arguments) for d in docs)
    return report


def evaluate_wikievents(
    docs: Sequence[WikiDoc], extract_fn: ExtractFn, progress: Callable[[], None] | None = None
) -> tuple[Report, dict[str, list[Incident]]]:
    predictions: dict[str, list[Incident]] = {}
    for doc in docs:
        predictions[doc.id] = list(extract_fn(doc.text, doc.published, doc.id))
        if progress is not None:
            progress()
    return score_predictions(docs, predictions), predictions
