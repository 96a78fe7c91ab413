"""MUC-4 templates from the trained role tagger's spans and window types.

Why a separate path from :func:`.muc4.incident_to_template`: MUC-4 keys follow annotation
conventions (what counts as a relevant incident, which noun phrase names a target, that a
military clash is not terrorism) that a model trained on the train split learns and rules
written for modern hate-crime reports do not. The adapter keeps both: rules alone when no
tagger is installed, the tagger when it is.

**Entities.** Tagged spans of one role whose mentions normalize to the same string (the
scorers' normalization) are one entity; so are an acronym given in parentheses after a name
("national liberation army (eln)") and a singular beside its plural. An entity is written as
its first mention, since a predicted entity scores only if every mention it lists belongs to
one gold entity.

**Templates.** A document reports an incident type when some window's type probability
reaches ``type_threshold``. Each entity joins the template of the reported type most likely
in the windows around its first mention; a reported type with no entity still gives a
template (keys have templates with only a type). Entities in a document that reports no type
are dropped (the tagger fires on military clashes that MUC-4 does not count).

**Several incidents of one type.** The tagger does not say which of two bombings a target
belongs to; the rule extractor's segmentation does ("in a separate incident", another town or
day). When it finds two or more incidents of a reported type, each gets its own template with
the entities mentioned in its sentences (an entity mentioned in none goes to the nearest).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tensionwatch.evaluate.metrics import normalize_string
from tensionwatch.evaluate.muc_scorers import ROLES, Template
from tensionwatch.extract.roles.labels import INCIDENT_TYPES
from tensionwatch.extract.roles.tagger import RoleAnalysis

AnalyzeFn = Callable[[str], RoleAnalysis]
"""``analyze_fn(text) -> RoleAnalysis``, as ``RoleTagger.analyze``."""


@dataclass(frozen=True, slots=True)
class TemplateOptions:
    type_threshold: float = 0.5
    min_span_score: float = 0.0
    split_by_incidents: bool = True
    merge_variants: bool = True  # acronyms and singular/plural of a mention are one entity


@dataclass(frozen=True, slots=True)
class TaggedEntity:
    role: str
    mention: str
    start: int
    end: int
    score: float
    positions: tuple[tuple[int, int], ...] = ()  # every mention's character range


@dataclass(frozen=True, slots=True)
class Segment:
    """One incident as the rule extractor delimits it: its MUC-4 type and its sentences."""

    incident_type: str
    ranges: tuple[tuple[int, int], ...]

    def holds(self, start: int) -> bool:
        return any(lo <= start < hi for lo, hi in self.ranges)

    def distance(self, start: int) -> int:
        return min((max(lo - start, start - hi, 0) for lo, hi in self.ranges), default=1 << 30)


def tagged_entities(
    text: str, analysis: RoleAnalysis, options: TemplateOptions
) -> list[TaggedEntity]:
    """One entity per role and normalized mention, in order of first mention."""
    first: dict[tuple[str, str], TaggedEntity] = {}
    positions: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for span in analysis.spans:
        if span.score < options.min_span_score:
            continue
        mention = text[span.start : span.end]
        key = (span.role, normalize_string(mention))
        if not key[1]:
            continue
        positions.setdefault(key, []).append((span.start, span.end))
        if key not in first:
            first[key] = TaggedEntity(span.role, mention, span.start, span.end, span.score)
    merged: dict[tuple[str, str], tuple[str, str]] = {}  # key -> the key it joins
    if options.merge_variants:
        aliases = _parenthesized(text, positions)
        keys = list(first)
        for key in keys:
            for other in keys:
                if other == key or other in merged or key[0] != other[0]:
                    continue
                alias = aliases.get(other) == key[1]
                if alias or (_variant(key[1], other[1]) and first[other].start < first[key].start):
                    merged[key] = other
                    break
    for key, target in merged.items():
        positions[target].extend(positions[key])
    return [
        TaggedEntity(e.role, e.mention, e.start, e.end, e.score, tuple(sorted(positions[key])))
        for key, e in first.items()
        if key not in merged
    ]


_PARENTHESIS = re.compile(r"\s*\(([^()]{1,40})\)")


def _parenthesized(
    text: str, positions: dict[tuple[str, str], list[tuple[int, int]]]
) -> dict[tuple[str, str], str]:
    """What follows a mention in parentheses ("... liberation front (fmln)"), normalized."""
    found = {}
    for key, spans in positions.items():
        for _, end in spans:
            match = _PARENTHESIS.match(text, end)
            if match:
                found[key] = normalize_string(match.group(1))
                break
    return found


def _variant(name: str, other: str) -> bool:
    """Whether ``name`` is another way of writing ``other``: its acronym ("fmln" for
    "farabundo marti national liberation front") or its singular or plural."""
    words = other.split()
    if len(words) >= 2 and " " not in name and name == "".join(w[0] for w in words):
        return True
    return name + "s" == other or other + "s" == name


def _split(
    kind: str, entities: Sequence[TaggedEntity], segments: Sequence[Segment]
) -> list[Template]:
    """Templates of one type, one per segment that some entity belongs to."""
    own = [s for s in segments if s.incident_type == kind]
    if len(own) < 2:
        return [_template(kind, entities)]
    members: list[list[TaggedEntity]] = [[] for _ in own]
    for entity in entities:
        holding = [i for i, s in enumerate(own) if any(s.holds(p[0]) for p in entity.positions)]
        if not holding:
            holding = [min(range(len(own)), key=lambda i: own[i].distance(entity.start))]
        for index in holding:
            members[index].append(entity)
    templates = [_template(kind, group) for group in members if group]
    return templates or [_template(kind, entities)]


def _template(kind: str, entities: Sequence[TaggedEntity]) -> Template:
    return Template(
        kind, {role: tuple((e.mention,) for e in entities if e.role == role) for role in ROLES}
    )


def build_templates(
    text: str,
    analysis: RoleAnalysis,
    options: TemplateOptions | None = None,
    segments: Sequence[Segment] = (),
) -> list[Template]:
    options = options or TemplateOptions()
    doc_types = analysis.type_probabilities()
    reported = [t for t in INCIDENT_TYPES if doc_types[t] >= options.type_threshold]
    if not reported:
        return []
    members: dict[str, list[TaggedEntity]] = {kind: [] for kind in reported}
    for entity in tagged_entities(text, analysis, options):
        local = analysis.types_at(entity.start, entity.end)
        members[max(reported, key=lambda t: local[t])].append(entity)
    templates = []
    for kind in reported:
        if options.split_by_incidents and segments:
            templates.extend(_split(kind, members[kind], segments))
        else:
            templates.append(_template(kind, members[kind]))
    return templates
