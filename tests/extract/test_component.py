"""The extractor as a registered spaCy component in a pipeline the user builds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.util import registry

import tensionwatch.extract.factories as factories
from tensionwatch.extract.pipeline import model_location

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

REGISTRY = Path(__file__).resolve().parents[1] / "registry.json"


def test_component_registered_names_are_pinned() -> None:
    pinned = json.loads(REGISTRY.read_text(encoding="utf-8"))
    assert factories.FACTORY_NAME in pinned["factories"]
    assert registry.factories.get(factories.FACTORY_NAME) is not None


def test_component_in_a_user_pipeline(extractor: Extractor) -> None:
    nlp = spacy.load(model_location())
    nlp.add_pipe(factories.FACTORY_NAME)
    doc = nlp("A Tajik courier was beaten with brass knuckles in Moscow on Friday.")
    (incident,) = doc._.tw_incidents
    assert incident.type.value == "assault"
    assert incident.victims[0].nationality == "Tajik"
    assert [s.text for s in doc.spans["tw_weapons"]] == ["brass knuckles"]
    assert "beaten" in [s.text for s in doc.spans["tw_triggers"]]


def test_component_python_api_one_call(extractor: Extractor) -> None:
    from tensionwatch import extract

    # The package module is callable at runtime (its class is swapped); mypy sees a module.
    incidents = extract(  # type: ignore[operator]
        "On Saturday two men stabbed a Kurdish shopkeeper in Hanau.",
        published="2024-06-14",
        extractor=extractor,
    )
    (incident,) = incidents
    assert incident.type.value == "armed_attack"
    assert incident.date is not None and incident.date.end.isoformat() == "2024-06-08"
    assert incident.places[0].country == "DE"
