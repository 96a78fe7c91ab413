from __future__ import annotations

from dataclasses import replace

import pytest

from tensionwatch.geo import Gazetteer, GeoContext, context_from_text, geocode
from tensionwatch.models import Evidence, Place, PlacePrecision

NO_CONTEXT = GeoContext()


def _one(gazetteer: Gazetteer, place: Place, context: GeoContext = NO_CONTEXT) -> Place:
    (found,) = geocode([place], gazetteer, context)
    return found


def test_geocode_moscow_city_precision_keeps_name_and_evidence(gazetteer: Gazetteer) -> None:
    evidence = (Evidence(10, 16, "MOSCOW"),)
    found = _one(gazetteer, Place(name="MOSCOW", evidence=evidence))
    assert found.name == "MOSCOW" and found.evidence == evidence
    assert (found.resolved, found.country, found.admin1) == ("Moscow", "RU", "RU-MOW")
    assert found.precision == PlacePrecision.CITY
    assert found.geonames_id == 524901
    assert found.lat == pytest.approx(55.75, abs=0.01)
    assert found.lon == pytest.approx(37.62, abs=0.01)


@pytest.mark.parametrize(
    "context",
    [GeoContext(countries=("US",)), GeoContext(default_country="US")],
    ids=["article-country", "default-country"],
)
def test_geocode_context_country_us_gives_moscow_idaho(
    gazetteer: Gazetteer, context: GeoContext
) -> None:
    found = _one(gazetteer, Place(name="Moscow"), context)
    assert (found.country, found.admin1, found.precision) == ("US", "US-ID", PlacePrecision.CITY)


