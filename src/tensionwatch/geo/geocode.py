"""Fill in the coordinates of extracted ``Place``s, in the light of the article's context.

For each place, in order:

1. A place that already has ``precision == "point"`` and coordinates is left as it is.
2. Its ``name`` is ranked by the gazetteer with the article's preferences: the place's own
   ``country`` if set, ``GeoContext.countries`` (most salient strongest), the dateline's
   country and admin1, ``GeoContext.regions``, then ``default_country``. The best candidate
   fills ``resolved``, ``country``, ``admin1``, ``lat``/``lon``, ``geonames_id`` and
   ``precision`` = its feature (``city`` | ``admin1`` | ``country``). A country keeps precision
   ``country``: its point is a representative one, never passed off as a city.
3. A name the gazetteer does not know (a venue: "Crocus City Hall") is placed at a containing
   place, the first that resolves of: the caller's ``resolved`` hint; a qualifier in the name
   ("Crocus City Hall, Krasnogorsk"); the town a district name is named after ("South Los
   Angeles", ``data/district_words.txt``); and, only for names that read like a venue
   (``data/venue_words.txt``), the dateline city. The name is kept, ``resolved`` names the
   container, and precision is the container's (``city`` for a city): the point is the city's,
   not the venue's.
   A name that reads like a street (``data/street_words.txt``) skips step 2: "Fifth Street"
   is not the hamlet of that name. A name that reads like a US county's
   (``data/county_words.txt``: "Catoosa County", "Clayton Co.") in a story about the US
   skips steps 2 and 3: it resolves to its state, precision ``admin1``, when only one state
   has such a county, when the article names one of the states, or when a town resolved in
   the same call lies in one; else it stays unresolved, never a town of its name.
4. Otherwise the place stays unresolved: precision ``unknown`` and no coordinates.

``name`` and ``evidence`` are never changed. Precision ``point`` is never produced here: the
offline data has no venue coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tensionwatch.geo._text import name_key, split_qualifiers
from tensionwatch.geo.context import GeoContext
from tensionwatch.geo.gazetteer import (
    ADMIN1,
    CITY,
    COUNTRY,
    EXPLICIT,
    Candidate,
    Gazetteer,
    Preferences,
)
from tensionwatch.models import Place, PlacePrecision

PRECISION = {
    CITY: PlacePrecision.CITY,
    ADMIN1: PlacePrecision.ADMIN1,
    COUNTRY: PlacePrecision.COUNTRY,
}
# Context bonuses by salience rank, weaker than an explicit country/admin1 (EXPLICIT); the
# last value repeats. The article's main country decides; a country it names in passing
# ("the U.S. embassy") must not pull "BOGOTA" to Bogota, New Jersey.
COUNTRY_BONUSES = (4.0, 1.5, 1.0)
REGION_BONUSES = (3.0, 2.0, 1.0)
COUNTRY_BONUS = COUNTRY_BONUSES[0]
DEFAULT_COUNTRY_BONUS = 2.0
DATELINE_ADMIN1_BONUS = 2.0
MIN_FOREIGN_POPULATION = 15_000
NAMESAKE_RATIO = 100


def geocode(
    places: Sequence[Place], gazetteer: Gazetteer, context: GeoContext
) -> tuple[Place, ...]:
    """Resolved copies of ``places`` (see the module docstring for the rules)."""
    preferences, dateline = context_preferences(gazetteer, context)
    done = [_geocode_one(place, gazetteer, preferences, dateline) for place in places]
    # A county several states have ("Floyd County") lies in the state of a town named with it
    states = {p.admin1 for p in done if p.precision == PlacePrecision.CITY and p.admin1}
    return tuple(
        _county(place, gazetteer.counties(place.name), preferences, states) or place
        if place.precision == PlacePrecision.UNKNOWN and _us_story(place, preferences)
        else place
        for place in done
    )


def context_preferences(
    gazetteer: Gazetteer, context: GeoContext
) -> tuple[Preferences, Candidate | None]:
    """The ranking preferences an article context implies, and its resolved dateline place."""
    countries: dict[str, float] = {}
    for position, code in enumerate(context.countries):
        bonus = COUNTRY_BONUSES[min(position, len(COUNTRY_BONUSES) - 1)]
        countries[code] = max(countries.get(code, 0.0), bonus)
    if context.default_country:
        code = context.default_country
        countries[code] = max(countries.get(code, 0.0), DEFAULT_COUNTRY_BONUS)
    regions: dict[str, float] = {}
    for position, code in enumerate(context.regions):
        bonus = REGION_BONUSES[min(position, len(REGION_BONUSES) - 1)]
        regions[code] = max(regions.get(code, 0.0), bonus)

    dateline: Candidate | None = None
    if context.dateline:
        found = gazetteer.rank(context.dateline, Preferences(countries, regions))
        if found:
            dateline = found[0]
            code = dateline.country
            countries[code] = max(countries.get(code, 0.0), COUNTRY_BONUS)
            qualifiers = split_qualifiers(context.dateline)[1]
            # "DAYTON, Ohio" names an admin1; "PANAMA CITY, PANAMA" names the country.
            named = bool(qualifiers) and gazetteer.country_for(qualifiers[-1]) != dateline.country
            if named and dateline.admin1 and dateline.feature == CITY:
                admin = dateline.admin1
                regions[admin] = max(regions.get(admin, 0.0), DATELINE_ADMIN1_BONUS)
    return Preferences(countries, regions, context.by_county), dateline


def plausible(candidates: list[Candidate], preferences: Preferences) -> list[Candidate]:
    """The candidates that may stand for a place in an article with these preferences.

    A small town (under ``MIN_FOREIGN_POPULATION``) is dropped as a mere namesake when it lies
    outside every country the article names ("Charlo" in a Montana story is not Charlo, New
    Brunswick); outside every admin1 area the article names in its country ("Felton" in a
    Minnesota story is not Felton, California; a state known only from a county,
    ``Preferences.hinted``, rules nothing out); or, in a country the article names only in
    passing, when a namesake a hundred times bigger exists ("BOGOTA" in a Nicaraguan wire that
    mentions the U.S. once is not Bogota, New Jersey).
    """
    if not candidates:
        return []
    biggest = max(c.population for c in candidates)
    main = max(preferences.countries.values(), default=0.0)
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.feature == CITY and candidate.population < MIN_FOREIGN_POPULATION:
            bonus = preferences.countries.get(candidate.country, 0.0)
            if preferences.countries and bonus == 0.0:
                continue
            if bonus < main and biggest >= NAMESAKE_RATIO * max(candidate.population, 1):
                continue
            named = {
                code
                for code in preferences.admin1
                if code[:2] == candidate.country and code not in preferences.hinted
            }
            if named and candidate.admin1 not in named:
                continue
        kept.append(candidate)
    return kept


def _geocode_one(
    place: Place, gazetteer: Gazetteer, preferences: Preferences, dateline: Candidate | None
) -> Place:
    if place.precision == PlacePrecision.POINT and place.lat is not None and place.lon is not None:
        return place
    if place.country:
        countries = dict(preferences.countries)
        countries[place.country] = max(countries.get(place.country, 0.0), EXPLICIT)
        preferences = Preferences(countries, preferences.admin1, preferences.hinted)

    state = gazetteer.ap_state(place.name)
    if state is not None:  # "READING, Pa.": the state, not a town called Pa
        return _filled(place, state, resolved=state.name)
    counties = gazetteer.counties(place.name) if _us_story(place, preferences) else []
    if counties:  # "Harris County" is no town, whatever towns share its name
        return _county(place, counties, preferences) or _unresolved(place)
    # "Fifth Street" is a street in the article's town, not a hamlet of that name
    is_street = gazetteer.is_street(place.name)
    found = [] if is_street else plausible(gazetteer.rank(place.name, preferences), preferences)
    if found:
        return _filled(place, found[0], resolved=found[0].name)
    container = _container(place, gazetteer, preferences, dateline, is_street=is_street)
    if container is not None:
        return _filled(place, container, resolved=container.name)
    return _unresolved(place)


def _us_story(place: Place, preferences: Preferences) -> bool:
    """Whether a county name may be a US county: "St. Mary Parish" in a Jamaican story and
    "Lunenburg County" in a Canadian one are not."""
    if place.country and place.country != "US":
        return False
    main = max(preferences.countries.values(), default=0.0)
    return preferences.countries.get("US", 0.0) >= main


def _unresolved(place: Place) -> Place:
    return replace(place, lat=None, lon=None, geonames_id=None, precision=PlacePrecision.UNKNOWN)


def _county(
    place: Place,
    counties: list[Candidate],
    preferences: Preferences,
    states: set[str] | frozenset[str] = frozenset(),
) -> Place | None:
    """The county a name stands for: the only one so named, else the one in a state the
    article names (most salient first) or in a town's state (``states``); None if unsure."""
    if len(counties) == 1:
        return _filled(place, counties[0], resolved=counties[0].name)
    named = [c for c in counties if preferences.admin1.get(c.admin1 or "", 0.0) > 0]
    if named:
        best = max(named, key=lambda c: preferences.admin1[c.admin1 or ""])
        return _filled(place, best, resolved=best.name)
    inside = [c for c in counties if c.admin1 in states]
    if len(inside) == 1:
        return _filled(place, inside[0], resolved=inside[0].name)
    return None


