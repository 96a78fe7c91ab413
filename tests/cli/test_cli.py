"""The CLI end to end on a temporary SQLite database: ingest → extract → show → export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

from tensionwatch.cli import app

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

ARTICLE = (
    " date 2024-06-14 Three men beat a Tajik construction worker with metal pipes in Kazan on "
    "Tuesday, police said. The victim was taken to hospital. Police arrested two suspects.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps(
            {
                "text": "A bomb exploded at a bus stop in Kabul, killing at least 12 people.",
                "date": "2024-06-10",
                "url": "https://example.org/b",
            }
        )
        + "\n{broken json\n",
        encoding="utf-8",
    )
    (folder / "c.bin").write_bytes(b"\x00\x01\x02binary")
    return folder


def run(args: list[str], db: Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args], input=stdin, catch_exceptions=False)


def test_cli_ingest_counts_good_and_bad_records(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "tw.db"
    result = run(["ingest", str(corpus), str(corpus / "c.bin"), "--json"], db)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 2
    codes = {p["code"] for p in summary["problems"]}
    assert {"TW105", "TW101"} <= codes
    assert any("b.jsonl:2" in p["source"] for p in summary["problems"])
    again = json.loads(run(["ingest", str(corpus), "--json"], db).stdout)
    assert again["ingested"] == 0 and again["already_stored"] == 2


def test_cli_ingest_nothing_exits_nonzero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = run(["ingest", str(empty)], tmp_path / "tw.db")
    assert result.exit_code == 1
    assert "TW103" in result.output


def test_cli_ingest_stdin(tmp_path: Path) -> None:
    result = run(
        ["ingest", "-", "--published", "2024-06-14", "--json"], tmp_path / "tw.db", stdin=ARTICLE
    )
    assert json.loads(result.stdout)["ingested"] == 1


@pytest.mark.model
def test_cli_extract_show_export(corpus: Path, tmp_path: Path, extractor: Extractor) -> None:
    db = tmp_path / "tw.db"
    run(["ingest", str(corpus)], db)
    result = run(["extract", "--json"], db)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 2 and summary["incidents"] >= 2
    assert json.loads(run(["extract", "--json"], db).stdout)["articles"] == 0  # nothing pending

    listed = json.loads(run(["show", "--json"], db).stdout)
    kinds = {i["type"] for i in listed}
    assert {"assault", "bombing"} <= kinds
    assault = next(i for i in listed if i["type"] == "assault")
    assert assault["victims"][0]["nationality"] == "Tajik"
    assert assault["date"]["start"] == "2024-06-11"

    detail = run(["show", assault["id"]], db)
    assert detail.exit_code == 0
    assert "metal pipes" in detail.stdout and "Tajik" in detail.stdout
    assert run(["show", "nope"], db).exit_code == 4

    filtered = json.loads(run(["show", "--type", "bombing", "--json"], db).stdout)
    assert [i["type"] for i in filtered] == ["bombing"]
    assert filtered[0]["killed"]["qualifier"] == "at_least"

    out = tmp_path / "x.csv"
    assert run(["export", "--format", "csv", "-o", str(out)], db).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(listed)
    assert {r["fatalities"] for r in rows} >= {"12"}
    lines = run(["export", "--format", "jsonl"], db).stdout.strip().splitlines()
    assert all(json.loads(line)["schema_version"] == 1 for line in lines)


@pytest.mark.model
def test_cli_extract_file_json_contract(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert set(doc) == {"schema_version", "article", "incidents"}
    assert doc["article"]["published"] == "2024-06-14"
    (incident,) = doc["incidents"]
    expected_keys = {
        "id",
        "type",
        "is_terrorism",
        "date",
        "places",
        "perpetrators",
        "victims",
        "suspects",
        "arrests",
        "claimed_by",
        "targets",
        "weapons",
        "killed",
        "injured",
        "bias",
        "confidence",
        "extractor_version",
    }
    assert expected_keys <= set(incident)
    assert set(incident["bias"]) >= {"motivated", "characteristic", "groups", "motive", "evidence"}
    weapon = incident["weapons"][0]
    assert weapon["category"] == "blunt"
    start, end = weapon["evidence"][0]["start"], weapon["evidence"][0]["end"]
    assert ARTICLE.split(" ", 3)[3][start:end] == weapon["text"] == "metal pipes"
