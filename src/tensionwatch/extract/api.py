"""``tensionwatch.extract(text, published=...)``: the one-call Python API."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from tensionwatch.errors import ExtractionError
from tensionwatch.extract.pipeline import Extractor
from tensionwatch.models import Incident, article_id


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The process-wide default pipeline: a loaded model, not a cache of results.

    Pass your own ``Extractor`` to ``extract`` to control options or to avoid sharing.
    """
    return Extractor()


def extract(
    text: str,
    published: date | str | None = None,
    *,
    url: str | None = None,
    extractor: Extractor | None = None,
) -> list[Incident]:
    """Incidents described in ``text``; relative dates resolve against ``published``."""
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published[:10])
        except ValueError as exc:
            raise ExtractionError(
                f"published {published!r} is not an ISO date", code="TW202"
            ) from exc
    engine = extractor or default_extractor()
    return engine.extract(text, published, article_id(text, url))
