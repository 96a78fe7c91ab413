"""tensionwatch: news reports in, a source-linked database of violent incidents out."""

from __future__ import annotations

from tensionwatch import extract  # the package is callable: extract(text, published=...)
from tensionwatch.batch.pipeline import Pipeline
from tensionwatch.extract.pipeline import Extractor, ExtractorOptions
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
    "Evidence",
    "Extractor",
    "ExtractorOptions",
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
