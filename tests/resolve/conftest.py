"""Hand-built incidents for the deduplication tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tensionwatch.models import (
    Count,
    DatePrecision,
    EventDate,
    Evidence,
    Incident,
    IncidentType,
    Place,
    PlacePrecision,
    Target,
)

KAZAN = Place(
    "Kazan", resolved="Kazan", country="RU", admin1="Tatarstan", precision=PlacePrecision.CITY
)
STREET = Place(
    "Bauman Street",
    resolved="Bauman Street, Kazan",
    country="RU",
    admin1="Tatarstan",
    precision=PlacePrecision.POINT,
)


def make_incident(
    incident_id: str,
    article: str,
    *,
    day: date | None = date(2024, 4, 2),
    kind: IncidentType = IncidentType.ARSON,
    places: tuple[Place, ...] = (STREET, KAZAN),
    target: str | None = None,
    target_category: str = "shop",
    injured: int | None = None,
    killed: int | None = None,
    sentence: str = "",
    **extra: Any,
) -> Incident:
    return Incident(
        id=incident_id,
        article_id=article,
        type=kind,
        date=EventDate(day, day, DatePrecision.DAY) if day else None,
        places=places,
        targets=(Target(target, target_category),) if target else (),
        injured=Count(injured) if injured is not None else None,
        killed=Count(killed) if killed is not None else None,
        sentences=(Evidence(0, len(sentence), sentence),) if sentence else (),
        **extra,
    )


@pytest.fixture
def incident() -> Callable[..., Incident]:
    return make_incident
