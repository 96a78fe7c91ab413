"""Backlash links: explicit and implicit evidence, and the ways not to over-link."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tensionwatch.link import LinkOptions, is_trigger, link_incidents, score_links
from tensionwatch.models import (
    Actor,
    Bias,
    Count,
    DatePrecision,
    EventDate,
    Evidence,
    Incident,
    IncidentType,
    Place,
    PlacePrecision,
    Role,
)

OPTIONS = LinkOptions()
TEXT = (
    "In the wake of the devastating terrorist attack at Crocus City Hall, Moscow, a wave of "
    "retaliatory violence has emerged, targeting migrant workers from Central Asia."
)
CUE = Evidence(TEXT.index("retaliatory"), TEXT.index("retaliatory") + 20, "retaliatory violence")
MOSCOW = Place(
    "Crocus City Hall",
    resolved="Moscow",
    country="RU",
    admin1="Moscow",
    precision=PlacePrecision.POINT,
)
RUSSIA = Place("Russia", resolved="Russia", country="RU", precision=PlacePrecision.COUNTRY)
BERLIN = Place("Berlin", resolved="Berlin", country="DE", precision=PlacePrecision.CITY)
PUBLISHED = date(2024, 3, 25)


def on_or_before(day: date) -> EventDate:
    return EventDate(None, day, DatePrecision.ON_OR_BEFORE)


def on(day: date) -> EventDate:
    return EventDate(day, day, DatePrecision.DAY)


def trigger(
    incident_id: str = "crocus", article: str = "seed", when: EventDate | None = None
) -> Incident:
    return Incident(
        id=incident_id,
        article_id=article,
        type=IncidentType.MASS_CASUALTY_ATTACK,
        is_terrorism=True,
        date=when or on_or_before(PUBLISHED),
        places=(MOSCOW,),
        killed=Count(137),
        suspects=(Actor("Tajik nationals", Role.SUSPECT, nationality="Tajik", arrested=True),),
        claimed_by=(Actor("an affiliate of the Islamic State group", Role.CLAIMANT),),
    )


def assault(
    incident_id: str,
    group: str,
    *,
    article: str = "seed",
    when: EventDate | None = None,
    cues: tuple[Evidence, ...] = (CUE,),
    motivated: bool | None = True,
    motive: tuple[str, ...] = ("revenge", "xenophobia"),
    place: Place = RUSSIA,
    sentence: str = "",
) -> Incident:
    return Incident(
        id=incident_id,
        article_id=article,
        type=IncidentType.ASSAULT,
        date=when or on_or_before(PUBLISHED),
        places=(place,),
        victims=(Actor(f"a {group} man", Role.VICTIM, count=1, nationality=group),),
        perpetrators=(
            Actor("young Russian nationalists", Role.PERPETRATOR, nationality="Russian"),
        ),
        bias=Bias(
            motivated=motivated, characteristic="nationality", groups=(group,), motive=motive
        ),
        retaliation_cues=cues,
        sentences=(Evidence(0, len(sentence), sentence),) if sentence else (),
    )


def by_source(links):
    return {link.source_id: link for link in links}


def test_backlash_seed_scenario_links_all_three_assaults_explicitly():
    incidents = [
        trigger(),
        assault("courier-brass-knuckles", "Tajik"),
        assault("courier-pepper-spray", "Tajik"),
        assault("azerbaijani-man", "Azerbaijani"),
    ]
    links = by_source(link_incidents(incidents, options=OPTIONS))
    assert set(links) == {"courier-brass-knuckles", "courier-pepper-spray", "azerbaijani-man"}
    assert {link.trigger_id for link in links.values()} == {"crocus"}
    assert all(link.cue == "explicit" and link.kind == "retaliation" for link in links.values())
    assert CUE in links["courier-brass-knuckles"].evidence
    # The suspects' group scores above a victim group that differs from it.
    assert links["courier-brass-knuckles"].score > links["azerbaijani-man"].score >= 0.5


def test_backlash_implicit_group_match_in_window_links_with_medium_score():
    late = on(date(2024, 4, 2))
    links = link_incidents([trigger(), assault("a1", "Tajiks", when=late, cues=())])
    (link,) = links
    assert link.cue == "implicit"
    assert 0.5 <= link.score < 0.8


def test_backlash_business_dispute_is_only_a_low_candidate():
    dispute = assault(
        "dispute",
        "Tajik",
        when=on(date(2024, 3, 28)),
        cues=(),
        motivated=None,
        motive=(),
        sentence="Police said the stabbing of the Tajik shopkeeper followed a business dispute.",
    )
    assert link_incidents([trigger(), dispute]) == []
    (candidate,) = link_incidents([trigger(), dispute], include_candidates=True)
    assert candidate.score <= OPTIONS.explained_cap < OPTIONS.threshold
    assert any(e.text == "business dispute" for e in candidate.evidence)


def test_backlash_not_motivated_caps_even_an_explicit_cue():
    flagged = assault("x", "Tajik", motivated=False)
    (candidate,) = score_links([trigger(), flagged])
    assert candidate.score <= OPTIONS.explained_cap
    assert "non-bias explanation: bias.motivated is False" in candidate.reasons


@pytest.mark.parametrize(
    ("name", "incident"),
    [
        (
            "before the trigger",
            assault("early", "Tajik", article="other", when=on(date(2024, 3, 1))),
        ),
        (
            "outside the window",
            assault("late", "Tajik", article="other", when=on(date(2024, 6, 1))),
        ),
        ("other country", assault("abroad", "Tajik", article="other", place=BERLIN, cues=())),
        ("unrelated group, no cue", assault("other", "Norwegian", article="other", cues=())),
    ],
)
def test_backlash_does_not_link(name, incident):
    exact_trigger = trigger(when=on(date(2024, 3, 22)))
    assert score_links([exact_trigger, incident]) == [], name


def test_backlash_related_group_without_cue_is_a_candidate():
    (cand,) = score_links([trigger(), assault("az", "Azerbaijani", article="b", cues=())])
    assert cand.group_match == "related"
    assert cand.score < OPTIONS.threshold


def test_backlash_trigger_needs_attributed_group():
    anonymous = trigger()
    anonymous = anonymous.__class__(
        **{s: getattr(anonymous, s) for s in anonymous.__slots__},
    )
    assert is_trigger(anonymous, OPTIONS)
    stripped = type(anonymous)(
        id="t",
        article_id="a",
        type=anonymous.type,
        is_terrorism=True,
        claimed_by=(Actor("IS", Role.CLAIMANT),),
    )
    assert not is_trigger(stripped, OPTIONS)


def test_backlash_links_events_when_membership_given():
    incidents = [trigger(), trigger("crocus-2", "other"), assault("a1", "Tajik")]
    membership = {"ev-crocus": ("crocus", "crocus-2"), "ev-a1": ("a1",)}
    (link,) = link_incidents(incidents, membership=membership)
    assert (link.source_id, link.trigger_id) == ("ev-a1", "ev-crocus")


def test_backlash_picks_the_nearest_trigger_in_time():
    old = trigger("old", "o", when=on(date(2024, 3, 1)))
    new = trigger("new", "n", when=on(date(2024, 3, 22)))
    victim = assault("v", "Tajik", article="x", when=on(date(2024, 3, 24)), cues=())
    (link,) = link_incidents([old, new, victim])
    assert link.trigger_id == "new"


SEED = Path(__file__).resolve().parents[3] / "shared/data/seed"


@pytest.mark.shared
@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="needs ../shared/data/seed")
def test_backlash_seed_gold_links_are_reproduced():
    gold = json.loads((SEED / "gold.json").read_text())
    text = (SEED / "crocus-backlash.txt").read_text()
    start = text.index("retaliatory violence")
    cue = Evidence(start, start + len("retaliatory violence"), "retaliatory violence")
    incidents = []
    for item in gold["articles"]["crocus-backlash.txt"]["incidents"]:
        if item["type"] == "mass_casualty_attack":
            incidents.append(trigger(item["key"], "seed"))
        else:
            incidents.append(assault(item["key"], item["bias"]["groups"][0], cues=(cue,)))
    found = sorted([link.source_id, link.trigger_id] for link in link_incidents(incidents))
    assert found == sorted(gold["links"])
    assert PUBLISHED.isoformat() == gold["articles"]["crocus-backlash.txt"]["published"]


UK = Place("Leeds", resolved="Leeds", country="GB", admin1="GB-ENG", precision=PlacePrecision.CITY)
UNPLACED = Place("Rusholme")  # not geocoded: no country of its own


def _bombing() -> Incident:
    return Incident(
        id="bombing",
        article_id="b",
        type=IncidentType.BOMBING,
        is_terrorism=True,
        date=on(date(2025, 3, 8)),
        places=(UK,),
        killed=Count(25),
        suspects=(Actor("three Afghan nationals", Role.SUSPECT, nationality="Afghan"),),
    )


def test_backlash_incident_without_country_takes_its_articles():
    sentence = "Police said the assault appeared to be a retaliation for the market bombing."
    driver = Incident(
        id="driver",
        article_id="m",
        type=IncidentType.ASSAULT,
        date=on(date(2025, 3, 15)),
        places=(UNPLACED,),
        victims=(Actor("a Sikh taxi driver", Role.VICTIM, religion="Sikh"),),
        sentences=(Evidence(0, len(sentence), sentence),),
    )
    neighbour = Incident(
        id="car", article_id="m", type=IncidentType.ARSON, date=on(date(2025, 3, 16)), places=(UK,)
    )
    assert link_incidents([_bombing(), driver]) == []  # country unknown: no link
    (link,) = [
        x for x in link_incidents([_bombing(), driver, neighbour]) if x.source_id == "driver"
    ]
    assert link.cue == "explicit" and link.trigger_id == "bombing"
    assert any(e.text == "retaliation for" for e in link.evidence)


def _graffiti(motivated: bool | None) -> Incident:
    sentence = (
        'An Afghan community centre was daubed with racist graffiti, including "Afghans out".'
    )
    return Incident(
        id="graffiti",
        article_id="w",
        type=IncidentType.VANDALISM,
        date=on_or_before(date(2025, 3, 19)),
        places=(UK,),
        bias=Bias(motivated=motivated, motive=("racism",) if motivated else ()),
        sentences=(Evidence(0, len(sentence), sentence),),
    )


def test_backlash_group_named_in_a_bias_motivated_incident_links_implicitly():
    (cand,) = score_links([_bombing(), _graffiti(True)])
    assert cand.group_match == "mentioned" and cand.link.cue == "implicit"
    assert OPTIONS.threshold <= cand.score <= OPTIONS.implicit_mention_score
    # The same words with no sign of bias: nothing to link on.
    assert score_links([_bombing(), _graffiti(None)]) == []


def test_backlash_personal_dispute_caps_the_score():
    stabbing = assault(
        "dispute",
        "Tajik",
        when=on(date(2024, 3, 28)),
        cues=(),
        motivated=None,
        motive=(),
        sentence="This was a personal dispute between two businessmen that got out of hand.",
    )
    assert link_incidents([trigger(), stabbing]) == []
