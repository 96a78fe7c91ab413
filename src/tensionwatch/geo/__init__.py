"""Offline geocoding: a GeoNames gazetteer in memory and the rules that rank its candidates.

```python
gazetteer = Gazetteer.load()                      # once; pass it around
context = context_from_text(article.text, gazetteer)
places = geocode(incident.places, gazetteer, context)
```
"""

from __future__ import annotations

from tensionwatch.geo._sources import street_words
from tensionwatch.geo.context import GeoContext, context_from_text
from tensionwatch.geo.gazetteer import Candidate, Gazetteer, Preferences
from tensionwatch.geo.geocode import geocode

__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoContext",
    "Preferences",
    "context_from_text",
    "geocode",
    "street_words",
]
