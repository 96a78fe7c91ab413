"""Lexicons and rule patterns, loaded from the JSON Lines files in ``patterns/``.

Rules are data: each file entry carries an example sentence, and nothing in the Python code
spells out a weapon, a nationality or a casualty phrase. A ``Lexicon`` is an explicit object
built once per extractor and passed around; there is no module-level cache.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tensionwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: str
    strong: bool
    pattern: list[dict[str, Any]]
    # words that, just before the trigger, make it a description: "life-threatening injuries"
    not_after: frozenset[str] = frozenset()
    # a context the trigger needs to name an attack: "projectile" ("a bullet struck her"),
    # "headline" (read only in a headline: "Teen dead from gunshot wound"), "violence" (only
    # in an article about violence: "passed away")
    needs: str | None = None
    # what happened to its victims when its word does not say it: "injured" ("struck her")
    outcome: str | None = None


TRIGGER_NEEDS = frozenset({"projectile", "headline", "violence"})


@dataclass(frozen=True, slots=True)
class CasualtyRule:
    label: str
    negated: bool
    pattern: list[dict[str, Any]]
    count: int | None = None  # the number a phrase with no number word states ("a fourth")
    # the phrase's ordinal is the toll so far ("the fourth person to die": 4)
    ordinal: bool = False
    # the phrase counts two coordinated groups ("three men and a woman"): their sum
    sums: bool = False


@dataclass(frozen=True, slots=True)
class GroupTerm:
    term: str
    characteristic: str
    group: str
    country: str | None


@dataclass(frozen=True, slots=True)
class VagueNumber:
    low: int
    high: int
    qualifier: str


@dataclass(frozen=True)
class Lexicon:
    triggers: list[TriggerRule]
    casualties: list[CasualtyRule]
    weapons: dict[str, str]  # lower-case term -> category
    groups: dict[str, GroupTerm]  # lower-case term -> group
    occupations: list[str]
    numbers: dict[str, int]
    vague_numbers: dict[str, VagueNumber]
    qualifiers: dict[str, str]  # lower-case phrase -> qualifier
    cues: dict[str, list[str]]  # cue kind -> lower-case phrases
    actor_terms: dict[str, dict[str, str]]  # attribute -> term -> value
    targets: dict[str, str]  # lower-case term -> category
    motive_canonical: dict[str, str] = field(default_factory=dict)
    # lower-case phrase after the number -> qualifier ("two or more": at least two)
    trailing_qualifiers: dict[str, str] = field(default_factory=dict)
    weapon_incident_types: dict[str, str] = field(default_factory=dict)  # category -> type
    # a target or motive word that names the targeted group: term -> (characteristic, group)
    target_groups: dict[str, tuple[str, str]] = field(default_factory=dict)
    motive_groups: dict[str, tuple[str, str]] = field(default_factory=dict)
    instrument_only: frozenset[str] = field(default_factory=frozenset)  # need "with X"
    group_nouns: frozenset[str] = field(default_factory=frozenset)
    organization_nouns: frozenset[str] = field(default_factory=frozenset)
    ordinals: dict[str, int] = field(default_factory=dict)  # "fourth", "4th" -> 4
    # "precinct", "route": a number right after one names, never counts (``numbered_name``)
    numbered_names: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        root = folder or Path(str(resources.files("tensionwatch.extract").joinpath("patterns")))
        triggers = [
            TriggerRule(
                e["id"],
                e["type"],
                e.get("strength", "strong") == "strong",
                e["pattern"],
                frozenset(w.lower() for w in e.get("not_after", ())),
                e.get("needs"),
                e.get("outcome"),
            )
            for e in _read(root / "triggers.jsonl")
        ]
        for rule in triggers:
            if rule.needs is not None and rule.needs not in TRIGGER_NEEDS:
                raise ConfigError(
                    f"triggers.jsonl: trigger {rule.id!r} needs unknown context {rule.needs!r}",
                    code="TW011",
                )
        casualties = [
            CasualtyRule(
                e["label"],
                bool(e.get("negated", False)),
                e["pattern"],
                None if e.get("count") in {"ordinal", "sum"} else e.get("count"),
                ordinal=e.get("count") == "ordinal",
                sums=e.get("count") == "sum",
            )
            for e in _read(root / "casualties.jsonl")
        ]
        weapon_entries = list(_read(root / "weapons.jsonl"))
        weapons = {term.lower(): e["category"] for e in weapon_entries for term in e["terms"]}
        weapon_types = {e["category"]: e["incident_type"] for e in weapon_entries}
        instrument_only = frozenset(
            e["category"] for e in weapon_entries if e.get("context") == "instrument"
        )
        groups: dict[str, GroupTerm] = {}
        for entry in _read(root / "groups.jsonl"):
            for term, value in entry["terms"].items():
                characteristic = entry["characteristic"]
                country = value if characteristic == "nationality" else None
                group = value if characteristic == "religion" and value else term
                groups[term.lower()] = GroupTerm(term, characteristic, group, country)
        occupations = sorted(
            {t.lower() for e in _read(root / "occupations.jsonl") for t in e["terms"]},
            key=lambda t: (-len(t), t),
        )
        numbers: dict[str, int] = {}
        vague: dict[str, VagueNumber] = {}
        ordinals: dict[str, int] = {}
        for entry in _read(root / "numbers.jsonl"):
            if entry["kind"] == "cardinal":
                numbers.update({k.lower(): int(v) for k, v in entry["values"].items()})
            elif entry["kind"] == "ordinal":
                ordinals.update({k.lower(): int(v) for k, v in entry["values"].items()})
            else:
                for key, (low, high, qual) in entry["values"].items():
                    vague[key.lower()] = VagueNumber(int(low), int(high), str(qual))
        qualifier_rows = list(_read(root / "qualifiers.jsonl"))
        qualifiers = {
            phrase.lower(): e["qualifier"] for e in qualifier_rows for phrase in e["phrases"]
        }
        trailing = {
            phrase.lower(): e["qualifier"] for e in qualifier_rows for phrase in e.get("after", [])
        }
        cues: dict[str, list[str]] = {}
        canonical: dict[str, str] = {}
        for entry in _read(root / "cues.jsonl"):
            cues.setdefault(entry["cue"], []).extend(p.lower() for p in entry["phrases"])
            canonical.update({k.lower(): v for k, v in entry.get("canonical", {}).items()})
        actor_terms: dict[str, dict[str, str]] = {}
        for entry in _read(root / "actors.jsonl"):
            bucket = actor_terms.setdefault(entry["attribute"], {})
            for term in entry["terms"]:
                bucket.setdefault(term.lower(), entry["value"])
        targets = {
            term.lower(): e["category"]
            for e in _read(root / "targets.jsonl")
            for term in e["terms"]
        }
        target_groups: dict[str, tuple[str, str]] = {}
        motive_groups: dict[str, tuple[str, str]] = {}
        for entry in _read(root / "targeted_groups.jsonl"):
            table = target_groups if entry["kind"] == "target" else motive_groups
            table[entry["term"].lower()] = (entry["characteristic"], entry["group"])
        return cls(
            target_groups=target_groups,
            motive_groups=motive_groups,
            triggers=triggers,
            casualties=casualties,
            weapons=weapons,
            groups=groups,
            occupations=occupations,
            numbers=numbers,
            vague_numbers=vague,
            ordinals=ordinals,
            qualifiers=qualifiers,
            cues=cues,
            actor_terms=actor_terms,
            targets=targets,
            motive_canonical=canonical,
            trailing_qualifiers=trailing,
            weapon_incident_types=weapon_types,
            instrument_only=instrument_only,
            group_nouns=frozenset(actor_terms.get("group_noun", {})),
            organization_nouns=frozenset(actor_terms.get("organization_noun", {})),
            numbered_names=frozenset(cues.get("numbered_name", ())),
        )

    def cue_set(self, kind: str) -> frozenset[str]:
        return frozenset(self.cues.get(kind, ()))

    def person_words(self) -> frozenset[str]:
        """The nouns that name people: occupations, person nouns, genders, age groups, kin
        and the targeted groups ("man", "officer", "teen", "wife", "Tajiks")."""
        return (
            frozenset(self.occupations)
            | frozenset(self.actor_terms.get("person_noun", {}))
            | frozenset(self.actor_terms.get("gender", {}))
            | frozenset(self.actor_terms.get("age_group", {}))
            | frozenset(self.actor_terms.get("kin", {}))
            | frozenset(self.groups)
        )


def _read(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read pattern file {path}: {exc}", code="TW010") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{number}: invalid JSON: {exc}", code="TW011") from exc
        if not isinstance(entry, dict) or "example" not in entry:
            raise ConfigError(f"{path}:{number}: entry needs an 'example'", code="TW012")
        yield entry
