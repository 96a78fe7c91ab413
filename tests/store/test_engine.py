"""Opening databases: SQLite tuning, bad locations, closed stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from tensionwatch.errors import StoreError
from tensionwatch.store import Store, open_store

from .builders import Build

# Bytes 18 and 19 of a SQLite file are the write/read format versions: 2 means WAL.
WAL_HEADER = b"\x02\x02"


def test_engine_sqlite_file_uses_wal(tmp_path: Path, build: Build) -> None:
    path = tmp_path / "tw.db"
    with open_store(str(path)) as store:
        store.add_articles([build.article(1)])

        assert path.read_bytes()[18:20] == WAL_HEADER
        assert (tmp_path / "tw.db-wal").exists()


def test_engine_sqlite_enforces_foreign_keys_on_every_connection(
    tmp_path: Path, build: Build
) -> None:
    with open_store(str(tmp_path / "tw.db")) as store:
        for _ in range(3):  # each call checks a connection out of the pool
            with pytest.raises(StoreError) as caught:
                store.record_failure("no-such-article", "v1", "boom")
            assert caught.value.code == "TW303"
            assert "FOREIGN KEY" in caught.value.message
        assert store.list_extractions() == []


def test_engine_in_memory_sqlite_keeps_data_across_calls(build: Build) -> None:
    with open_store("sqlite://") as store:
        store.add_articles([build.article(1)])

        assert store.count_articles() == 1
        assert store.dialect == "sqlite"


def test_engine_accepts_sqlalchemy_url_and_plain_path_alike(tmp_path: Path, build: Build) -> None:
    path = tmp_path / "tw.db"
    with open_store(str(path)) as store:
        store.add_articles([build.article(1)])

    with open_store(f"sqlite:///{path}") as store:
        assert store.count_articles() == 1
        assert store.url == f"sqlite:///{path}"


def test_engine_bad_path_gives_store_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "tw.db"

    with pytest.raises(StoreError) as caught:
        open_store(str(missing))

    assert caught.value.code == "TW301"
    assert f"cannot open database file {missing}" in caught.value.message


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("nosuchdb+driver://host/db", "cannot use"),
        ("postgresql+psycopg://tw:secret@127.0.0.1:1/tw", "cannot open"),
    ],
    ids=["unknown-dialect", "unreachable-server"],
)
def test_engine_unusable_url_gives_store_error_without_password(url: str, fragment: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)

    assert caught.value.code == "TW301"
    assert fragment in caught.value.message
    assert "secret" not in caught.value.message


def test_engine_closed_store_refuses_work(store: Store) -> None:
    store.close()

    with pytest.raises(StoreError) as caught:
        store.count_articles()

    assert "closed" in caught.value.message


def test_engine_two_stores_on_one_file_see_each_other(tmp_path: Path, build: Build) -> None:
    path = str(tmp_path / "tw.db")
    with open_store(path) as writer, open_store(path) as reader:
        writer.add_articles([build.article(1)])
        assert reader.count_articles() == 1

        reader.add_articles([build.article(2)])
        assert [a.id for a in writer.pending_articles("v1")] == ["art001", "art002"]
