"""Batches: a process pool gives the same records; an interrupted batch resumes without loss
or duplicates (the parent writes one transaction per article)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tensionwatch.batch import Pipeline
from tensionwatch.batch.local import extract_parallel
from tensionwatch.extract.pipeline import Extractor, ExtractorOptions
from tensionwatch.models import Article, article_id
from tensionwatch.serialize import to_dict
from tensionwatch.store import open_store

TEXTS = [
    "Three men beat a Tajik courier with metal pipes in Kazan on Tuesday.",
    "A bomb exploded at a bus stop in Kabul, killing at least 12 people.",
    "Vandals smashed the windows of a Turkish bakery in Kassel. No one was hurt.",
]


def _articles() -> list[Article]:
    return [Article(id=article_id(t), text=t, published=date(2024, 6, 14)) for t in TEXTS]


def test_batch_process_pool_matches_single_process(extractor: Extractor) -> None:
    articles = _articles()
    single = {a.id: [to_dict(i) for i in extractor.extract_article(a)] for a in articles}
    pooled = {
        o.article_id: [to_dict(i) for i in o.incidents]
        for o in extract_parallel(articles, ExtractorOptions(), workers=2, chunk_size=1)
    }
    assert pooled == single


def test_batch_interrupted_run_resumes_without_duplicates(
    tmp_path: Path, extractor: Extractor
) -> None:
    with open_store(str(tmp_path / "tw.db")) as store:
        store.add_articles(_articles())
        pipeline = Pipeline(store, extractor=extractor)
        first = pipeline.extract_pending(limit=1)  # the "killed" batch got one article done
        assert first.articles == 1
        rest = pipeline.extract_pending()
        assert rest.articles == 2
        assert pipeline.extract_pending().articles == 0
        stored = list(store.iter_incidents())
        assert len(stored) == first.incidents + rest.incidents
        assert len({i.id for i in stored}) == len(stored)
        assert {i.article_id for i in stored} == {a.id for a in _articles()}
