"""Helpers shared by the casualty tests: the main incident of a sentence and its counts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Incident

PUB = date(2023, 5, 12)  # a Friday


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
