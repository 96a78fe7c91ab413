"""Acceptance: the founding article gives exactly the four incidents of its gold file (issue #2)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import pytest

from tensionwatch.ingest import read_text
from tensionwatch.models import Article, Incident

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

# The seed article, its gold record and the extracted incidents.
Seed: TypeAlias = tuple[Article, dict[str, Any], list[Incident]]


@pytest.fixture(scope="module")
def seed(shared_dir: Path, extractor: Extractor) -> Seed:
    folder = shared_dir / "seed"
    article = read_text((folder / "crocus-backlash.txt").read_text(encoding="utf-8"))
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    incidents = extractor.extract_article(article)
    return article, gold["articles"]["crocus-backlash.txt"], incidents


def _by_key(incidents: list[Incident]) -> dict[str, Incident]:
    keys: dict[str, Incident] = {}
    for incident in incidents:
        if incident.is_terrorism:
            keys["crocus"] = incident
        elif any(w.category == "brass_knuckles" for w in incident.weapons):
            keys["courier-brass-knuckles"] = incident
        elif any(w.category == "chemical_irritant" for w in incident.weapons):
            keys["courier-pepper-spray"] = incident
        elif any(v.nationality == "Azerbaijani" for v in incident.victims):
            keys["azerbaijani-man"] = incident
    return keys


def test_seed_publication_date_read_from_header(seed: Seed) -> None:
    article, gold, _ = seed
    assert article.published == date.fromisoformat(gold["published"]) == date(2024, 3, 25)


def test_seed_exactly_four_incidents(seed: Seed) -> None:
    _, gold, incidents = seed
    assert len(incidents) == len(gold["incidents"]) == 4
    assert set(_by_key(incidents)) == {g["key"] for g in gold["incidents"]}


def test_seed_every_gold_field(seed: Seed) -> None:
    _, gold, incidents = seed
    found = _by_key(incidents)
    for expected in gold["incidents"]:
        got = found[expected["key"]]
        assert got.type.value == expected["type"], expected["key"]
        assert got.is_terrorism is expected["is_terrorism"], expected["key"]
        assert got.date is not None and got.date.precision.value == expected["date"]["precision"]
        assert got.date.end == date.fromisoformat(expected["date"]["end"])
        for gold_place, place in zip(expected["places"], got.places, strict=True):
            assert place.country == gold_place["country"]
            if "name" in gold_place:
                assert place.name == gold_place["name"]
            assert place.resolved == gold_place["resolved"]
            if "precision" in gold_place:
                assert place.precision.value == gold_place["precision"]
        for field in ("killed", "injured"):
            if field in expected:
                count = getattr(got, field)
                assert count.value == expected[field]["value"]
                assert count.qualifier.value == expected[field]["qualifier"]
                if "note" in expected[field]:
                    assert count.note == expected[field]["note"]
            else:  # the article gives no figure: none may be invented
                assert getattr(got, field) is None, (expected["key"], field)
        if "claimed_by" in expected:
            assert [c.text for c in got.claimed_by] == expected["claimed_by"]
        for role in ("victims", "perpetrators", "suspects"):
            gold_actors = expected.get(role, [])
            actors = getattr(got, role)
            assert len(actors) == len(gold_actors), (expected["key"], role)
            for gold_actor, actor in zip(gold_actors, actors, strict=True):
                for attr, value in gold_actor.items():
                    if attr in {"note", "role"}:
                        continue
                    assert getattr(actor, attr) == value, (expected["key"], role, attr)
        if "weapons" in expected:
            assert [(w.text, w.category) for w in got.weapons] == [
                (w["text"], w["category"]) for w in expected["weapons"]
            ]
        bias = expected["bias"]
        assert got.bias.motivated is bias["motivated"], expected["key"]
        if bias["motivated"]:
            assert got.bias.characteristic == bias["characteristic"]
            assert list(got.bias.groups) == bias["groups"]
            assert sorted(got.bias.motive) == sorted(bias["motive"])
        if "link" in expected:
            assert got.retaliation_cues, "explicit retaliation cue must be carried for linking"


def test_seed_every_value_has_evidence_in_the_text(seed: Seed) -> None:
    article, _, incidents = seed
    for incident in incidents:
        spans = [*incident.evidence, *incident.retaliation_cues]
        for group in (
            incident.victims,
            incident.perpetrators,
            incident.suspects,
            incident.claimed_by,
            incident.weapons,
            incident.places,
        ):
            for item in group:
                assert item.evidence, item
                spans.extend(item.evidence)
        for count in (incident.killed, incident.injured):
            if count is not None:
                spans.extend(count.evidence)
        for span in spans:
            assert article.text[span.start : span.end] == span.text


def test_seed_another_refers_back_to_the_courier(seed: Seed) -> None:
    _, _, incidents = seed
    pepper = _by_key(incidents)["courier-pepper-spray"]
    (victim,) = pepper.victims
    assert victim.text == "another"
    assert (victim.nationality, victim.occupation, victim.count) == ("Tajik", "food courier", 1)


def test_seed_crocus_references_stay_with_crocus(seed: Seed) -> None:
    """#2: "the Crocus City Hall attack" late in the text names the terror attack, not the
    backlash assault mentioned just before it."""
    _, _, incidents = seed
    for incident in incidents:
        if incident.is_terrorism:
            continue
        for trigger in incident.evidence:
            assert "Crocus" not in trigger.text
        assert all("Crocus" not in s.text for s in incident.sentences)
