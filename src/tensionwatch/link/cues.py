"""Rules as data: retaliation cue phrases and the group lexicon used to link backlash.

``patterns/retaliation_cues.jsonl``: one cue per line, ``kind`` is ``revenge`` ("in revenge
for", "retaliatory"), ``sequence`` ("in the wake of", "after the attack") or ``non_bias`` (an
explanation that is not bias: "business dispute"); each entry carries an example sentence.
``patterns/groups.jsonl``: group names with aliases and broader groups ("Tajik" is "Central
Asian" and "Muslim"), so "Tajiks" matches "Tajik" and an Azerbaijani victim is *related* to
Tajik suspects.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from tensionwatch.errors import ConfigError
from tensionwatch.models import Evidence

_PATTERNS = "patterns"


class CueKind(StrEnum):
    REVENGE = "revenge"
    SEQUENCE = "sequence"
    NON_BIAS = "non_bias"


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    phrase: str
    kind: CueKind
    weight: float
    example: str


@dataclass(frozen=True, slots=True)
class CueMatch:
    cue: Cue
    evidence: Evidence


def _read_jsonl(path: Path | None, default_name: str) -> list[dict[str, object]]:
    if path is None:
        text = resources.files(__package__).joinpath(_PATTERNS, default_name).read_text("utf-8")
        where = f"tensionwatch.link/{_PATTERNS}/{default_name}"
    else:
        text, where = path.read_text("utf-8"), str(path)
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}:{number}: not JSON ({exc.msg})", code="TW021") from exc
    return rows


@dataclass(frozen=True, slots=True)
class CueSet:
    cues: tuple[Cue, ...]
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, cues: tuple[Cue, ...]) -> CueSet:
        ordered = sorted(cues, key=lambda c: -len(c.phrase))
        body = "|".join(r"\s+".join(map(re.escape, c.phrase.split())) for c in ordered)
        return cls(cues, re.compile(rf"\b(?:{body})\b", re.IGNORECASE))

    @classmethod
    def load(cls, path: Path | None = None) -> CueSet:
        cues = []
        for row in _read_jsonl(path, "retaliation_cues.jsonl"):
            try:
                cues.append(
                    Cue(
                        id=str(row["id"]),
                        phrase=str(row["phrase"]),
                        kind=CueKind(str(row["kind"])),
                        weight=float(str(row.get("weight", 1.0))),
                        example=str(row["example"]),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise ConfigError(f"bad retaliation cue {row!r}: {exc}", code="TW022") from exc
        return cls.of(tuple(cues))

    def find(self, text: str, offset: int = 0) -> tuple[CueMatch, ...]:
        """Every cue occurrence in ``text``; evidence offsets are shifted by ``offset``."""
        by_phrase = {_squash(c.phrase): c for c in self.cues}
        return tuple(
            CueMatch(
                by_phrase[_squash(m.group(0))],
                Evidence(offset + m.start(), offset + m.end(), m.group(0)),
            )
            for m in self.pattern.finditer(text)
        )

    def classify(self, text: str) -> Cue | None:
        """The strongest cue whose phrase occurs in ``text``."""
        found = [m.cue for m in self.find(text)]
        return max(found, key=lambda c: c.weight) if found else None


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


_ORGANISATION = re.compile(r"\s+(?:State|Republic|Emirate|Front|Brigade|Army)\b")


@functools.lru_cache(maxsize=8)
def _group_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, n.split())) for n in ordered)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GroupTable:
    """Canonical group names, their aliases and their broader groups (all casefolded)."""

    canonical: dict[str, str]
    broader: dict[str, frozenset[str]]
    display: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> GroupTable:
        canonical: dict[str, str] = {}
        broader: dict[str, frozenset[str]] = {}
        display: dict[str, str] = {}
        for row in _read_jsonl(path, "groups.jsonl"):
            name = str(row["group"]).casefold()
            canonical[name] = name
            display[name] = str(row["group"])
            for alias in row.get("aliases", ()):  # type: ignore[attr-defined]
                canonical[str(alias).casefold()] = name
            broader[name] = frozenset(str(b).casefold() for b in row.get("broader", ()))  # type: ignore[attr-defined]
        return cls(canonical, broader, display)

    def norm(self, name: str) -> str:
        key = " ".join(name.casefold().split())
        return self.canonical.get(key, key)

    def label(self, name: str) -> str:
        """The display name of a group: "tajiks" → "Tajik"; unknown names keep their spelling."""
        key = self.norm(name)
        return self.display.get(key, " ".join(name.split()))

    def find(self, text: str) -> frozenset[str]:
        """Canonical groups named in ``text`` ("Afghans out" → {"afghan"}), as whole words
        written with a capital; "Islamic State" names an organisation, not a group."""
        if not self.canonical:
            return frozenset()
        found = set()
        for match in _group_pattern(tuple(sorted(self.canonical))).finditer(text):
            if not match.group(0)[:1].isupper() or _ORGANISATION.match(text, match.end()):
                continue
            found.add(self.canonical[" ".join(match.group(0).casefold().split())])
        return frozenset(found)

    def expand(self, names: set[str]) -> frozenset[str]:
        """Names plus their broader groups, canonicalised."""
        out = {self.norm(n) for n in names}
        for n in list(out):
            out |= {self.norm(b) for b in self.broader.get(n, ())}
        return frozenset(out)
