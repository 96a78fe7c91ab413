from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate import gold
from tensionwatch.models import Count, Qualifier

GOLD_JSON = {
    "articles": {
        "a.txt": {
            "published": "2024-03-25",
            "incidents": [
                {
                    "key": "crocus",
                    "type": "mass_casualty_attack",
                    "is_terrorism": True,
                    "places": [{"name": "Crocus City Hall", "resolved": "Moscow", "country": "RU"}],
                    "date": {"precision": "on_or_before", "end": "2024-03-25"},
                    "killed": {"value": 137, "qualifier": "exact"},
                    "injured": {"value": 180, "qualifier": "more_than"},
                    "claimed_by": ["an affiliate of the Islamic State group"],
                    "suspects": [{"text": "Tajik nationals", "nationality": "Tajik"}],
                    "event_key": "crocus",
                },
                {
                    "key": "courier",
                    "type": "assault",
                    "victims": [
                        {
                            "text": "a Tajik food courier",
                            "nationality": "Tajik",
                            "occupation": "food courier",
                        }
                    ],
                    "perpetrators": [
                        {
                            "text": "young Russian nationalists",
                            "kind": "group",
                            "nationality": "Russian",
                        }
                    ],
                    "weapons": [{"text": "brass knuckles", "category": "brass_knuckles"}],
                    "bias": {"motivated": True, "groups": ["Tajik"]},
                    "event_key": "courier",
                },
            ],
        }
    },
    "links": [["courier", "crocus"]],
}


@pytest.fixture
def gold_folder(tmp_path):
    (tmp_path / "gold.json").write_text(json.dumps(GOLD_JSON), encoding="utf-8")
    (tmp_path / "a.txt").write_text(" date 2024-03-25 Text of the article.", encoding="utf-8")
    return tmp_path


def test_gold_split_header():
    assert gold.split_header(" date 2024-03-25 In the wake") == (date(2024, 3, 25), "In the wake")
    assert gold.split_header("No header") == (None, "No header")


def test_gold_load(gold_folder):
    gold_set = gold.load_gold(gold_folder)
    (article,) = gold_set.articles
    assert (article.name, article.published, article.text) == (
        "a.txt",
        date(2024, 3, 25),
        "Text of the article.",
    )
    crocus = article.incidents[0].incident
    assert crocus.injured == Count(180, Qualifier.MORE_THAN)
    assert crocus.claimed_by[0].text == "an affiliate of the Islamic State group"
    assert crocus.suspects[0].role.value == "suspect"
    assert gold_set.links == {("courier", "crocus")}
    assert [p.name for p in gold.gold_files(gold_folder)] == ["gold.json", "a.txt"]


def test_gold_missing_article_file(gold_folder):
    (gold_folder / "a.txt").unlink()
    with pytest.raises(EvaluationError) as err:
        gold.load_gold(gold_folder)
    assert err.value.code == "TW401"


def test_gold_scores_gold_as_perfect(gold_folder):
    gold_set = gold.load_gold(gold_folder)
    predictions = {"a.txt": [g.incident for g in gold_set.articles[0].incidents]}
    report = gold.score_predictions(gold_set, predictions)
    for name, prf in report.prf.items():
        if prf.r_den:
            assert prf.f1 == 1.0, name
    assert report.prf["incident"].r_den == 2
    assert report.prf["victims.nationality"].r_den == 1  # only the courier has victims


def test_gold_partial_prediction_by_hand(gold_folder, make_actor, make_incident):
    gold_set = gold.load_gold(gold_folder)
    courier = make_incident(
        "armed_attack",  # wrong type, but the Tajik victim makes it match the courier
        id="p1",
        victims=[make_actor("a courier", nationality="Tajik", occupation="courier")],
        perpetrators=[make_actor("Russian nationalists", "perpetrator", "group")],
    )
    spurious = make_incident("arson", id="p2", killed=3)
    report = gold.score_predictions(gold_set, {"a.txt": [courier, spurious]})
    prf = report.prf
    # incidents: courier matched (similarity 1), arson has similarity 0 with crocus
    # (different type, no victims, no weapons, killed 3 != 137) -> P 1/2 R 1/2
    assert (prf["incident"].p_num, prf["incident"].p_den, prf["incident"].r_den) == (1, 2, 2)
    # type: armed_attack vs assault wrong, arson spurious, crocus missing -> 0/2, 0/2
    assert (prf["type"].p_num, prf["type"].p_den, prf["type"].r_den) == (0, 2, 2)
    # victims.nationality right (1/1, 1/1); occupation "courier" != "food courier" (0/1, 0/1)
    assert prf["victims.nationality"].f1 == 1.0 and prf["victims.occupation"].f1 == 0.0
    # perpetrators: "russian nationalists" is contained in "young russian nationalists" -> 1/1;
    # the crocus suspects are missing -> recall 1/2
    assert (prf["perpetrators"].precision, prf["perpetrators"].recall) == (1.0, 0.5)
    # killed: spurious 3 (p_den 1) and crocus 137 missing (r_den 1)
    assert (prf["killed"].p_num, prf["killed"].p_den, prf["killed"].r_den) == (0, 1, 1)


def test_gold_dedup_and_link_hooks(gold_folder, make_incident):
    gold_set = gold.load_gold(gold_folder)
    crocus = make_incident("mass_casualty_attack", id="c", killed=137)
    courier = make_incident("assault", id="k")
    noise = make_incident("vandalism", id="n")
    report = gold.score_predictions(
        gold_set,
        {"a.txt": [crocus, courier, noise]},
        cluster_fn=lambda incidents, published: [0] * len(incidents),  # everything one event
        link_fn=lambda incidents, labels, published: [("k", "c"), ("n", "c")],
    )
    # matched predictions: c -> crocus, k -> courier, both in cluster 0:
    # B-cubed P 1/2 each, R 1 each; pairwise 1 predicted pair, 0 gold pairs
    assert report.prf["events"].precision == 0.5
    assert report.prf["events"].recall == 1.0
    assert report.prf["events.pairwise"].p_den == 1 and report.prf["events.pairwise"].p_num == 0
    # links: (courier, crocus) right; n is unmatched -> (?incident:n, crocus) wrong: P 1/2 R 1/1
    links = report.prf["links"]
    assert (links.p_num, links.p_den, links.r_den) == (1, 2, 1)


def test_gold_evaluate_with_extractor(gold_folder, fake_extractor):
    gold_set = gold.load_gold(gold_folder)
    extract = fake_extractor({})
    report, predictions = gold.evaluate_gold(gold_set, extract)
    assert extract.calls == [("Text of the article.", date(2024, 3, 25), "a.txt")]
    assert predictions == {"a.txt": []}
    assert report.prf["incident"].r_den == 2 and report.prf["incident"].f1 == 0.0


@pytest.mark.shared
def test_gold_seed_folder(data_root, tmp_path):
    gold_set = gold.load_gold(data_root / "seed")
    (article,) = gold_set.articles
    assert article.text.startswith("In the wake of the devastating terrorist attack")
    assert [g.event_key for g in article.incidents] == [
        "crocus",
        "courier-brass-knuckles",
        "courier-pepper-spray",
        "azerbaijani-man",
    ]
    assert len(gold_set.links) == 3
    report = gold.score_predictions(
        gold_set, {article.name: [g.incident for g in article.incidents]}
    )
    assert report.prf["incident"].f1 == 1.0 and report.prf["killed"].f1 == 1.0
    copy = tmp_path / "seed"
    shutil.copytree(data_root / "seed", copy)
    assert gold.load_gold(copy) == gold_set
