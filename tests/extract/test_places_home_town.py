"""The article's home town places incidents the text locates only by street or district
(sentences written for these tests)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.places import Named, names_other_towns, with_home_town
from tensionwatch.models import Place, PlacePrecision

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

PUB = date(2022, 9, 9)


def towns(extractor: Extractor, text: str, title: str | None = None) -> list[set[str]]:
    """Each incident's towns (resolved names), read with an optional headline."""
    return [
        {p.resolved or p.name for p in incident.places if p.precision.value == "city"}
        for incident in extractor.extract(text, PUB, "test", title)
    ]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Toledo police are looking for a gunman. A 40-year-old man was shot on Dorr "
            "Street early Thursday and taken to a hospital.",
            "Toledo",
        ),
        (
            "The Tulsa Police Department said a woman was wounded Tuesday night on Pine "
            "Avenue. Officers found her on the porch.",
            "Tulsa",
        ),
        (
            "Two men were shot Friday near Maple Drive, according to a Savannah police "
            "spokesman. Savannah detectives have no suspects.",
            "Savannah",
        ),
    ],
)
def test_places_home_town_for_street_only_incident(
    extractor: Extractor, text: str, town: str
) -> None:
    found = towns(extractor, text)
    assert found
    assert town in found[0]


def test_places_home_town_for_a_part_named_by_direction(extractor: Extractor) -> None:
    """ "on the North Side" is a part of the story's town, which stands beside a smaller
    town of its state the gazetteer knows; a story with no such part keeps that town alone."""
    police = (
        " police said. Minneapolis police are asking for tips, and Minneapolis police said no "
        "one was arrested."
    )
    north_side = "Two men were shot Sunday night on the North Side near Shakopee Avenue and in "
    assert towns(extractor, north_side + "Shakopee," + police)[0] == {"Shakopee", "Minneapolis"}
    shakopee = "Two men were shot Sunday night in Shakopee,"
    assert towns(extractor, shakopee + police)[0] == {"Shakopee"}


def test_places_home_town_not_added_across_states(extractor: Extractor) -> None:
    """An incident placed in another state keeps its own place only."""
    text = (
        "Denver police are helping investigators in Texas. A man was shot in Texas on "
        "Tuesday, Denver detectives said."
    )
    incident = extractor.extract(text, PUB)[0]
    assert "Denver" not in {p.resolved for p in incident.places}


@pytest.mark.parametrize(
    ("written", "town"),
    [("South Sacramento", "Sacramento"), ("downtown Memphis", "Memphis")],
)
def test_places_district_resolves_to_its_town(
    extractor: Extractor, written: str, town: str
) -> None:
    text = f"Three people were shot Saturday night in {written}, police said."
    (incident,) = extractor.extract(text, PUB)
    assert town in {p.resolved for p in incident.places if p.precision.value == "city"}


def _town(name: str, admin1: str, lat: float, lon: float, gid: int) -> Place:
    return Place(
        name=name,
        resolved=name,
        country="US",
        admin1=admin1,
        lat=lat,
        lon=lon,
        precision=PlacePrecision.CITY,
        geonames_id=gid,
    )


CHICAGO = _town("Chicago", "US-IL", 41.85, -87.65, 4887398)
NOTHING = Named(frozenset())


def test_with_home_town_adds_the_town_around_a_neighbourhood() -> None:
    """A "town" 8 km from the home town in its state is one of its neighbourhoods."""
    englewood = _town("Englewood", "US-IL", 41.78, -87.64, 1)
    assert CHICAGO in with_home_town((englewood,), CHICAGO, named=NOTHING)


def test_with_home_town_keeps_a_distant_town_of_the_same_state() -> None:
    peoria = _town("Peoria", "US-IL", 40.69, -89.59, 2)
    assert with_home_town((peoria,), CHICAGO, named=NOTHING) == (peoria,)


