"""``tensionwatch eval`` in-process, with a fake extractor (no spaCy model)."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from tensionwatch.cli import eval_cmd
from tensionwatch.cli.context import CliState
from tensionwatch.config import Settings
from tensionwatch.evaluate.common import Report
from tensionwatch.evaluate.metrics import Accuracy

GOLD = {
    "articles": {
        "a.txt": {
            "published": "2024-03-25",
            "incidents": [{"key": "k", "type": "assault", "event_key": "k"}],
        }
    },
    "links": [],
}


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root(ctx: typer.Context) -> None:
        ctx.obj = CliState(settings=Settings.from_env(None))

    eval_cmd.register(app)
    return app


@pytest.fixture
def gold_folder(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (folder / "a.txt").write_text(" date 2024-03-25 A man was beaten.", encoding="utf-8")
    return folder


@pytest.fixture
def fake(monkeypatch, make_incident, fake_extractor):
    extract = fake_extractor({"a.txt": [make_incident("assault", id="p")]})
    monkeypatch.setattr(eval_cmd, "load_extract_fn", lambda: extract)
    return extract


def invoke(app, args):
    return CliRunner().invoke(app, ["eval", *args], catch_exceptions=False)


def test_eval_cli_gold_json_and_written_predictions(app, gold_folder, fake, tmp_path):
    out = tmp_path / "preds.jsonl"
    result = invoke(app, ["gold", str(gold_folder), "--json", "--write-predictions", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == "gold"
    assert report["prf"]["incident"]["f1"] == 1.0 and report["prf"]["type"]["r_den"] == 1
    assert fake.calls[0][0] == "A man was beaten."
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["article"]["id"] == "a.txt"
    # the written file scores the same without the extractor
    again = invoke(app, ["gold", str(gold_folder), "--json", "--predictions", str(out)])
    assert json.loads(again.stdout)["prf"] == report["prf"]


def test_eval_cli_table(app, gold_folder, fake):
    result = invoke(app, ["gold", str(gold_folder)])
    assert result.exit_code == 0
    assert "incident" in result.stdout and "100.00%" in result.stdout


def test_eval_cli_muc4_predictions_file(app, tmp_path):
    folder = tmp_path / "muc4" / "normalized"
    folder.mkdir(parents=True)
    template = {
        "incident_type": "attack",
        "PerpInd": [],
        "PerpOrg": [],
        "Target": [],
        "Victim": [[["cerezo", 5]]],
        "Weapon": [],
    }
    record = {"id": "TST1-MUC3-0001", "text": "X", "date": None, "gtt_templates": [template]}
    (folder / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    preds = tmp_path / "preds.json"
    pred = {
        "incident_type": "attack",
        "Victim": [["CEREZO"]],
        "PerpInd": [],
        "PerpOrg": [],
        "Target": [],
        "Weapon": [],
    }
    preds.write_text(json.dumps({"10001": {"pred_templates": [pred]}}), encoding="utf-8")
    result = invoke(app, ["muc4", str(tmp_path / "muc4"), "--predictions", str(preds), "--json"])
    report = json.loads(result.stdout)
    assert report["prf"]["gtt.micro"]["f1"] == 1.0
    assert report["info"] == {
        "documents": 1,
        "gold_templates": 1,
        "predicted_templates": 1,
        "split": "dev",
    }


def test_eval_cli_errors_have_exit_codes(app, tmp_path):
    missing = invoke(app, ["gold", str(tmp_path / "nowhere")])
    assert missing.exit_code == eval_cmd.EXIT_NOT_FOUND
    assert "TW401" in missing.stderr
    held_out = invoke(app, ["muc4", str(tmp_path), "--split", "test"])
    assert held_out.exit_code == eval_cmd.EXIT_NOT_FOUND and "TW403" in held_out.stderr
    bad_split = CliRunner().invoke(app, ["eval", "muc4", str(tmp_path), "--split", "x"])
    assert bad_split.exit_code == 2


def test_eval_cli_render_accuracy_table():
    report = Report("gva", accuracy={"killed": Accuracy(3, 4)}, info={"articles": 4})
    (table,) = eval_cmd.render(report)
    assert table.title == "gva (articles 4)"
    assert [c.header for c in table.columns] == ["field", "accuracy", "correct", "total"]
    assert list(table.columns[1].cells) == ["75.00%"]


def test_eval_cli_take_is_deterministic():
    items = list(range(10))
    assert eval_cmd._take(items, 3, None) == [0, 1, 2]
    assert eval_cmd._take(items, 3, 1) == eval_cmd._take(items, 3, 1)
    assert eval_cmd._take(items, 30, 1) == items
