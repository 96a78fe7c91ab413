"""Which names vote for the town an article reports from, whatever the tagger calls them
(sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.places import reach_km, without_day

from .test_places_home_town import PUB, towns

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (  # the tagger calls the town an organization
            "A deputy died after a shooting in Franklin, KXYZ has reported. The deputy was "
            "off duty when it happened, the sheriff said.",
            "Franklin",
        ),
        (  # and runs the day into its name: "Sulphur Sunday"
            "A woman was killed in a murder-suicide in Sulphur Sunday night, deputies said.",
            "Sulphur",
        ),
    ],
)
def test_places_a_town_after_in_is_the_home_town(
    extractor: Extractor, text: str, town: str
) -> None:
    found = towns(extractor, text)
    assert found
    assert town in found[0]


def test_places_a_lower_case_name_is_no_home_town(extractor: Extractor) -> None:
    """ "a southwest valley neighborhood" names no town; the victim's town does."""
    text = (
        "A man was shot in a southwest valley neighborhood Saturday evening, police said. "
        "The victim, of Las Vegas, was taken to a hospital."
    )
    assert "Las Vegas" in towns(extractor, text)[0]


def test_places_a_town_in_an_address_is_no_home_town(extractor: Extractor) -> None:
    text = (
        "Police said Tuesday a man was shot at Hustle bar. The victim, of the 900 block of "
        "35th Avenue in Griffith, died at the scene."
    )
    assert "Griffith" not in towns(extractor, text)[0]


def test_places_a_number_after_in_is_no_town(extractor: Extractor) -> None:
    """ "in one of the apartments": "one" is a hamlet somewhere, but no name."""
    text = (
        "A woman was hurt in what police believe is an accident. Officers found her in one "
        "of the apartments on Mill Pond Drive."
    )
    assert towns(extractor, text) == [set()]


def test_places_headline_incident_in_the_body_town(extractor: Extractor) -> None:
    """A body that tells no incident of its own still names the town the headline's
    incident happened in."""
    title = "Four men found shot dead at Texas house"
    text = (
        "Police are investigating the deaths of four men at a house in northeast Texas. A "
        "caller reported blood at a home in Longview, about 120 miles east of Dallas. "
        "Longview police said Thursday they had no suspects."
    )
    found = towns(extractor, text, title)
    assert found
    assert "Longview" in found[0]


def test_without_day_trims_a_trailing_weekday(extractor: Extractor) -> None:
    doc = extractor.nlp.make_doc("killed in Sulphur Sunday night")
    assert without_day(doc[2:4]).text == "Sulphur"
    assert without_day(doc[3:4]).text == "Sunday"  # a name is never cut to nothing
    assert without_day(doc[0:2]) == doc[0:2]


