from __future__ import annotations

import pytest

from tensionwatch.geo import Gazetteer

MOSCOW_ID = 524901


def test_gazetteer_lookup_moscow_is_the_russian_capital(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Moscow")[0]
    assert (best.name, best.country, best.admin1, best.feature) == (
        "Moscow",
        "RU",
        "RU-MOW",
        "city",
    )
    assert best.geonames_id == MOSCOW_ID
    assert best.lat == pytest.approx(55.75, abs=0.01)
    assert best.lon == pytest.approx(37.62, abs=0.01)
    assert best.population > 10_000_000


def test_gazetteer_lookup_country_preference_picks_moscow_idaho(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Moscow", country="US")[0]
    assert (best.name, best.country, best.admin1) == ("Moscow", "US", "US-ID")
    assert best.lat == pytest.approx(46.73, abs=0.01)


@pytest.mark.parametrize(
    ("written", "country", "admin1"),
    [
        ("Krasnogorsk, Moscow Oblast", "RU", "RU-MOS"),
        ("Dayton, OH", "US", "US-OH"),
        ("Springfield, Ill.", "US", "US-IL"),
        ("Springfield, Illinois", "US", "US-IL"),
        ("Springfield, Massachusetts", "US", "US-MA"),
        ("Atlanta, Georgia", "US", "US-GA"),
        ("Columbus, GA", "US", "US-GA"),
        ("Bristol, TN", "US", "US-TN"),
        ("Moscow, Idaho", "US", "US-ID"),
        ("Moscow, Russia", "RU", "RU-MOW"),
        ("MANAGUA (NICARAGUA)", "NI", "NI-MN"),
    ],
)
def test_gazetteer_lookup_qualifier_constrains_the_area(
    gazetteer: Gazetteer, written: str, country: str, admin1: str
) -> None:
    best = gazetteer.lookup(written)[0]
    assert (best.country, best.admin1, best.feature) == (country, admin1, "city")


def test_gazetteer_lookup_qualifier_outside_every_candidate_finds_nothing(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.lookup("Krasnogorsk, Ohio") == []
    assert gazetteer.lookup("Medellin, Russia") == []


@pytest.mark.parametrize("hint", ["Illinois", "IL", "US-IL", "US.IL", "Ill."])
def test_gazetteer_lookup_admin1_hint_picks_springfield_illinois(
    gazetteer: Gazetteer, hint: str
) -> None:
    best = gazetteer.lookup("Springfield", admin1=hint)[0]
    assert (best.country, best.admin1) == ("US", "US-IL")


def test_gazetteer_lookup_without_hint_prefers_the_biggest_springfield(
    gazetteer: Gazetteer,
) -> None:
    found = gazetteer.lookup("Springfield")
    assert found[0].population == max(c.population for c in found if c.feature == "city")
    assert {c.admin1 for c in found} >= {"US-IL", "US-MO", "US-MA", "US-OH"}


@pytest.mark.parametrize("written", ["SAN SALVADOR", "San Salvador", "san salvador"])
def test_gazetteer_lookup_ignores_case(gazetteer: Gazetteer, written: str) -> None:
    best = gazetteer.lookup(written)[0]
    assert (best.name, best.country, best.feature) == ("San Salvador", "SV", "city")


@pytest.mark.parametrize("written", ["MEDELLIN", "Medellín", "medellin", "MEDELLÍN"])
def test_gazetteer_lookup_ignores_accents(gazetteer: Gazetteer, written: str) -> None:
    best = gazetteer.lookup(written)[0]
    assert (best.name, best.country) == ("Medellín", "CO")


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [("Kiev", "Kyiv", "UA"), ("Washington, D.C.", "Washington", "US"), ("Moskau", "Moscow", "RU")],
)
def test_gazetteer_lookup_alternate_names(
    gazetteer: Gazetteer, written: str, name: str, country: str
) -> None:
    best = gazetteer.lookup(written)[0]
    assert (best.name, best.country) == (name, country)


@pytest.mark.parametrize("written", ["Qwzxq", "", "   ", "Russian", "Tajik", "Americans", ","])
def test_gazetteer_lookup_unknown_names_and_demonyms_find_nothing(
    gazetteer: Gazetteer, written: str
) -> None:
    assert gazetteer.lookup(written) == []


def test_gazetteer_lookup_country_is_a_country_feature(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Russia")[0]
    assert (best.country, best.feature, best.admin1) == ("RU", "country", None)
    assert best.geonames_id == 2017370
    assert best.population > 100_000_000
    assert best.lat is not None and best.lon is not None
    # A representative point, not the capital's coordinates passed off as the country's.
    assert abs(best.lon - 37.62) > 1.0


def test_gazetteer_lookup_admin1_uses_iso_codes(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Illinois")[0]
    assert (best.name, best.country, best.admin1, best.feature) == (
        "Illinois",
        "US",
        "US-IL",
        "admin1",
    )


def test_gazetteer_lookup_city_outranks_its_namesake_province(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("New York")[0].feature == "city"
    assert gazetteer.lookup("SAN SALVADOR")[0].feature == "city"


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        # a small town named after the state (Maryland City) is no reason to read it as a town
        ("Maryland", "US-MD"),
        # Oklahoma City is big, but not what "Oklahoma" means; nor is a Pennsylvania hamlet
        ("Oklahoma", "US-OK"),
        ("Bahia", "BR-BA"),
    ],
)
def test_a_region_outranks_a_town_that_only_borrows_its_name(
    gazetteer: Gazetteer, name: str, admin1: str
) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.feature, best.admin1) == ("admin1", admin1)


@pytest.mark.parametrize(
    ("written", "iso2"),
    [
        ("Russia", "RU"),
        ("the Russian Federation", "RU"),
        ("the United States", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("England", "GB"),
        ("EL SALVADOR", "SV"),
        ("Bolivia", "BO"),
        ("South Korea", "KR"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("RU", "RU"),
    ],
)
def test_gazetteer_country_for_aliases(gazetteer: Gazetteer, written: str, iso2: str) -> None:
    assert gazetteer.country_for(written) == iso2


@pytest.mark.parametrize("written", ["Russian", "American", "Moscow", "Qwzxq", ""])
def test_gazetteer_country_for_non_countries(gazetteer: Gazetteer, written: str) -> None:
    assert gazetteer.country_for(written) is None


@pytest.mark.parametrize(
    ("written", "countries", "codes"),
    [
        ("OH", (), ["US-OH"]),
        ("Ohio", (), ["US-OH"]),
        ("Calif.", (), ["US-CA"]),
        ("RU-MOS", (), ["RU-MOS"]),
        ("Moscow Oblast", ("RU",), ["RU-MOS"]),
        ("Russian", (), []),
    ],
)
def test_gazetteer_resolve_admin1(
    gazetteer: Gazetteer, written: str, countries: tuple[str, ...], codes: list[str]
) -> None:
    assert gazetteer.resolve_admin1(written, countries=countries) == codes


def test_gazetteer_admin1_and_country_records(gazetteer: Gazetteer) -> None:
    illinois = gazetteer.admin1("US-IL")
    assert illinois is not None and illinois.feature == "admin1" and illinois.name == "Illinois"
    assert illinois.lat == pytest.approx(40.5, abs=2.0)
    russia = gazetteer.country("ru")
    assert russia is not None and russia.feature == "country" and russia.country == "RU"
    assert gazetteer.admin1("XX-NOPE") is None
    assert gazetteer.country("XX") is None
