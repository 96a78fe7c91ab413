"""Articles: idempotent ingestion, reading back, and what is pending extraction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from tensionwatch.store import AddResult, ExtractionStatus, Store

from .builders import Build


def test_repository_add_articles_is_idempotent_within_and_across_batches(
    store: Store, build: Build
) -> None:
    one, two, three = build.article(1), build.article(2), build.article(3)

    first = store.add_articles([one, two, one])
    second = store.add_articles(iter([two, three, one]))

    assert first == AddResult(added=2, existing=1, added_ids=["art001", "art002"])
    assert second == AddResult(added=1, existing=2, added_ids=["art003"])
    assert store.count_articles() == 3


def test_repository_add_articles_empty_batch_adds_nothing(store: Store) -> None:
    assert store.add_articles([]) == AddResult(added=0, existing=0, added_ids=[])
    assert store.count_articles() == 0


def test_repository_get_article_round_trips_every_field(store: Store, build: Build) -> None:
    article = build.article(1, text="Привет, Москва. A second sentence.")
    store.add_articles([article])

    assert store.get_article("art001") == article
    assert store.get_article("missing") is None


def test_repository_add_articles_stamps_missing_ingested_at(store: Store, build: Build) -> None:
    before = datetime.now(UTC)
    store.add_articles([build.article(1, ingested_at=None)])

    stored = store.get_article("art001")

    assert stored is not None and stored.ingested_at is not None
    assert before.replace(microsecond=0) <= stored.ingested_at <= datetime.now(UTC)


def test_repository_pending_articles_orders_by_ingestion_and_honours_results(
    store: Store, build: Build
) -> None:
    # Ingested in the order 3, 1, 2.
    late = build.article(1, ingested_at=build.base_time.replace(hour=10))
    later = build.article(2, ingested_at=build.base_time.replace(hour=11))
    early = build.article(3, ingested_at=build.base_time.replace(hour=9))
    store.add_articles([late, later, early])
    assert [a.id for a in store.pending_articles("v1")] == ["art003", "art001", "art002"]
    assert [a.id for a in store.pending_articles("v1", limit=2)] == ["art003", "art001"]

    store.replace_incidents("art001", [build.incident(late, 1)], "v1")
    store.replace_incidents("art003", [], "v1")  # nothing found is still a result
    store.record_failure("art002", "v1", "parser crashed")

    assert [a.id for a in store.pending_articles("v1")] == ["art002"]
    assert [a.id for a in store.pending_articles("v2")] == ["art003", "art001", "art002"]
    failures = store.list_extractions(status=ExtractionStatus.FAILED)
    assert [(f.article_id, f.extractor_version, f.error) for f in failures] == [
        ("art002", "v1", "parser crashed")
    ]
    ok = store.list_extractions(status="ok", extractor_version="v1")
    assert sorted((r.article_id, r.n_incidents) for r in ok) == [("art001", 1), ("art003", 0)]


def test_repository_record_failure_after_success_makes_article_pending_again(
    store: Store, build: Build
) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(article.id, [build.incident(article, 1)], "v1")

    store.record_failure(article.id, "v1", "timeout")

    assert [a.id for a in store.pending_articles("v1")] == ["art001"]
    assert [i.id for i in store.incidents_for_article(article.id)] == ["art001-1"]


def test_repository_get_article_round_trips_missing_optional_fields(
    store: Store, build: Build
) -> None:
    article = replace(build.article(1), published=None, url=None, title=None)
    store.add_articles([article])

    assert store.get_article(article.id) == article
