"""events / alerts / waves / event on the project's sample corpus (a bombing and its backlash)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

from tensionwatch.cli import app

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


def run(args: list[str], db: Path) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    path = tmp_path_factory.mktemp("events") / "tw.db"
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    assert run(["ingest", *files], path).exit_code == 0
    assert run(["extract"], path).exit_code == 0
    return path


def test_events_cli_merges_reports_and_links_backlash(db: Path) -> None:
    result = run(["events", "--json"], db)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    events = payload["events"]
    assert len(events) < payload["incidents"]  # several articles report the bombing
    bombing = max(events, key=lambda e: len(e["article_ids"]))
    assert bombing["type"] == "bombing" and len(bombing["article_ids"]) >= 2
    assert payload["links"], "backlash incidents must link to the bombing"
    assert {link["trigger_id"] for link in payload["links"]} == {bombing["id"]}
    again = json.loads(run(["events", "--json"], db).stdout)  # incremental: ids are stable
    assert {e["id"] for e in again["events"]} == {e["id"] for e in events}

    shown = run(["event", bombing["id"]], db)
    assert shown.exit_code == 0 and "source" in shown.stdout
    assert run(["event", "nope"], db).exit_code == 4


def test_events_cli_alerts_and_waves(db: Path) -> None:
    run(["events"], db)
    alerts = run(["alerts", "--today", "2025-03-21", "--lookback", "14", "--json"], db)
    assert alerts.exit_code == 0, alerts.output
    for alert in json.loads(alerts.stdout):
        assert alert["observed"] > alert["expected"]
        assert alert["window_start"] <= alert["window_end"] <= "2025-03-21"
    waves = json.loads(run(["waves", "--json"], db).stdout)
    assert waves and waves[0]["total"] >= 1
