"""Builders shared by the evaluation tests: hand-made incidents and a fake extractor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tensionwatch.evaluate.common import find_data_root
from tensionwatch.models import (
    Actor,
    ActorKind,
    Count,
    EventDate,
    Incident,
    IncidentType,
    Place,
    Qualifier,
    Role,
    Target,
    Weapon,
)


def _make_actor(text: str, role: str = "victim", kind: str = "individual", **kw: Any) -> Actor:
    return Actor(text=text, role=Role(role), kind=ActorKind(kind), **kw)


def _make_incident(type: str = "armed_attack", id: str = "i1", **kw: Any) -> Incident:
    """An incident from short arguments: strings for actors/weapons/targets, ints for counts."""
    conv: dict[str, Any] = {}
    for key, role in (
        ("perpetrators", "perpetrator"),
        ("suspects", "suspect"),
        ("victims", "victim"),
        ("claimed_by", "claimant"),
        ("arrests", "arrested"),
    ):
        if key in kw:
            conv[key] = tuple(
                a if isinstance(a, Actor) else _make_actor(a, role) for a in kw.pop(key)
            )
    if "weapons" in kw:
        conv["weapons"] = tuple(
            w if isinstance(w, Weapon) else Weapon(text=w, category="other")
            for w in kw.pop("weapons")
        )
    if "targets" in kw:
        conv["targets"] = tuple(Target(text=t, category="building") for t in kw.pop("targets"))
    if "places" in kw:
        conv["places"] = tuple(
            p if isinstance(p, Place) else Place(name=p) for p in kw.pop("places")
        )
    for key in ("killed", "injured"):
        if isinstance(kw.get(key), int):
            conv[key] = Count(value=kw.pop(key), qualifier=Qualifier.EXACT)
    if isinstance(kw.get("date"), date):
        day = kw.pop("date")
        conv["date"] = EventDate(start=day, end=day, precision="day")  # type: ignore[arg-type]
    return Incident(id=id, article_id="a", type=IncidentType(type), **conv, **kw)


FakeExtract = Callable[..., Sequence[Incident]]


def _fake_extractor(by_id: Mapping[str, Sequence[Incident]]) -> FakeExtract:
    """An extract_fn answering from a table keyed by article id (records what it was given)."""
    calls: list[tuple[str, date | None, str]] = []

    def extract(
        text: str, published: date | None, article_id: str, title: str | None = None
    ) -> Sequence[Incident]:
        calls.append((text, published, article_id) + ((title,) if title is not None else ()))
        return list(by_id.get(article_id, ()))

    extract.calls = calls  # type: ignore[attr-defined]
    return extract


@pytest.fixture
def make_actor() -> Callable[..., Actor]:
    return _make_actor


@pytest.fixture
def make_incident() -> Callable[..., Incident]:
    return _make_incident


@pytest.fixture
def fake_extractor() -> Callable[[Mapping[str, Sequence[Incident]]], FakeExtract]:
    return _fake_extractor


@pytest.fixture
def data_root() -> Path:
    root = find_data_root()
    if root is None:
        pytest.skip(
            "shared data not found: set TENSIONWATCH_SHARED_DATA or check out ../shared/data"
        )
    return root
