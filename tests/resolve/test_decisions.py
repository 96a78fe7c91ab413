"""Analyst decisions fold into consistent constraints; the newer decision wins."""

from __future__ import annotations

from datetime import datetime

from tensionwatch.resolve import Decision
from tensionwatch.resolve.decisions import resolve_constraints


def test_decisions_merge_is_transitive():
    c = resolve_constraints([Decision.merge(["a", "b"]), Decision.merge(["b", "c"])], "abc")
    assert c.find("a") == c.find("b") == c.find("c")


def test_decisions_newer_split_overrides_older_merge():
    old = Decision.merge(["a", "b", "c"], created_at=datetime(2024, 1, 1))
    new = Decision.split(["a", "b"], ["c"], created_at=datetime(2024, 1, 2))
    c = resolve_constraints([old, new], "abc")
    assert c.find("a") == c.find("b")
    assert c.apart(["a"], ["c"]) and c.apart(["b"], ["c"])


def test_decisions_about_unknown_incidents_are_ignored():
    c = resolve_constraints([Decision.split(["a"], ["zzz"])], "ab")
    assert not c.apart(["a"], ["b"])
    assert c.cannot == frozenset()
