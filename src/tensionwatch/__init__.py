"""tensionwatch: news reports in, a source-linked database of violent incidents out."""

from __future__ import annotations

from tensionwatch.models import (
    Actor,
    Alert,
    Article,
    Bias,
    Count,
    Event,
    EventDate,
    Evidence,
    Incident,
    Link,
    Place,
    Target,
    Weapon,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Alert",
    "Article",
    "Bias",
    "Count",
    "Event",
    "EventDate",
    "Evidence",
    "Incident",
    "Link",
    "Place",
    "Target",
    "Weapon",
    "__version__",
]
