"""Property tests: arbitrary input never raises, and ids are stable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tensionwatch.ingest import IngestOptions, IngestProblem, iter_records, read_text
from tensionwatch.models import Article, article_id

SETTINGS = settings(
    max_examples=60,
    deadline=None,  # the first HTML example imports trafilatura
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
EXTENSIONS = ["txt", "jsonl", "json", "csv", "tsv", "html", "unknown", ""]

JSONISH = st.sampled_from(
    [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b"\n", b"<p>", b"</p>", b"\xff", b" date "]
)
CHUNKS = st.lists(st.one_of(st.binary(max_size=20), JSONISH, st.text(max_size=20).map(str.encode)))


@pytest.mark.parametrize("extension", EXTENSIONS)
@SETTINGS
@given(data=st.one_of(st.binary(max_size=300), CHUNKS.map(b"".join)))
def test_properties_iter_records_never_raises(tmp_path: Path, extension: str, data: bytes) -> None:
    path = tmp_path / (f"input.{extension}" if extension else "input")
    path.write_bytes(data)
    items = list(iter_records([path], IngestOptions(max_bytes=10_000)))
    for item in items:
        assert isinstance(item, Article | IngestProblem)
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.id == article_id(item.text, item.url)
        else:
            assert item.code.startswith("TW1")
            assert item.source.startswith(str(path))


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(), url=st.one_of(st.none(), st.text(max_size=30)))
def test_properties_read_text_never_raises_and_id_is_stable(text: str, url: str | None) -> None:
    article = read_text(text, url=url)
    assert article.id == read_text(text, url=url).id
    assert article.id == article_id(article.text, url)
    assert text.endswith(article.text)
