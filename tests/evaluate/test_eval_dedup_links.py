"""Deduplication (``gva``, ``gold``) and backlash-link (``gold``) scoring, worked by hand.

The hand cases pass fake ``cluster_fn`` / ``link_fn`` hooks so every number can be checked on
paper; one case per module runs the real resolve/link stages on hand-built incidents; the last
test runs ``eval gold`` on the shared seed with the real extractor.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import typer
from typer.testing import CliRunner

from tensionwatch.cli import eval_cmd
from tensionwatch.cli.context import CliState
from tensionwatch.config import Settings
from tensionwatch.evaluate import gold, gva
from tensionwatch.models import Actor, ActorKind, Place, PlacePrecision, Role

# ----------------------------------------------------------------------------- GVA


def _gva_article(n: int, incident_id: str, day: int = 12) -> gva.GvaArticle:
    record = gva.GvaGold(incident_id, date(2014, 1, day), "Alabama", "Huntsville", 0, 2)
    return gva.GvaArticle(f"r{n}", "t", date(2014, 1, day + 1), f"text {n}", (record,))


# a1, a2, a3 report incident 1, a4 incident 2, a5 incident 3 (with nothing extracted)
ARTICLES = [
    _gva_article(1, "1"),
    _gva_article(2, "1"),
    _gva_article(3, "1"),
    _gva_article(4, "2"),
    _gva_article(5, "3"),
]
CLUSTER_OF = {"r1": "X", "r2": "X", "r3": "Y", "r4": "X"}


def test_gva_dedup_by_hand(make_incident):
    predictions = {
        "r1": [make_incident(id="small", injured=1), make_incident(id="main", injured=2)],
        "r2": [make_incident(id="b")],
        "r3": [make_incident(id="c")],
        "r4": [make_incident(id="d")],
        "r5": [],
    }
    seen = []

    def cluster_fn(incidents, published):
        seen.append((list(incidents), dict(published)))
        # article ids were set to the GVA record ids, so they can pick the cluster
        return [CLUSTER_OF[i.article_id] for i in incidents]

    scores, info = gva.score_dedup(ARTICLES, predictions, cluster_fn)
    ((incidents, published),) = seen
    assert [i.id for i in incidents] == ["main", "b", "c", "d"]  # main incidents only
    assert published["r1"] == date(2014, 1, 13)
    # items (gold, cluster): r1 (1,X) r2 (1,X) r3 (1,Y) r4 (2,X) r5 (3,singleton)
    # B-cubed P: 2/3 + 2/3 + 1 + 1/3 + 1 = 11/3 over 5; R: 2/3 + 2/3 + 1/3 + 1 + 1 = 11/3
    assert scores["bcubed"].precision == pytest.approx(11 / 15)
    assert scores["bcubed"].recall == pytest.approx(11 / 15)
    # pairs: predicted 3 (X), gold 3 (incident 1), both 1 (r1-r2)
    pairwise = scores["pairwise"]
    assert (pairwise.p_num, pairwise.p_den, pairwise.r_den) == (1, 3, 3)
    assert info == {"events": 3, "true_incidents": 3}  # X, Y and r5's singleton


def test_gva_dedup_articles_without_incident_are_singletons():
    scores, info = gva.score_dedup(ARTICLES[:3], {}, lambda incidents, published: [])
    # nothing extracted: three singletons for one true incident
    assert scores["bcubed"].precision == 1.0
    assert scores["bcubed"].recall == pytest.approx(1 / 3)
    assert scores["pairwise"].p_den == 0 and scores["pairwise"].r_den == 3
    assert info == {"events": 3, "true_incidents": 1}


def test_gva_dedup_repeated_incident_ids_are_kept_apart(make_incident):
    seen = []

    def cluster_fn(incidents, published):
        seen.extend(i.id for i in incidents)
        return ["one"] * len(incidents)

    same = make_incident(id="dup")
    gva.score_dedup(ARTICLES[:2], {"r1": [same], "r2": [same]}, cluster_fn)
    assert seen == ["dup", "dup#2"]


def _huntsville(make_incident, id: str, day: int, injured: int = 2):
    place = Place(
        "Huntsville",
        resolved="Huntsville",
        country="US",
        admin1="US-AL",
        precision=PlacePrecision.CITY,
    )
    return make_incident(id=id, date=date(2014, 1, day), places=[place], injured=injured)


def test_gva_dedup_with_the_resolve_stage(make_incident):
    # r1-r3 report one shooting (same day, city, counts); r4 one a week later
    predictions = {
        "r1": [_huntsville(make_incident, "a", 12)],
        "r2": [_huntsville(make_incident, "b", 12)],
        "r3": [_huntsville(make_incident, "c", 12)],
        "r4": [_huntsville(make_incident, "d", 19, injured=5)],
    }
    report = gva.score_predictions(ARTICLES[:4], predictions)
    assert report.prf["bcubed"].f1 == 1.0 and report.prf["pairwise"].f1 == 1.0
    assert (report.info["events"], report.info["true_incidents"]) == (2, 2)


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root(ctx: typer.Context) -> None:
        ctx.obj = CliState(settings=Settings.from_env(None))

    eval_cmd.register(app)
    return app


def test_eval_cli_gva_reports_dedup(app, tmp_path, monkeypatch, make_incident, fake_extractor):
    records = [
        {
            "id": a.id,
            "title": "t",
            "date": "2014-01-13",
            "text": a.text,
            "gold": [
                {
                    "incident_id": a.golds[0].incident_id,
                    "date": "January 12, 2014",
                    "state": "Alabama",
                    "city_or_county": "Huntsville",
                    "num_killed": 0,
                    "num_injured": 2,
                }
            ],
        }
        for a in ARTICLES[:4]
    ]
    path = tmp_path / "all.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    extract = fake_extractor({"r1": [_huntsville(make_incident, "a", 12)]})
    monkeypatch.setattr(eval_cmd, "load_extract_fn", lambda: extract)
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "gva", str(path), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    assert [call[2] for call in extract.calls] == ["r1", "r2", "r3"]  # record id = article id
    report = json.loads(result.stdout)
    for row in ("bcubed", "pairwise"):
        assert {"precision", "recall", "f1"} <= set(report["prf"][row])
    # r1 found an incident, r2 and r3 nothing: three singletons of incident 1
    assert report["prf"]["bcubed"]["recall"] == pytest.approx(1 / 3)
    assert (report["info"]["events"], report["info"]["true_incidents"]) == (3, 1)
    table = runner.invoke(app, ["eval", "gva", str(path), "--limit", "3"])
    assert "bcubed" in table.stdout and "pairwise" in table.stdout and "injured" in table.stdout


# ----------------------------------------------------------------------------- gold


def _victim(nationality: str) -> Actor:
    return Actor(text=f"a {nationality} man", role=Role.VICTIM, nationality=nationality)


def _gold_set(make_incident):
    """A.txt: trigger T and backlash S1; B.txt: T again, S2 and S3; gold links s*→trig."""

    def gi(key: str, event: str, incident) -> gold.GoldIncident:
        return gold.GoldIncident(key, event, incident)

    trig = make_incident("bombing", id="T", killed=9)
    articles = (
        gold.GoldArticle(
            "A.txt",
            date(2024, 3, 25),
            "",
            (
                gi("T", "trig", trig),
                gi("S1", "s1", make_incident("assault", id="S1", victims=[_victim("Tajik")])),
            ),
        ),
        gold.GoldArticle(
            "B.txt",
            date(2024, 3, 27),
            "",
            (
                gi("T", "trig", trig),
                gi("S2", "s2", make_incident("arson", id="S2")),
                gi("S3", "s3", make_incident("kidnapping", id="S3")),
            ),
        ),
    )
    links = frozenset({("s1", "trig"), ("s2", "trig"), ("s3", "trig")})
    return gold.GoldSet(articles, links)


def test_gold_events_and_links_by_hand(make_incident):
    gold_set = _gold_set(make_incident)
    predictions = {
        "A.txt": [
            make_incident("bombing", id="ta", killed=9),
            make_incident("assault", id="s1", victims=[_victim("Tajik")]),
        ],
        "B.txt": [
            make_incident("bombing", id="tb", killed=9),
            make_incident("arson", id="s2"),
            make_incident("robbery", id="x"),  # no gold counterpart (S3 is a kidnapping)
        ],
    }
    events = {"ta": "E1", "tb": "E1", "s1": "E2", "s2": "E3", "x": "E4"}
    given = {}

    def cluster_fn(incidents, published):
        given["published"] = dict(published)
        return [events[i.id] for i in incidents]

    def link_fn(incidents, labels, published):
        given["labels"] = list(labels)
        return [
            ("s1", "tb"),  # trigger event E1 -> trig: (s1, trig) right
            ("s1", "ta"),  # the same mapped pair again: counted once
            ("s2", "ta"),  # (s2, trig) right
            ("x", "ta"),  # unmatched source: wrong
            ("s2", "s1"),  # (s2, s1): no such gold link
        ]

    report = gold.score_predictions(gold_set, predictions, cluster_fn, link_fn)
    assert given["published"] == {"A.txt": date(2024, 3, 25), "B.txt": date(2024, 3, 27)}
    assert given["labels"] == ["E1", "E2", "E1", "E3", "E4"]
    # incidents: 4 matched of 5 predicted and 5 gold
    assert (report.prf["incident"].p_num, report.prf["incident"].p_den) == (4, 5)
    assert report.prf["incident"].r_den == 5
    # events over the 4 matched predictions: (trig,E1) (s1,E2) (trig,E1) (s2,E3) -> perfect
    assert report.prf["events"].f1 == 1.0
    assert report.prf["events.pairwise"].p_den == 1 and report.prf["events.pairwise"].p_num == 1
    assert (report.info["predicted_events"], report.info["gold_events"]) == (4, 4)
    # links: mapped {(s1,trig), (s2,trig), (?x,trig), (s2,s1)}: P 2/4, R 2/3, F1 4/7
    links = report.prf["links"]
    assert (links.p_num, links.p_den, links.r_den) == (2, 4, 3)
    assert links.f1 == pytest.approx(4 / 7)
    assert report.info["predicted_links"] == 5


def test_gold_link_mapping_rules():
    gold_links = frozenset({("s1", "trig"), ("s2", "trig")})
    key_of = {"t": "trig", "m": "zzz", "s1": "s1", "s2": "s2"}
    # event E holds t (trig) and m (zzz): any member may stand for the trigger event
    event_of = {"t": "E", "m": "E", "s1": "F", "s2": "G", "u": "H"}
    right = gold.score_links([("s1", "m")], key_of, event_of, gold_links)
    assert (right.p_num, right.p_den, right.r_num, right.r_den) == (1, 1, 1, 2)
    # no member forms a gold link with the source: the smallest key (s2 -> s1) is wrong
    wrong = gold.score_links([("s2", "s1")], key_of, event_of, gold_links)
    assert (wrong.p_num, wrong.p_den) == (0, 1)
    # a trigger event with no matched member, and an unknown trigger id: distinct and wrong
    ends = gold.score_links([("s1", "u"), ("s1", "nowhere")], key_of, event_of, gold_links)
    assert (ends.p_num, ends.p_den) == (0, 2)
    assert gold.score_links([], key_of, event_of, gold_links).recall == 0.0


def test_gold_hooks_can_be_turned_off(make_incident):
    gold_set = _gold_set(make_incident)
    report = gold.score_predictions(gold_set, {}, cluster_fn=None, link_fn=None)
    assert "events" not in report.prf and "links" not in report.prf


def _actor(text: str, role: Role, nationality: str) -> Actor:
    return Actor(text=text, role=role, kind=ActorKind.GROUP, nationality=nationality)


def test_gold_events_and_links_with_resolve_and_link(make_incident):
    """The default hooks: resolve.cluster then link.link_incidents on hand-built incidents."""
    leeds = Place("Leeds", resolved="Leeds", country="GB", precision=PlacePrecision.CITY)
    bradford = Place("Bradford", resolved="Bradford", country="GB", precision=PlacePrecision.CITY)

    def bombing(id: str):
        return make_incident(
            "bombing",
            id=id,
            is_terrorism=True,
            date=date(2025, 3, 8),
            places=[leeds],
            killed=23,
            suspects=[_actor("three Afghan nationals", Role.SUSPECT, "Afghan")],
        )

    backlash = make_incident(
        "assault",
        id="k",
        date=date(2025, 3, 10),
        places=[bradford],
        victims=[_actor("an Afghan taxi driver", Role.VICTIM, "Afghan")],
    )
    gold_set = gold.GoldSet(
        (
            gold.GoldArticle(
                "01.txt", date(2025, 3, 8), "", (gold.GoldIncident("b", "bomb", bombing("b")),)
            ),
            gold.GoldArticle(
                "02.txt", date(2025, 3, 9), "", (gold.GoldIncident("b", "bomb", bombing("b")),)
            ),
            gold.GoldArticle(
                "03.txt", date(2025, 3, 11), "", (gold.GoldIncident("k", "taxi", backlash),)
            ),
        ),
        frozenset({("taxi", "bomb")}),
    )
    predictions = {"01.txt": [bombing("p1")], "02.txt": [bombing("p2")], "03.txt": [backlash]}
    report = gold.score_predictions(gold_set, predictions)
    # the two bombing reports become one event, the assault another
    assert report.prf["events"].f1 == 1.0 and report.info["predicted_events"] == 2
    assert report.prf["links"].f1 == 1.0


@pytest.mark.shared
@pytest.mark.model
def test_eval_gold_seed_links_with_the_extractor(app, shared_dir, extractor, monkeypatch):
    monkeypatch.setattr(eval_cmd, "load_extract_fn", lambda: extractor.extract)
    result = CliRunner().invoke(app, ["eval", "gold", str(shared_dir / "seed"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    links = report["prf"]["links"]
    assert links["r_den"] == 3
    assert links["recall"] == 1.0, links
    assert "events" in report["prf"] and "incident" in report["prf"]


def test_eval_cli_gold_limit_keeps_only_links_of_chosen_articles(
    app, tmp_path, monkeypatch, fake_extractor
):
    data = {
        "articles": {
            "1.txt": {"incidents": [{"key": "t", "type": "bombing", "event_key": "t"}]},
            "2.txt": {"incidents": [{"key": "s", "type": "assault", "event_key": "s"}]},
        },
        "links": [["s", "t"]],
    }
    (tmp_path / "gold.json").write_text(json.dumps(data), encoding="utf-8")
    for name in ("1.txt", "2.txt"):
        (tmp_path / name).write_text(" date 2024-03-25 Text.", encoding="utf-8")
    monkeypatch.setattr(eval_cmd, "load_extract_fn", lambda: fake_extractor({}))
    runner = CliRunner()
    one = json.loads(
        runner.invoke(app, ["eval", "gold", str(tmp_path), "--limit", "1", "--json"]).stdout
    )
    assert one["prf"]["links"]["r_den"] == 0  # the link's source is in 2.txt, not chosen
    both = json.loads(runner.invoke(app, ["eval", "gold", str(tmp_path), "--json"]).stdout)
    assert both["prf"]["links"]["r_den"] == 1
