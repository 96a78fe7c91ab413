"""The headline as a fallback: pages whose body has no story (a cookie wall, a list of
other stories) still report the incident their headline states, with evidence that points
into the title (headlines and bodies written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.models import Article, Evidence, Incident
from tensionwatch.serialize import from_dict, to_dict

from .conftest import NO_STORY, PUB, counts, evidence_of

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("title", "killed", "injured", "place"),
    [
        ("2 Dead, 3 Wounded In Garfield Park Shooting", 2, 3, None),
        ("Five people injured by man with a shotgun in Fort Worth", None, 5, "Fort Worth"),
        ("Police investigate fatal shooting of 16-year-old boy in Tulsa", 1, None, "Tulsa"),
    ],
)
def test_headline_read_when_the_body_has_no_story(
    extractor: Extractor, title: str, killed: int | None, injured: int | None, place: str | None
) -> None:
    assert extractor.extract(NO_STORY, PUB, "a1") == []
    incidents = extractor.extract(NO_STORY, PUB, "a1", title=title)
    assert len(incidents) == 1
    incident = incidents[0]
    assert counts(incident) == (killed, injured)
    if place is not None:
        assert place in {p.resolved or p.name for p in incident.places}
    spans = evidence_of(incident)
    assert spans
    for span in spans:
        assert span.field == "title"
        assert title[span.start : span.end] == span.text


def test_headline_ignored_when_the_body_reports_an_incident(extractor: Extractor) -> None:
    body = "A man was shot and wounded outside a store on Elm Street in Dayton on Tuesday night."
    title = "3 killed in Dayton shooting"
    incidents = extractor.extract(body, PUB, "a2", title=title)
    assert [counts(i) for i in incidents] == [(None, 1)]
    assert all(span.field == "text" for i in incidents for span in evidence_of(i))


def test_extract_article_passes_the_title(extractor: Extractor) -> None:
    article = Article("a3", NO_STORY, title="Teen killed in shooting in Dayton", published=PUB)
    incidents = extractor.extract_article(article)
    assert [counts(i) for i in incidents] == [(1, None)]


def test_title_evidence_round_trips_through_json(extractor: Extractor) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "a4", title="2 dead in Tulsa shooting")
    again = from_dict(Incident, to_dict(incident))
    assert again == incident
    assert {span.field for span in evidence_of(again)} == {"title"}


def test_headline_passive_victim_and_active_shooter(extractor: Extractor) -> None:
    (killed,) = extractor.extract(NO_STORY, PUB, "a5", title="Teen killed in shooting in Tulsa")
    assert [v.text for v in killed.victims] == ["Teen"] and killed.perpetrators == ()
    incidents = extractor.extract(NO_STORY, PUB, "a6", title="Gunman shot at deputies in Tulsa")
    assert all(counts(i) == (None, None) for i in incidents)
    assert all(not i.victims or i.victims[0].text != "Gunman" for i in incidents)


def test_short_all_capitals_headline_is_recased_but_quoted_as_written(
    extractor: Extractor,
) -> None:
    title = "TEEN KILLED IN TULSA SHOOTING"
    (incident,) = extractor.extract(NO_STORY, PUB, "a7", title=title)
    assert counts(incident) == (1, None)
    for span in evidence_of(incident):
        assert span.field == "title" and title[span.start : span.end] == span.text


def test_pipe_keeps_titles_with_their_articles(extractor: Extractor) -> None:
    body = "A man was shot and wounded outside a store on Elm Street in Dayton on Tuesday."
    items = [
        (NO_STORY, PUB, "b1", "2 dead in Tulsa shooting"),
        (body, PUB, "b2", "Title that is ignored: 5 killed"),
        (NO_STORY, PUB, "b3", None),
        (NO_STORY, PUB, "b4", "3 wounded in Dayton shooting"),
    ]
    results = [[counts(i) for i in incidents] for incidents in extractor.pipe(items)]
    assert results == [[(2, None)], [(None, 1)], [], [(None, 3)]]


def test_quote_shows_title_evidence_in_the_title() -> None:
    from tensionwatch.cli.render import quote

    title = "2 dead in Tulsa shooting"
    article = Article("a8", NO_STORY, title=title, published=PUB)
    shown = quote(Evidence(0, 6, "2 dead", field="title"), article).plain
    assert "2 dead in Tulsa shooting" in shown
    assert quote(Evidence(0, 6, "2 dead"), article).plain == "“2 dead”"  # not in the body


@pytest.mark.parametrize(
    "title",
    [
        "Three Hurt in Shooting Outside Tacoma Bar",  # Title Case: the tagger misses the town
        "Three hurt in shooting outside a bar in Tacoma",
    ],
)
def test_headline_town_places_a_body_without_one(extractor: Extractor, title: str) -> None:
    """Local news often names its town only in the headline."""
    body = (
        "Three people were wounded in a shooting outside a bar on Sixth Avenue early Sunday, "
        "police said. None of the injuries were life-threatening. It was the third shooting "
        "in Pierce County, Wash., this month."
    )
    assert all(
        p.precision.value != "city" for i in extractor.extract(body, PUB, "a1") for p in i.places
    )
    (incident,) = extractor.extract(body, PUB, "a1", title=title)
    towns = [p for p in incident.places if p.precision.value == "city"]
    assert [(p.resolved, p.admin1) for p in towns] == [("Tacoma", "US-WA")]
    (span,) = towns[0].evidence
    assert span.field == "title" and title[span.start : span.end] == span.text == "Tacoma"


def test_headline_town_is_ignored_when_the_body_names_a_town(extractor: Extractor) -> None:
    body = "Three people were wounded in a shooting outside a bar in Spokane early Sunday."
    (incident,) = extractor.extract(body, PUB, "a1", title="Three Hurt in Shooting in Tacoma")
    assert "Tacoma" not in {p.resolved for p in incident.places}
    assert "Spokane" in {p.resolved for p in incident.places}


@pytest.mark.parametrize("title", ["Man Shot at Gas Station", "Man Shot Outside Store"])
def test_headline_common_words_are_no_town(extractor: Extractor, title: str) -> None:
    """Title Case capitalises every word: "Store" is no town in Slovenia."""
    body = "A man was shot outside a store on Sunday night, police in Ohio said."
    (incident,) = extractor.extract(body, PUB, "a1", title=title)
    assert all(e.field == "text" for p in incident.places for e in p.evidence)


@pytest.mark.parametrize(
    ("title", "town"),
    [
        ("Killeen 2-year-old in critical condition from gunshot", "Killeen"),
        ("Meridian man arrested after fatal shooting", "Meridian"),
        ("Duncan police investigate shooting that wounded a teen", "Duncan"),
    ],
)
def test_headline_town_as_a_modifier_places_a_headline_incident(
    extractor: Extractor, title: str, town: str
) -> None:
    """The body (a sign-up wall) reports nothing; the headline's incident is placed in the
    town the headline names before a person noun or an age."""
    body = "Just One More Thing... We have sent you a verification email. Please check it."
    (incident,) = extractor.extract(body, PUB, "a1", title=title)
    assert town in {p.resolved for p in incident.places}


def test_headline_opening_with_a_name_is_no_town(extractor: Extractor) -> None:
    body = "Just One More Thing... We have sent you a verification email. Please check it."
    for incident in extractor.extract(body, PUB, "a1", title="Obama says man was shot"):
        assert all(p.precision.value != "city" for p in incident.places)


UPDATE = (
    "Police arrested a 17-year-old on Friday in connection with a shooting on Elm Street "
    "last week. He was charged with aggravated assault and is being held at the county jail."
)


@pytest.mark.parametrize(
    ("title", "injured", "quote"),
    [
        ("Four injured in Dayton shooting, teen arrested", 4, "Four injured"),
        ("TEEN ARRESTED IN SHOOTING THAT INJURED TWO CHILDREN", 2, "INJURED TWO CHILDREN"),
    ],
)
def test_headline_toll_fills_a_body_that_counts_nobody(
    extractor: Extractor, title: str, injured: int, quote: str
) -> None:
    # an update takes the toll as known: the body's incident keeps its own evidence, and the
    # count comes from the headline, quoted as the headline writes it
    assert [counts(i) for i in extractor.extract(UPDATE, PUB, "a8")] == [(None, None)]
    (incident,) = extractor.extract(UPDATE, PUB, "a8", title=title)
    assert counts(incident) == (None, injured)
    assert incident.injured is not None
    assert [(e.text, e.field) for e in incident.injured.evidence] == [(quote, "title")]
    assert all(title[e.start : e.end] == e.text for e in incident.injured.evidence)
    assert {e.field for e in incident.evidence} == {"text"}


def test_headline_toll_is_ignored_when_the_body_counts_someone(extractor: Extractor) -> None:
    # "was killed" in the body and "shot" in the headline are one victim told twice
    body = "A 15-year-old boy was killed on Elm Street in Dayton on Tuesday night."
    (incident,) = extractor.extract(body, PUB, "a9", title="Teen shot on Elm Street")
    assert counts(incident) == (1, None)


DAYTON_ARREST = (
    "Police arrested a 24-year-old man on Friday after a shooting on Elm Street in Dayton. "
    "Officers said the man fired several rounds at a passing car. He was charged with "
    "felonious assault."
)


@pytest.mark.parametrize(
    "title",
    [
        # a round-up, an anniversary, a statistic, a trial: another or an older toll
        "Weekend violence: 3 killed, 12 wounded across Chicago",
        "A year after Orlando nightclub attack that killed 49, city remembers",
        "Dayton's deadliest year: 68 killed in 2016",
        "Trial opens for man accused in 2014 bar shooting that wounded 6",
        # another story's headline: nothing in common beyond the shooting vocabulary
        "Toddler dies after shooting in Akron",
        # the clause with the toll is about another city
        "Memphis shooting leaves 2 dead; Dayton police probe separate gunfire",
    ],
)
def test_headline_toll_of_another_story_is_not_taken(extractor: Extractor, title: str) -> None:
    incidents = extractor.extract(DAYTON_ARREST, PUB, "b1", title=title)
    assert [counts(i) for i in incidents] == [(None, None)]


@pytest.mark.parametrize(
    "title",
    [
        "Two injured in Elm Street shooting in Dayton",
        # the outlet after the dash is no part of the headline
        "Man fires at car on Elm Street, wounding two - WHIO TV 7 - Dayton, Ohio",
    ],
)
def test_headline_toll_of_the_same_story_is_taken(extractor: Extractor, title: str) -> None:
    (incident,) = extractor.extract(DAYTON_ARREST, PUB, "b2", title=title)
    assert counts(incident) == (None, 2)


@pytest.mark.parametrize(
    ("title", "injured", "quote"),
    [
        # headlinese drops the auxiliary, and "Teenager shot" parses as a kind of shot
        ("Teenager shot outside store on the Eastside", 1, "Teenager"),
        ("12-Year-Old Accidentally Shot In Tulsa", 1, "12-Year-Old"),
    ],
)
def test_headline_without_its_auxiliary_is_read_with_it(
    extractor: Extractor, title: str, injured: int, quote: str
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "c1", title=title)
    assert counts(incident) == (None, injured)
    for span in evidence_of(incident):
        assert span.field == "title"
        assert title[span.start : span.end] == span.text
    assert incident.injured is not None
    assert [e.text for e in incident.injured.evidence] == [quote]


PORCH = (
    "Two brothers were killed when a gunman opened fire on a porch on Elm Street in Dayton "
    "late Saturday. Police have not named a suspect."
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the body counts the dead and leaves the hurt to the headline
        ("2 dead, 3 hurt in Dayton porch shooting", (2, 3)),
        # a headline that disagrees on the dead may tell another story: nothing taken
        ("1 dead, 3 hurt in Dayton porch shooting", (2, None)),
        # a headline that adds nothing
        ("2 dead in Dayton porch shooting", (2, None)),
        # a round-up's toll is no one incident's
        ("Weekend violence: 2 dead, 9 hurt in five Dayton shootings", (2, None)),
        ("2 killed, 3 hurt in separate shootings overnight in Dayton", (2, None)),
        # "across" a street is no round-up
        ("2 dead, 3 hurt in shooting across from Dayton school", (2, 3)),
    ],
)
def test_headline_completes_a_body_that_counts_one_side(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None]
) -> None:
    assert [counts(i) for i in extractor.extract(PORCH, PUB, "d1")] == [(2, None)]
    (incident,) = extractor.extract(PORCH, PUB, "d1", title=title)
    assert counts(incident) == expected
    assert incident.killed is not None
    assert {e.field for e in incident.killed.evidence} == {"text"}  # the body's own count
    if incident.injured is not None:
        assert [(e.text, e.field) for e in incident.injured.evidence] == [("3 hurt", "title")]


@pytest.mark.parametrize(
    ("title", "expected", "quotes"),
    [
        # Title Case: the parser reads capitalised words as names and finds no toll
        (
            "One Dead, Four Hospitalized In Dayton Porch Shooting",
            (1, 4),
            ["One Dead", "Four Hospitalized"],
        ),
        # an attribution before a colon is no part of the story ("DPD" is no victim)
        ("DPD: 11-year-old shot, killed near Dayton school", (1, None), ["11-year-old"]),
        ("Police: 3 people shot outside Dayton bar", (None, 3), ["3 people shot"]),
        # every clause that dropped its auxiliary is read with it
        ("Teen killed, another wounded in Dayton shooting", (1, 1), ["Teen", "another"]),
    ],
)
def test_headline_grammar_is_read_as_a_sentence(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None], quotes: list[str]
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "d2", title=title)
    assert counts(incident) == expected
    found = [
        e.text for count in (incident.killed, incident.injured) if count for e in count.evidence
    ]
    assert found == quotes
    for span in evidence_of(incident):
        assert span.field == "title"
        assert title[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("title", "place"),
    [
        # the words of a place name stay capitalised when the rest is recased
        ("Man Shot In Sugar Land Apartment Complex", "Sugar Land"),
        ("Woman Killed In Thousand Oaks Home", "Thousand Oaks"),
        ("One Dead After Shooting In Will County", "Will County"),
    ],
)
def test_title_case_headline_keeps_its_place_names(
    extractor: Extractor, title: str, place: str
) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "d5", title=title)
    assert counts(incident) != (None, None)
    assert place in {p.name for p in incident.places}


def test_headline_participle_before_a_relative_clause_is_restored(extractor: Extractor) -> None:
    # "who pointed gun" is the suspect's clause: "shot" still lacks its auxiliary
    title = "Deputy shot suspect who pointed gun, sheriff says"
    (incident,) = extractor.extract(NO_STORY, PUB, "d6", title=title)
    assert counts(incident) == (None, 1)


def test_headline_participle_inside_the_subject_is_no_clause(extractor: Extractor) -> None:
    # "Teen shot Sunday dies Monday": the shot teen is who died, not a second victim
    body = "A 15-year-old boy died on Monday, a day after a shooting on Elm Street in Dayton."
    (incident,) = extractor.extract(body, PUB, "d3", title="Dayton teen shot Sunday dies Monday")
    assert counts(incident) == (1, None)


def test_participle_the_parser_hangs_on_a_verb_shares_its_subject(
    extractor: Extractor,
) -> None:
    # the parser hangs "killed" on "shot" as if it modified a noun
    body = "Police said a 9-year-old was shot, killed in Dayton late Friday."
    (incident,) = extractor.extract(body, PUB, "d4")
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    "title",
    [
        # a condition with its copula dropped names one person hurt
        "Teen in critical condition after shooting in Dayton",
        "Teen hospitalized after shooting on Elm Street",
    ],
)
def test_headline_condition_counts_one_hurt(extractor: Extractor, title: str) -> None:
    (incident,) = extractor.extract(NO_STORY, PUB, "d7", title=title)
    assert counts(incident) == (None, 1)


def test_headline_incident_is_read_without_the_outlet(extractor: Extractor) -> None:
    # the outlet's name after " - " garbles the parse of "After Shooting" into a verb
    title = "Dayton Woman Airlifted After Shooting - WDTN.com | Continuous News and Weather"
    (incident,) = extractor.extract(NO_STORY, PUB, "d8", title=title)
    assert incident.type is not None
    assert all(span.end <= title.index(" - ") for span in evidence_of(incident))