def test_with_home_town_stray_namesake_in_an_unnamed_state() -> None:
    """ "Gresham" resolved to Oregon in a Chicago story that never names Oregon."""
    gresham = _town("Gresham", "US-OR", 45.50, -122.43, 3)
    assert CHICAGO in with_home_town((gresham,), CHICAGO, named=NOTHING)
    # the story names Oregon: the town stands alone
    named = Named(frozenset({"US-OR"}))
    assert with_home_town((gresham,), CHICAGO, named=named) == (gresham,)
    # without knowing the named states nothing is second-guessed
    assert with_home_town((gresham,), CHICAGO) == (gresham,)


def test_with_home_town_no_namesake_abroad() -> None:
    """A town abroad is never taken for a namesake of a local one: "killed in Tijuana, San
    Diego police said" is in Mexico, named or not."""
    san_diego = _town("San Diego", "US-CA", 32.72, -117.16, 5391811)
    tijuana = replace(_town("Tijuana", "MX-BCN", 32.50, -117.00, 3981609), country="MX")
    us = Named(frozenset({"US-CA"}))
    assert with_home_town((tijuana,), san_diego, named=us) == (tijuana,)


def test_places_surname_of_a_named_person_is_no_town(extractor: Extractor) -> None:
    """The tagger calls a surname a town when it stands alone ("Crittenden's son"): a name
    the article gave a person is that person, so the police's town places the incident."""
    text = (
        "A 6-year-old boy shot himself in the leg Friday with a handgun from his father, "
        "26-year-old Andrew Crittenden, who told police he thought the gun was empty. "
        "Crittenden then struck a 5-year-old boy in the parking lot with his pickup truck "
        "while driving his son to the hospital. Crittenden’s son was transported to Shannon "
        "Medical Center. Crittenden’s truck was towed. Information courtesy of the San Angelo "
        "Police Department."
    )
    found = towns(extractor, text)
    assert found and "San Angelo" in found[0] and "Crittenden" not in found[0]


def test_places_namesake_after_a_preposition_stays_a_town(extractor: Extractor) -> None:
    text = "Officer Bob Jackson said a woman was shot in Jackson on Friday night."
    found = towns(extractor, text)
    assert found and "Jackson" in found[0]


def test_places_it_happened_places_the_one_incident(extractor: Extractor) -> None:
    """ "The accident occurred … on July Drive in Lowmansville": the event told before."""
    text = (
        "A 7-year-old was accidentally shot and killed by his 8-year-old brother on July 3rd."
        "\n\nThe accident occurred just before 11 PM on July Drive in Lowmansville, KY."
    )
    (incident,) = extractor.extract(text, PUB)
    assert "Lowmansville" in {p.resolved for p in incident.places}


def test_places_a_block_is_a_street_not_a_town(extractor: Extractor) -> None:
    """ "the 4500 block of North Frankfort" names a street of the article's town, not the
    town of North Frankfort elsewhere."""
    text = (
        "Tulsa police said several men fired into a home Friday evening, wounding a juvenile."
        " Officers said the shooting happened just after 9:15 p.m. in the 4500 block of North "
        "Frankfort."
    )
    found = towns(extractor, text)
    assert found and found[0] == {"Tulsa"}
    names = {p.name for i in extractor.extract(text, PUB) for p in i.places}
    assert "4500 block of North Frankfort" in names


def test_places_town_named_like_a_person_in_it_stays_the_town(extractor: Extractor) -> None:
    """The surname rule takes only a person's places in the sentence (subject, object,
    possessor): "Lincoln police" and "a Lincoln man" still name the town."""
    text = (
        "Police said Robert Lincoln, 45, was shot and wounded Monday. Lincoln police Chief "
        "Jeff Bliemeister said the shooting happened near a park. A Lincoln man was arrested."
    )
    found = towns(extractor, text)
    assert found and "Lincoln" in found[0]


