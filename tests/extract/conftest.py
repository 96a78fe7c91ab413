"""Helpers shared by the extractor tests: the main incident of a sentence, its counts and
every evidence span it carries."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tensionwatch.models import Evidence
from tensionwatch.serialize import from_dict, to_dict

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Incident

PUB = date(2023, 5, 12)  # a Friday
# a scraped page whose body holds no story: the headline is all there is
NO_STORY = (
    "Sign up for our newsletter to get the best of the city delivered to your inbox. "
    "Already a subscriber? Log in to manage your account settings."
)


def main(extractor: Extractor, text: str) -> Incident:
    """The incident with the most casualties, as the GVA scorer picks it."""
    incidents = extractor.extract(text, PUB)
    assert incidents, text
    return max(
        incidents,
        key=lambda i: sum(c.value for c in (i.killed, i.injured) if c is not None),
    )


def counts(incident: Incident) -> tuple[int | None, int | None]:
    return (
        incident.killed.value if incident.killed else None,
        incident.injured.value if incident.injured else None,
    )


def evidence_of(incident: Incident) -> list[Evidence]:
    found: list[Evidence] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                found.append(from_dict(Evidence, node))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(to_dict(incident))
    return found
