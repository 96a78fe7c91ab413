"""Extraction results: replace in one transaction, read back exactly, stream for exports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tensionwatch.errors import StoreError
from tensionwatch.models import IncidentType
from tensionwatch.store import Store

from .builders import Build


def test_repository_replace_incidents_round_trips_the_full_record(
    store: Store, build: Build
) -> None:
    article = build.article(1)
    incident = build.incident(article, 1)
    store.add_articles([article])

    store.replace_incidents(article.id, [incident], "v1")

    assert store.get_incident(incident.id) == incident
    assert store.get_incident("missing") is None


def test_repository_incidents_for_article_keep_extraction_order(store: Store, build: Build) -> None:
    article = build.article(1)
    store.add_articles([article])
    found = [build.incident(article, n) for n in (10, 2, 1)]

    store.replace_incidents(article.id, found, "v1")

    assert [i.id for i in store.incidents_for_article(article.id)] == [
        "art001-10",
        "art001-2",
        "art001-1",
    ]
    assert store.incidents_for_article("missing") == []


def test_repository_replace_incidents_with_newer_version_replaces_old_ones(
    store: Store, build: Build
) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(
        article.id, [build.incident(article, 1), build.incident(article, 2)], "v1"
    )

    newer = build.incident(article, 1, type=IncidentType.ARSON, extractor_version="v2")
    store.replace_incidents(article.id, [newer], "v2")

    assert store.incidents_for_article(article.id) == [newer]
    assert store.get_incident("art001-2") is None
    assert store.pending_articles("v2") == []


def test_repository_replace_incidents_failure_leaves_old_incidents_intact(
    store: Store, build: Build
) -> None:
    article = build.article(1)
    store.add_articles([article])
    old = [build.incident(article, 1), build.incident(article, 2)]
    store.replace_incidents(article.id, old, "v1")
    duplicate = build.incident(article, 3, extractor_version="v2")

    with pytest.raises(StoreError) as caught:
        store.replace_incidents(article.id, [duplicate, duplicate], "v2")

    assert caught.value.code == "TW303"
    assert "replace the incidents of article art001" in caught.value.message
    assert store.incidents_for_article(article.id) == old
    assert [a.id for a in store.pending_articles("v2")] == ["art001"]


def test_repository_replace_incidents_rejects_incident_of_another_article(
    store: Store, build: Build
) -> None:
    one, two = build.article(1), build.article(2)
    store.add_articles([one, two])

    with pytest.raises(StoreError) as caught:
        store.replace_incidents(one.id, [build.incident(two, 1)], "v1")

    assert caught.value.code == "TW306"
    assert store.incidents_for_article(two.id) == []


@pytest.mark.parametrize("found", [0, 1], ids=["no-incidents", "one-incident"])
def test_repository_replace_incidents_of_unknown_article_fails_on_foreign_key(
    store: Store, build: Build, found: int
) -> None:
    ghost = build.article(9)
    items = [build.incident(ghost, 1)][:found]

    with pytest.raises(StoreError) as caught:
        store.replace_incidents(ghost.id, items, "v1")

    assert caught.value.code == "TW303"
    assert store.list_extractions() == []


def test_repository_iter_incidents_streams_all_in_id_order(store: Store, build: Build) -> None:
    articles = [build.article(n) for n in (1, 2, 3)]
    store.add_articles(articles)
    for article in articles:
        store.replace_incidents(
            article.id, [build.incident(article, 1), build.incident(article, 2)], "v1"
        )

    streamed = list(store.iter_incidents(batch=4))

    assert [i.id for i in streamed] == sorted(f"art00{a}-{n}" for a in (1, 2, 3) for n in (1, 2))
    assert streamed[0] == build.incident(articles[0], 1)


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_repository_iter_incidents_handles_exact_batch_boundaries(
    store: Store, build: Build, batch: int
) -> None:
    article = build.article(1)
    store.add_articles([article])
    store.replace_incidents(article.id, [build.incident(article, n) for n in (1, 2)], "v1")

    assert [i.id for i in store.iter_incidents(batch=batch)] == ["art001-1", "art001-2"]


def test_repository_incident_without_optional_parts_round_trips(store: Store, build: Build) -> None:
    article = build.article(1)
    store.add_articles([article])
    bare = replace(
        build.incident(article, 1),
        date=None,
        places=(),
        victims=(),
        injured=None,
        weapons=(),
    )

    store.replace_incidents(article.id, [bare], "v1")

    assert store.get_incident(bare.id) == bare