def test_places_a_block_casts_no_home_town_vote(extractor: Extractor) -> None:
    """A street named like a town, told twice as a block, is no home town: the town the article
    names once wins."""
    text = (
        "Officers were called to a home in the 3500 block of East Aurora at about 8:55 p.m.\n\n"
        "Broken Arrow police said a two-year-old boy was shot in the chest on Tuesday.\n\n"
        "Police said officers were called to a home in the 3500 block of East Aurora."
    )
    assert all("East Aurora" not in found for found in towns(extractor, text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a part of a city the gazetteer lists as a town does not outvote the city
        (
            "Four people were wounded Sunday afternoon in the North Lawndale neighborhood, "
            "according to Chicago police.",
            "Chicago",
        ),
        (
            "A teenager was wounded Tuesday in the city's Dorchester neighborhood, Boston "
            "police said.",
            "Boston",
        ),
        # the town describes which neighbourhood: still the town
        (
            "Deputies searched a northeast Raleigh neighborhood Wednesday after a 7-year-old "
            "was shot at a home on Ferris Court.",
            "Raleigh",
        ),
        # the parser leaves the town's first word out of the agency's name
        (
            "The Broken Arrow Police Department says a man was wounded Tuesday evening in "
            "the 3500 block of East Aurora.",
            "Broken Arrow",
        ),
    ],
)
def test_places_the_city_around_a_neighbourhood_or_a_town_cut_short(
    extractor: Extractor, text: str, town: str
) -> None:
    found = towns(extractor, text)
    assert found
    assert town in found[0]


def test_an_unplaced_later_incident_is_in_the_home_town(extractor: Extractor) -> None:
    """The story places its lead in a town and tells the rest without one: the whole
    article is about that town, so every incident is there."""
    text = (
        "A 6-year-old girl was killed in a murder-suicide in Bismarck Friday night, police "
        "said.\n\nIt appears John Doe, 45, shot his daughter and then shot himself, said a "
        "spokeswoman for the sheriff's office.\n\nDeputies responded to a home on Birch Lane "
        "around 10 p.m. Friday after reports that Doe had threatened to kill himself."
    )
    found = towns(extractor, text)
    assert len(found) > 1
    assert all("Bismarck" in f for f in found)


def test_a_round_up_names_other_towns() -> None:
    """Incidents in towns beyond the home town and its neighbourhoods make a round-up: an
    unplaced incident of it may be anywhere."""
    englewood = _town("Englewood", "US-IL", 41.78, -87.64, 1)
    peoria = _town("Peoria", "US-IL", 40.69, -89.59, 2)
    assert names_other_towns([(CHICAGO,), (peoria,)], CHICAGO)
    assert not names_other_towns([(CHICAGO,), (englewood,), ()], CHICAGO)
    assert not names_other_towns([(), ()], CHICAGO)
    # a namesake the home town already joined is no other town
    assert not names_other_towns([(peoria, CHICAGO), ()], CHICAGO)


def test_with_home_town_far_namesake_abroad_in_an_unnamed_country() -> None:
    """ "shot in Englewood" resolved to an English town of that name in a Chicago story that
    names no other country: a local name that matched a namesake abroad."""
    english = replace(_town("Englewood", "GB-ENG", 54.5, -3.6, 7), country="GB")
    sizes = {"Chicago": 2_700_000, "Englewood": 23_000, "Kabul": 4_400_000}

    def population(place: Place) -> int:
        return sizes[place.name]

    assert CHICAGO in with_home_town((english,), CHICAGO, named=NOTHING, population=population)
    # the story names Britain, or its region: the town stands alone
    british = Named(frozenset(), frozenset({"GB"}))
    assert with_home_town((english,), CHICAGO, named=british, population=population) == (english,)
    england = Named(frozenset({"GB-ENG"}))
    assert with_home_town((english,), CHICAGO, named=england, population=population) == (english,)
    # a city abroad bigger than the home town is that city, named country or not
    kabul = replace(_town("Kabul", "AF-KAB", 34.5, 69.2, 8), country="AF")
    assert with_home_town((kabul,), CHICAGO, named=NOTHING, population=population) == (kabul,)
    # without knowing the towns' sizes nothing abroad is second-guessed
    assert with_home_town((english,), CHICAGO, named=NOTHING) == (english,)
