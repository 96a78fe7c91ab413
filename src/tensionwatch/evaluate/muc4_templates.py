"""MUC-4 templates from the trained role tagger's spans and window types.

Why a separate path from :func:`.muc4.incident_to_template`: MUC-4 keys follow annotation
conventions (what counts as a relevant incident, which noun phrase names a target, that a
military clash is not terrorism) that a model trained on the train split learns and rules
written for modern hate-crime reports do not. The adapter keeps both: rules alone when no
tagger is installed, the tagger when it is.

**Entities.** Tagged spans of one role whose mentions normalize to the same string (the
scorers' normalization) are one entity; with ``merge_variants`` so are an acronym given in
parentheses after a name ("national liberation army (eln)") and a singular beside its plural
(off by default: on MUC-4 dev it cost 0.3 F1, since keys often list both as separate
entities). Spans whose mean role probability is under ``min_span_score`` are dropped. An
entity is written as its first mention, since a predicted entity scores only if every mention
it lists belongs to one gold entity.

**Templates.** The rule extractor delimits incidents well (its segmentation knows "in a
separate incident", another town or day) and fills some roles well; the tagger knows MUC-4's
relevance and fills other roles better. So:

- a document reports an incident when some window's type probability reaches
  ``type_threshold``; otherwise it gets no template, whatever the rules found (the rules fire
  on military clashes and other events MUC-4 does not count);
- each rule incident of a MUC-4 type is a template; its fillers of ``tagged_roles`` are
  replaced by the tagger's entities, each given to the incident whose sentences are nearest
  to its first mention;
- when the rules find no incident, the tagger's alone make the templates: one per reported
  type, each entity in the template of the type most likely in the windows around it.

Which roles come from the tagger is measured, not assumed: see the README's accuracy section.
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
    min_span_score: float = 0.7  # mean 1 - P(outside) over the span's pieces
    tagged_roles: tuple[str, ...] = ("PerpOrg", "Target", "Victim")  # the rest: rules
    merge_variants: bool = False  # acronyms and singular/plural of a mention are one entity


@dataclass(frozen=True, slots=True)
class TaggedEntity:
    role: str
    mention: str
    start: int
    end: int
    score: float


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
    merged: set[tuple[str, str]] = set()  # keys that join an earlier entity
    if options.merge_variants:
        aliases = _parenthesized(text, positions)
        keys = list(first)
        for key in keys:
            for other in keys:
                if other == key or other in merged or key[0] != other[0]:
                    continue
                alias = aliases.get(other) == key[1]
                if alias or (_variant(key[1], other[1]) and first[other].start < first[key].start):
                    merged.add(key)
                    break
    return [entity for key, entity in first.items() if key not in merged]


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


def _template(kind: str, entities: Sequence[TaggedEntity]) -> Template:
    return Template(
        kind, {role: tuple((e.mention,) for e in entities if e.role == role) for role in ROLES}
    )


def build_templates(
    text: str, analysis: RoleAnalysis, options: TemplateOptions | None = None
) -> list[Template]:
    """Templates from the tagger alone: one per reported type."""
    options = options or TemplateOptions()
    doc_types = analysis.type_probabilities()
    reported = [t for t in INCIDENT_TYPES if doc_types[t] >= options.type_threshold]
    if not reported:
        return []
    members: dict[str, list[TaggedEntity]] = {kind: [] for kind in reported}
    for entity in tagged_entities(text, analysis, options):
        local = analysis.types_at(entity.start, entity.end)
        members[max(reported, key=lambda t: local[t])].append(entity)
    return [_template(kind, members[kind]) for kind in reported]


@dataclass(frozen=True, slots=True)
class RuleTemplate:
    """A rule incident as a MUC-4 template, with the sentences it was read from."""

    template: Template
    ranges: tuple[tuple[int, int], ...]  # character ranges of its sentences

    def distance(self, start: int) -> int:
        """Characters from ``start`` to the nearest of its sentences (0 inside one)."""
        return min((max(lo - start, start - hi, 0) for lo, hi in self.ranges), default=1 << 30)


def combine_templates(
    text: str,
    analysis: RoleAnalysis,
    rule_templates: Sequence[RuleTemplate],
    options: TemplateOptions | None = None,
) -> list[Template]:
    """Rule templates with the tagger's relevance and roles (module docstring)."""
    options = options or TemplateOptions()
    if max(analysis.type_probabilities().values(), default=0.0) < options.type_threshold:
        return []
    if not rule_templates:
        return build_templates(text, analysis, options)
    roles = [
        {
            role: () if role in options.tagged_roles else rule.template.entities(role)
            for role in ROLES
        }
        for rule in rule_templates
    ]
    for entity in tagged_entities(text, analysis, options):
        if entity.role not in options.tagged_roles:
            continue
        nearest = min(
            range(len(rule_templates)),
            key=lambda i: rule_templates[i].distance(entity.start),
        )
        roles[nearest][entity.role] += ((entity.mention,),)
    return [
        Template(rule.template.incident_type, filled)
        for rule, filled in zip(rule_templates, roles, strict=True)
    ]