def test_geocode_krasnogorsk_moscow_oblast(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Krasnogorsk, Moscow Oblast"))
    assert (found.resolved, found.country, found.admin1) == ("Krasnogorsk", "RU", "RU-MOS")
    assert found.lat == pytest.approx(55.82, abs=0.01)


def test_geocode_country_has_country_precision_not_the_capital(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Russia"))
    moscow = _one(gazetteer, Place(name="Moscow"))
    assert found.precision == PlacePrecision.COUNTRY
    assert (found.country, found.admin1, found.geonames_id) == ("RU", None, 2017370)
    assert found.lat is not None and found.lon is not None
    assert (found.lat, found.lon) != (moscow.lat, moscow.lon)
    assert found.geonames_id != moscow.geonames_id


def test_geocode_upper_case_muc_city(gazetteer: Gazetteer) -> None:
    text = "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] THE FMLN ATTACKED SAN MIGUEL."
    context = context_from_text(text, gazetteer)
    capital, other = geocode(
        [Place(name="SAN SALVADOR"), Place(name="SAN MIGUEL")], gazetteer, context
    )
    assert (capital.country, capital.precision) == ("SV", PlacePrecision.CITY)
    assert other.country == "SV"


def test_geocode_springfield_with_state_in_context(gazetteer: Gazetteer) -> None:
    context = GeoContext(default_country="US", regions=("US-IL",))
    found = _one(gazetteer, Place(name="Springfield"), context)
    assert (found.country, found.admin1) == ("US", "US-IL")


def test_geocode_state_name_has_admin1_precision(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Illinois"), GeoContext(default_country="US"))
    assert (found.admin1, found.precision) == ("US-IL", PlacePrecision.ADMIN1)


@pytest.mark.parametrize("name", ["Qwzxq Heights", "Russian", "Tajik", ""])
def test_geocode_unknown_names_stay_unknown_without_coordinates(
    gazetteer: Gazetteer, name: str
) -> None:
    found = _one(gazetteer, Place(name=name), GeoContext(countries=("RU",), dateline="MOSCOW"))
    assert found.precision == PlacePrecision.UNKNOWN
    assert (found.lat, found.lon, found.geonames_id) == (None, None, None)
    assert found.name == name


def test_geocode_venue_with_resolved_hint_is_placed_at_its_city(gazetteer: Gazetteer) -> None:
    evidence = (Evidence(0, 16, "Crocus City Hall"),)
    venue = Place(name="Crocus City Hall", resolved="Krasnogorsk", evidence=evidence)
    found = _one(gazetteer, venue, GeoContext(countries=("RU",)))
    assert found.name == "Crocus City Hall" and found.evidence == evidence
    assert (found.resolved, found.country, found.admin1) == ("Krasnogorsk", "RU", "RU-MOS")
    assert found.precision == PlacePrecision.CITY


def test_geocode_venue_with_city_qualifier(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Crocus City Hall, Krasnogorsk"))
    assert (found.resolved, found.admin1, found.precision) == (
        "Krasnogorsk",
        "RU-MOS",
        PlacePrecision.CITY,
    )


def test_geocode_venue_falls_back_to_the_dateline_city(gazetteer: Gazetteer) -> None:
    context = context_from_text("MOSCOW (Reuters) - Gunmen opened fire in a hall.", gazetteer)
    found = _one(gazetteer, Place(name="Crocus City Hall"), context)
    assert (found.resolved, found.country, found.precision) == ("Moscow", "RU", PlacePrecision.CITY)


def test_geocode_town_we_lack_in_a_named_state_is_the_state(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Lincoln, Delaware"), GeoContext(default_country="US"))
    assert (found.resolved, found.admin1, found.precision) == (
        "Delaware",
        "US-DE",
        PlacePrecision.ADMIN1,
    )


def test_geocode_small_foreign_namesake_is_not_accepted(gazetteer: Gazetteer) -> None:
    # Charlo, Montana is below GeoNames' cities500; Charlo, New Brunswick is a namesake.
    context = GeoContext(default_country="US", regions=("US-MT",))
    found = _one(gazetteer, Place(name="Charlo"), context)
    assert found.precision == PlacePrecision.UNKNOWN
    assert found.country is None


def test_geocode_passing_mention_does_not_pull_a_capital_abroad(gazetteer: Gazetteer) -> None:
    context = GeoContext(countries=("NI", "US"), dateline="MANAGUA, NICARAGUA")
    found = _one(gazetteer, Place(name="BOGOTA"), context)
    assert (found.country, found.resolved) == ("CO", "Bogotá")


def test_geocode_point_precision_is_left_alone(gazetteer: Gazetteer) -> None:
    place = Place(name="Moscow", lat=55.7, lon=37.5, precision=PlacePrecision.POINT)
    assert _one(gazetteer, place) is place


def test_geocode_returns_one_place_per_input_in_order(gazetteer: Gazetteer) -> None:
    places = [Place(name="Moscow"), Place(name="Qwzxq"), Place(name="Russia")]
    found = geocode(places, gazetteer, NO_CONTEXT)
    assert [p.name for p in found] == ["Moscow", "Qwzxq", "Russia"]
    assert [p.precision for p in found] == [
        PlacePrecision.CITY,
        PlacePrecision.UNKNOWN,
        PlacePrecision.COUNTRY,
    ]


def test_geocode_place_country_is_a_preference(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, replace(Place(name="Moscow"), country="US"))
    assert found.admin1 == "US-ID"


def test_geocode_district_is_not_named_after_a_town_abroad(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="South Side"), GeoContext(countries=("US",)))
    assert found.country in {None, "US"}


@pytest.mark.parametrize("name", ["South Side", "the West Side", "the Southwest Side"])
def test_geocode_a_part_named_by_direction_alone_is_no_town(
    gazetteer: Gazetteer, name: str
) -> None:
    """ "the South Side" of a story that names no country is no town called Side (Turkey)."""
    found = _one(gazetteer, Place(name=name), GeoContext())
    assert found.precision == PlacePrecision.UNKNOWN


@pytest.mark.parametrize("name", ["the East Side", "East Side", "North Side", "Westside"])
def test_geocode_a_part_named_by_direction_is_no_town_of_that_alternate_name(
    gazetteer: Gazetteer, name: str
) -> None:
    """GeoNames lists "East Side" among East Ridge's (Tennessee) names and "Westside" among
    Las Vegas's: a story's "the East Side" is a part of its own town, not those."""
    found = _one(gazetteer, Place(name=name), GeoContext(countries=("US",)))
    assert found.precision == PlacePrecision.UNKNOWN


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("West Bank", "PS"),  # a region of its own
        ("Central Coast", "AU"),  # a sizeable town so named
        ("Southend", "GB"),  # the start of its own name, Southend-on-Sea
        ("Southside, Alabama", "US"),  # a hamlet, with its state written
    ],
)
def test_geocode_a_place_named_by_direction_stays(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    assert _one(gazetteer, Place(name=name), GeoContext()).country == country


def test_gazetteer_district_of_keeps_a_town_after_a_direction(gazetteer: Gazetteer) -> None:
    assert gazetteer.district_of("South Los Angeles") == "Los Angeles"
    assert gazetteer.district_of("South Side") is None


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # only one state has a county so named
        ("Catoosa County", "", ("Catoosa County", "US-GA")),
        ("ATOKA COUNTY", "", ("Atoka County", "US-OK")),
        ("Acadia Parish", "", ("Acadia Parish", "US-LA")),
        ("St. Clair County", "", None),  # Alabama, Illinois, Michigan, Missouri
        ("St. Clair County", "Police in Belleville, Illinois said", ("St. Clair County", "US-IL")),
        # several states have one: the state the article names decides, else nothing does
        ("Harris County", "", None),
        ("Harris County", "deputies in Texas said", ("Harris County", "US-TX")),
        ("Clayton Co.", "the Georgia Bureau of Investigation", ("Clayton County", "US-GA")),
    ],
)
def test_geocode_county_gives_its_state(
    gazetteer: Gazetteer, name: str, text: str, expected: tuple[str, str] | None
) -> None:
    context = context_from_text(text, gazetteer, default_country="US")
    found = _one(gazetteer, Place(name=name), context)
    if expected is None:
        assert found.precision == PlacePrecision.UNKNOWN and found.admin1 is None
    else:
        assert (found.resolved, found.admin1) == expected
        assert found.precision == PlacePrecision.ADMIN1 and found.name == name


def test_geocode_county_lies_in_the_state_of_a_town_named_with_it(gazetteer: Gazetteer) -> None:
    county, town = geocode(
        [Place(name="Harris County"), Place(name="Houston")], gazetteer, NO_CONTEXT
    )
    assert (town.resolved, town.admin1) == ("Houston", "US-TX")
    assert (county.resolved, county.admin1) == ("Harris County", "US-TX")


def test_geocode_county_is_never_a_town_of_its_name(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, Place(name="Floyd County"), GeoContext(default_country="US"))
    assert found.precision == PlacePrecision.UNKNOWN  # six states: no guess, and no town "Floyd"


def test_geocode_state_known_only_from_a_county_rules_no_town_out(gazetteer: Gazetteer) -> None:
    # A story from Rutherfordton, N.C. that lists incidents in South Carolina's counties
    text = "Rutherfordton. Shootings in Darlington County and Chester County last year."
    context = context_from_text(text, gazetteer, default_country="US")
    assert "US-SC" in context.regions and "US-SC" in context.by_county
    found = _one(gazetteer, Place(name="Rutherfordton"), context)
    assert (found.resolved, found.admin1) == ("Rutherfordton", "US-NC")
    # … but it still ranks a namesake: Dallas, North Carolina in a Catawba County story
    context = context_from_text("Catawba County deputies", gazetteer, default_country="US")
    assert _one(gazetteer, Place(name="Dallas"), context).admin1 == "US-NC"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Gunmen killed three people in St. Mary Parish on Sunday, the Jamaica "
            "Constabulary Force said. The attack happened in Port Maria.",
            "St. Mary Parish",
            "JM",
        ),
        (
            "Gunmen killed three people in St. Mary Parish on Sunday, the Jamaica "
            "Constabulary Force said. The attack happened in Port Maria.",
            "Port Maria",
            "JM",
        ),
    ],
)
def test_geocode_county_names_abroad_stay_abroad(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    """Louisiana's St. Mary Parish is no parish of a Jamaican story, nor a vote for the US."""
    context = context_from_text(text, gazetteer)
    assert "US" not in context.countries
    assert _one(gazetteer, Place(name=name), context).country == country


@pytest.mark.parametrize(("written", "admin1"), [("Pa.", "US-PA"), ("Minn.", "US-MN")])
def test_geocode_a_state_abbreviation_alone_is_the_state(
    gazetteer: Gazetteer, written: str, admin1: str
) -> None:
    # "READING, Pa." with the town left out by the tagger: no town called Pa in Burkina Faso
    found = _one(gazetteer, Place(name=written), GeoContext(default_country="US"))
    assert (found.admin1, found.precision) == (admin1, PlacePrecision.ADMIN1)
    assert gazetteer.ap_state("Pa") is None  # a town's name without the full stop stays one


def test_geocode_a_street_is_no_side_of_a_town(gazetteer: Gazetteer) -> None:
    # "near West Street" in Jackson, Miss.: not the west of Street, Somerset
    found = _one(gazetteer, Place(name="West Street"))
    assert found.precision == PlacePrecision.UNKNOWN and found.country is None


_STATE_CODES = {
    "Delaware": "US-DE",
    "California": "US-CA",
    "Wyoming": "US-WY",
    "Maryland": "US-MD",
}


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # the state the story names, not Delaware, Ohio, or California, Pennsylvania
        ("The county courthouse in Delaware stayed closed on Wednesday.", "Delaware", "US-DE"),
        ("Six people were killed in Isla Vista, California, on Friday.", "California", "US-CA"),
        # a small town named after the state (Maryland City) is not what the state's name means
        ("A man was shot on Sunday in Maryland, police said.", "Maryland", "US-MD"),
        # a state that holds a namesake city still defers to the city
        ("Two men were shot in New York on Friday.", "New York", "US-NY"),
        # a town in a state the story names is no state of the town's name
        ("A man was shot in Wyoming, Michigan on Friday.", "Wyoming", "US-MI"),
        ("A woman was shot in Delaware, Ohio.", "Delaware", "US-OH"),
    ],
)
def test_geocode_a_state_the_story_names_is_the_state(
    gazetteer: Gazetteer, text: str, name: str, admin1: str
) -> None:
    context = context_from_text(text, gazetteer)
    found = _one(gazetteer, Place(name=name), context)
    assert found.admin1 == admin1
    town = name == "New York" or admin1 != _STATE_CODES.get(name)
    assert found.precision == (PlacePrecision.CITY if town else PlacePrecision.ADMIN1)


@pytest.mark.parametrize(
    ("name", "borough"),
    [("Coney Island", "Brooklyn"), ("Long Island City", "Queens"), ("Chicago", None)],
)
def test_gazetteer_borough_of_a_town(gazetteer: Gazetteer, name: str, borough: str | None) -> None:
    """A town GeoNames lists in one of New York's borough counties lies in that borough."""
    town = next(c for c in gazetteer.lookup(name) if c.admin1 in {"US-NY", "US-IL"})
    assert town.geonames_id is not None
    assert gazetteer.borough_of(name, town.geonames_id) == borough