def _container(
    place: Place,
    gazetteer: Gazetteer,
    preferences: Preferences,
    dateline: Candidate | None,
    *,
    is_street: bool = False,
) -> Candidate | None:
    if place.resolved and name_key(place.resolved) != name_key(place.name):
        found = plausible(gazetteer.rank(place.resolved, preferences), preferences)
        if found:
            return found[0]
    qualifiers = split_qualifiers(place.name)[1]
    for position, qualifier in enumerate(qualifiers):
        # A qualifier is read in the light of those after it: "Lincoln, Delaware" is the state
        # (not the city of Delaware, Ohio); "Crocus City Hall, Krasnogorsk" is a city.
        written = ", ".join(qualifiers[position:])
        area = _area(qualifier, gazetteer, preferences)
        found = plausible([area] if area else gazetteer.rank(written, preferences), preferences)
        if found:
            return found[0]
    # "West Street" is a street, not the west side of a town called Street
    town = None if is_street else gazetteer.district_of(place.name)
    if town is not None:
        ranked = plausible(gazetteer.rank(town, preferences), preferences)
        # "South Side" is no district of a town "Side" abroad
        towns = [
            c
            for c in ranked
            if c.feature == CITY
            and (not preferences.countries or preferences.countries.get(c.country, 0.0) > 0)
        ]
        if towns:
            return towns[0]
    if dateline is not None and dateline.feature == CITY and gazetteer.is_venue(place.name):
        return dateline
    return None


def _area(qualifier: str, gazetteer: Gazetteer, preferences: Preferences) -> Candidate | None:
    """The admin1 area or country a qualifier names, if it names one."""
    codes = gazetteer.resolve_admin1(qualifier, countries=list(preferences.countries))
    if codes:
        ranked = sorted(codes, key=lambda code: -preferences.countries.get(code[:2], 0.0))
        return gazetteer.admin1(ranked[0])
    iso2 = gazetteer.country_for(qualifier)
    return gazetteer.country(iso2) if iso2 else None


def _filled(place: Place, candidate: Candidate, *, resolved: str) -> Place:
    return replace(
        place,
        resolved=resolved,
        country=candidate.country,
        admin1=candidate.admin1,
        lat=candidate.lat,
        lon=candidate.lon,
        precision=PRECISION[candidate.feature],
        geonames_id=candidate.geonames_id,
    )
