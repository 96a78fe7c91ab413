from __future__ import annotations

import json
from datetime import date

import pytest

from tensionwatch.evaluate import gva
from tensionwatch.models import EventDate, Place

GOLD = gva.GvaGold(
    incident_id="95550",
    date=date(2014, 1, 12),
    state="Alabama",
    city_or_county="Huntsville",
    num_killed=0,
    num_injured=5,
)


def test_gva_score_article_all_fields(make_incident):
    incident = make_incident(
        "armed_attack",
        injured=5,
        date=date(2014, 1, 12),
        places=[Place(name="Benchwarmer", resolved="Huntsville", admin1="US-AL")],
    )
    assert gva.score_article(GOLD, incident) == {
        "killed": True,  # no killed count = a prediction of 0, and the record says 0
        "injured": True,
        "date_exact": True,
        "date_contains": True,
        "city": True,
        "state": True,
    }


def test_gva_score_article_nothing_predicted():
    assert gva.score_article(GOLD, None) == {
        "killed": True,  # 0 killed is right even with no incident
        "injured": False,
        "date_exact": False,
        "date_contains": False,
        "city": False,
        "state": False,
    }


@pytest.mark.parametrize(
    ("when", "exact", "contains"),
    [
        (EventDate(date(2014, 1, 10), date(2014, 1, 12), "day"), False, True),  # type: ignore[arg-type]
        (EventDate(None, date(2014, 1, 12), "day"), True, False),  # type: ignore[arg-type]
        (EventDate(None, date(2014, 1, 12), "on_or_before"), False, False),  # type: ignore[arg-type]
        (EventDate(date(2014, 1, 13), date(2014, 1, 13), "day"), False, False),  # type: ignore[arg-type]
    ],
)
def test_gva_score_article_dates(make_incident, when, exact, contains):
    fields = gva.score_article(GOLD, make_incident(date=when))
    assert (fields["date_exact"], fields["date_contains"]) == (exact, contains)


@pytest.mark.parametrize(
    ("city", "place", "expected"),
    [
        ("Chicago (Englewood)", Place(name="Englewood"), True),
        ("Chicago (Englewood)", Place(name="the South Side", resolved="Chicago"), True),
        ("Orange (county)", Place(name="Orange County"), True),
        ("Winston Salem (Winston-salem)", Place(name="Winston-Salem"), True),
        ("Salt Lake City", Place(name="Salt Lake"), False),
        ("Huntsville", Place(name="Madison County"), False),
    ],
)
def test_gva_city_matching(make_incident, city, place, expected):
    gold = gva.GvaGold("1", None, "Illinois", city, 0, 0)
    assert gva.score_article(gold, make_incident(places=[place]))["city"] is expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (Place(name="x", admin1="AL"), True),
        (Place(name="x", admin1="Alabama"), True),
        (Place(name="x", admin1="us-al"), True),
        (Place(name="Alabama"), True),
        (Place(name="x", admin1="GA"), False),
    ],
)
def test_gva_state_matching(make_incident, place, expected):
    assert gva.score_article(GOLD, make_incident(places=[place]))["state"] is expected


def test_gva_main_incident_rule(make_incident):
    small = make_incident(id="small", injured=1)
    big = make_incident(id="big", killed=2, injured=1)
    tie = make_incident(id="tie", killed=3)  # same casualties as big, comes later
    assert gva.main_incident([small, big, tie]).id == "big"
    assert gva.main_incident([]) is None
    assert gva.main_incident([small, make_incident(id="other", injured=1)]).id == "small"


def _article(n: int, golds: int = 1) -> dict:
    gold = {
        "incident_id": str(n),
        "date": "January 12, 2014",
        "state": "Alabama",
        "city_or_county": "Huntsville",
        "num_killed": n % 2,
        "num_injured": 0,
    }
    return {
        "id": f"{n}/h",
        "title": "t",
        "date": "2014-01-13",
        "text": f"text {n}",
        "gold": [gold] * golds,
    }


def test_gva_load_sample_and_evaluate(tmp_path, make_incident, fake_extractor):
    path = tmp_path / "all.jsonl"
    records = [_article(n) for n in range(10)] + [_article(99, golds=0)]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    articles = gva.load_gva(path)
    assert len(articles) == 11 and articles[0].gold.date == date(2014, 1, 12)
    assert len(gva.sample_articles(articles)) == 10  # the one without gold is left out
    first = gva.sample_articles(articles, limit=3, seed=5)
    assert first == gva.sample_articles(articles, limit=3, seed=5)  # deterministic
    assert first != gva.sample_articles(articles, limit=3, seed=6)
    assert [a.id for a in gva.sample_articles(articles, limit=2)] == ["0/h", "1/h"]
    # odd articles have 1 killed: predict 1 killed everywhere -> 5/10 right
    extract = fake_extractor({a.id: [make_incident(killed=1)] for a in articles})
    report, predictions = gva.evaluate_gva(articles, extract, cluster_fn=None)  # fields only
    assert extract.calls[0] == ("text 0", date(2014, 1, 13), "0/h", "t")  # the headline too
    assert report.accuracy["killed"].correct == 5 and report.accuracy["killed"].total == 10
    assert report.accuracy["injured"].value == 1.0
    assert report.info == {"articles": 10, "articles_with_incident": 10}
    assert len(predictions) == 10


def test_gva_score_clusters_hook_is_exported():
    # three articles of incident 1, one of incident 2, all put in one cluster:
    # pairwise: predicted pairs 6, gold pairs 3, both 3 -> P .5 R 1
    scores = gva.score_clusters(["1", "1", "1", "2"], [0, 0, 0, 0])
    assert scores["pairwise"].precision == 0.5 and scores["pairwise"].recall == 1.0


@pytest.mark.shared
def test_gva_real_file_counts(data_root):
    articles = gva.load_gva(data_root / "gva_semeval2018t5")
    assert len(articles) == 4170
    scorable = gva.sample_articles(articles)
    assert len(scorable) == 3862  # 3,935 with one gold incident, less 73 with empty text
    sample = gva.sample_articles(articles, limit=150, seed=2018)
    assert len(sample) == 150 and all(a.gold and a.gold.date for a in sample)


@pytest.mark.parametrize(
    ("gold_city", "written"),
    [
        ("Port Saint Lucie", "Port St. Lucie"),
        ("Fort Myers", "Ft. Myers"),
        ("Saint Louis", "St. Louis"),
    ],
)
def test_gva_city_reads_abbreviations(make_incident, gold_city, written):
    gold = gva.GvaGold("1", date(2016, 3, 1), "Florida", gold_city, 0, 1)
    incident = make_incident("armed_attack", places=[Place(name=written)])
    assert gva.score_article(gold, incident)["city"]
