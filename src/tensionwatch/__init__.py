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

from tensionwatch.batch.pipeline import Pipeline
from tensionwatch.extract.api import extract
from tensionwatch.extract.pipeline import Extractor, ExtractorOptions
from tensionwatch.store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Alert",
    "Article",
    "Bias",
    "Count",
    "Event",
    "EventDate",
    "Extractor",
    "ExtractorOptions",
    "Evidence",
    "Incident",
    "Link",
    "Pipeline",
    "Place",
    "Target",
    "Weapon",
    "__version__",
    "extract",
    "open_store",
]