@pytest.mark.parametrize(
    "text",
    [
        (  # a neighbourhood the gazetteer knows only as a town in Kentucky
            "A boy was shot Saturday in Madisonville. Cincinnati police said the boy, 5, was "
            "taken to Children's Hospital, where he died."
        ),
        (  # a dateline with no state, resolved to Texas, over a Chicago Police story
            "AUSTIN — A one-year-old girl was shot in the head Friday, said Officer Jane Roe, "
            "a Chicago Police spokeswoman. Chicago police have no suspects."
        ),
        (  # a rank before a name speaks for the agency, however the parser cuts it
            "A boy was shot Saturday in Madisonville, Cincinnati Police Lt. John Roe said. He "
            "was taken to a hospital."
        ),
        (  # a far smaller town within the police's city is one of its parts
            "A man was shot and killed Saturday in South Chicago, a Chicago Police spokesman "
            "said. The man, 30, was pronounced dead at a hospital."
        ),
    ],
)
def test_places_the_police_town_over_a_namesake_elsewhere(extractor: Extractor, text: str) -> None:
    """A town's police work in that town: the town named most, or the dateline, that
    resolved to a state the article never names is a namesake."""
    found = towns(extractor, text)
    assert found
    assert {"Chicago", "Cincinnati"} & found[0]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (  # the dateline names its state: the story was filed there
            "AUSTIN, Texas — A one-year-old girl was shot in the head Friday, said Officer "
            "Jane Roe, a Chicago Police spokeswoman. The girl was taken to a hospital.",
            "Chicago",
        ),
        (  # "Metro" police are no town's, whatever the gazetteer holds abroad
            "A man was shot and wounded Tuesday in Hermitage, Metro police said. Officers "
            "found him on a porch.",
            "Metro",
        ),
        (  # the police of another town, named once, do not outweigh a dateline
            "MEMPHIS — A man was shot Sunday, police said. Atlanta police said the suspect "
            "had fled there.",
            "Atlanta",
        ),
        (  # a police officer is a person, not the agency speaking
            "A man was shot and killed outside a bar in Madisonville early Saturday. The "
            "victim, a retired Chicago police officer, was 61.",
            "Chicago",
        ),
        (  # a mayor is no police
            "A woman was stabbed Tuesday near a hotel in Madisonville. Chicago Mayor Jane "
            "Doe, who was in town for a conference, was not hurt.",
            "Chicago",
        ),
        (  # a town of one name only is no namesake ("Aurora" police are Illinois's too)
            "A man was shot and wounded Saturday night in Naperville outside a townhouse. "
            "Naperville officers found him on the lawn. Aurora police said a car seen "
            "leaving was found later.",
            "Aurora",
        ),
        (  # the police's town has a namesake near the town: those police are meant
            "A man was shot and killed Sunday in Jefferson City near a park. Columbia police "
            "said they had taken a suspect into custody.",
            "Columbia",
        ),
        (  # a university's police name no city bigger than the town
            "A man was shot and wounded early Sunday in New Haven near a dormitory. Yale "
            "police said officers heard gunfire.",
            "Yale",
        ),
        (  # an off-duty officer, a former chief: people, not the agency speaking
            "A man was shot outside a bar in Madisonville Saturday. The victim, an off-duty "
            "Cincinnati police sergeant, was taken to a hospital.",
            "Cincinnati",
        ),
        (
            "A man was shot outside a bar in Madisonville Saturday. Former Cincinnati police "
            "chief John Roe, who lives nearby, heard the shots.",
            "Cincinnati",
        ),
        (  # a name only "in" makes a town loses a tie to one the tagger calls a town
            "A 16-year-old was shot and killed Friday at a bus stop. The killing renewed "
            "calls in Congress for tougher gun laws. The teen attended a high school in "
            "Detroit.",
            "Congress",
        ),
        (  # a town after "in" must lie in a state the article names, when it names one
            "A 19-year-old man was shot and killed Saturday in Texas, police said. Rep. Jane "
            "Doe, who serves in Congress, called for action.",
            "Congress",
        ),
    ],
)
def test_places_the_agency_town_does_not_override(
    extractor: Extractor, text: str, absent: str
) -> None:
    found = towns(extractor, text)
    assert found
    assert absent not in found[0]


def test_reach_grows_with_a_city() -> None:
    """A town of 100,000 has neighbourhoods within 12 km; Chicago's reach 20 km."""
    assert reach_km(100_000) == 12.0
    assert 12.0 < reach_km(1_000_000) < 20.0
    assert reach_km(2_700_000) == 20.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 15-year-old girl was shot Friday night in Coney Island, police said.", "Brooklyn"),
        ("Two men were wounded Saturday night in Bushwick, police said.", "Brooklyn"),
    ],
)
def test_places_a_neighbourhood_lies_in_its_borough(
    extractor: Extractor, text: str, expected: str
) -> None:
    """New York's press names a neighbourhood's borough as its town."""
    found = towns(extractor, text)
    assert found
    assert expected in found[0]


def test_places_the_borough_itself_is_not_added_twice(extractor: Extractor) -> None:
    text = "A man was shot and killed in the Bronx on Sunday, police said."
    places = [p.resolved for i in extractor.extract(text, PUB) for p in i.places]
    assert len([p for p in places if p and "bronx" in p.lower()]) <= 1


def test_places_a_town_the_tagger_calls_a_person_after_in(extractor: Extractor) -> None:
    text = (
        "A Merrillville man faces a charge of reckless homicide after an Indianapolis man was "
        "fatally shot Tuesday in Gary, according to police."
    )
    (incident,) = extractor.extract(text, PUB)
    assert ("Gary", "US-IN") in {(p.resolved, p.admin1) for p in incident.places}


def test_places_a_person_named_in_full_is_no_town(extractor: Extractor) -> None:
    text = (
        "Jordan Marion, 24, was shot on Friday in Chicago, police said. Detectives found the "
        "gun that killed him, and the case against the shooter rests in Marion."
    )
    names = {p.name for i in extractor.extract(text, PUB) for p in i.places}
    assert "Marion" not in names


@pytest.mark.parametrize(
    "text",
    [
        "A man who said he had found peace in Jesus was shot and killed Sunday, police said.",
        "NEW ORLEANS -- A man was shot and killed Sunday in Gentilly, police said.",
    ],
)
def test_places_a_person_after_in_is_a_town_only_in_the_story_country(
    extractor: Extractor, text: str
) -> None:
    countries = {p.country for i in extractor.extract(text, PUB) for p in i.places}
    assert countries <= {"US"}
