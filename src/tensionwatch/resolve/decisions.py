"""Analyst decisions: merges and splits that every later run of the clustering respects.

Decisions name *incident* ids, which never change, not event ids, which may: so a decision
still applies after new articles join an event or after a full re-run from scratch. When
decisions contradict each other, the later one (by ``created_at``, then by list order) wins.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from tensionwatch.models import Event


class DecisionKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Decision:
    """``merge``: every listed incident belongs to one event. ``split``: each group is kept
    together and apart from every other group."""

    kind: DecisionKind
    groups: tuple[tuple[str, ...], ...]
    author: str | None = None
    created_at: datetime | None = None
    note: str | None = None

    @classmethod
    def merge(
        cls, *groups: Sequence[str], author: str | None = None, created_at: datetime | None = None
    ) -> Decision:
        return cls(DecisionKind.MERGE, tuple(tuple(g) for g in groups), author, created_at)

    @classmethod
    def split(
        cls, *groups: Sequence[str], author: str | None = None, created_at: datetime | None = None
    ) -> Decision:
        return cls(DecisionKind.SPLIT, tuple(tuple(g) for g in groups), author, created_at)


def merge_events(
    *events: Event, author: str | None = None, created_at: datetime | None = None
) -> Decision:
    """The decision an analyst makes by saying "these events are one"."""
    return Decision.merge(*(e.incident_ids for e in events), author=author, created_at=created_at)


def split_event(
    event: Event,
    detach: Sequence[str],
    *,
    author: str | None = None,
    created_at: datetime | None = None,
) -> Decision:
    """The decision an analyst makes by moving ``detach`` out of ``event`` into a new one."""
    rest = tuple(i for i in event.incident_ids if i not in set(detach))
    return Decision.split(rest, tuple(detach), author=author, created_at=created_at)


@dataclass(frozen=True, slots=True)
class Constraints:
    """Must-link groups (as a root per incident) and cannot-link pairs between roots."""

    root: dict[str, str]
    cannot: frozenset[frozenset[str]]

    def find(self, incident_id: str) -> str:
        return self.root.get(incident_id, incident_id)

    def apart(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """True when some incident of ``a`` must not share an event with one of ``b``."""
        roots_b = {self.find(x) for x in b}
        return any(frozenset((self.find(x), rb)) in self.cannot for x in a for rb in roots_b)


def _pair_rules(decision: Decision) -> list[tuple[str, str, bool]]:
    """(x, y, together) for every pair the decision speaks about."""
    rules: list[tuple[str, str, bool]] = []
    if decision.kind is DecisionKind.MERGE:
        members = sorted({i for g in decision.groups for i in g})
        rules.extend((x, y, True) for x, y in itertools.combinations(members, 2))
        return rules
    for group in decision.groups:
        rules.extend((x, y, True) for x, y in itertools.combinations(sorted(set(group)), 2))
    for g1, g2 in itertools.combinations(decision.groups, 2):
        rules.extend((x, y, False) for x in g1 for y in g2 if x != y)
    return rules


def resolve_constraints(decisions: Sequence[Decision], known: Iterable[str]) -> Constraints:
    """Fold decisions into constraints, newest first, dropping older ones they contradict.

    Only incidents in ``known`` count: a decision about incidents that are not part of this run
    is kept by the caller and applies again once they are.
    """
    known_ids = set(known)
    order = sorted(
        range(len(decisions)),
        key=lambda i: (decisions[i].created_at or datetime.min, i),
        reverse=True,
    )
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    cannot: set[frozenset[str]] = set()  # between incident ids; mapped to roots at the end
    decided: set[frozenset[str]] = set()
    for index in order:
        for x, y, together in _pair_rules(decisions[index]):
            if x not in known_ids or y not in known_ids:
                continue
            pair = frozenset((x, y))
            if pair in decided:  # a newer decision already spoke about this very pair
                continue
            decided.add(pair)
            rx, ry = find(x), find(y)
            if together:
                if rx == ry or any({find(p) for p in c} == {rx, ry} for c in cannot):
                    continue
                parent[ry] = rx
            elif rx != ry:
                cannot.add(pair)
    root = {x: find(x) for x in parent}
    roots_cannot = frozenset(frozenset(find(p) for p in c) for c in cannot)
    return Constraints(root=root, cannot=frozenset(c for c in roots_cannot if len(c) == 2))
