"""The extractor's ``PlaceResolver`` backed by the offline GeoNames gazetteer (``geo``).

Article context (dateline, countries and regions the text names) ranks ambiguous names, so
"Moscow" in an article about Idaho is not the Russian capital. The context is computed once
per article text and kept only for the article being processed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tensionwatch.extract.places import distance_km
from tensionwatch.geo import Gazetteer, GeoContext, context_from_text, geocode
from tensionwatch.models import Evidence, Place, PlacePrecision

CITY_VOTE_POPULATION = 100_000  # a city this large names its country in a country vote
KNOWN_TOWN_POPULATION = 50_000  # a name the tagger calls a person may be a town this large
NAMED_TOWN_POPULATION = 10_000  # … or this large in a country the article is about
STREETLIKE_TOWN = 5_000  # "Federal Way": a town this large that ends like a street is a town


@dataclass
class GazetteerResolver:
    gazetteer: Gazetteer
    _last: tuple[int, GeoContext] | None = field(default=None, repr=False)

    @classmethod
    def load(cls) -> GazetteerResolver:
        return cls(Gazetteer.load())

    def country_of(self, name: str) -> str | None:
        code = self.gazetteer.country_for(name)
        if code:
            return code
        candidates = self.gazetteer.lookup(name)
        if candidates and candidates[0].population >= CITY_VOTE_POPULATION:
            return candidates[0].country
        return None

    def is_street(self, name: str) -> bool:
        """Whether a name reads like a street ("West Boulevard"), which tells two incidents
        apart no more than it names their town; not a town that ends like one ("Federal
        Way", "University Place": the gazetteer knows a town of 5,000 or more by it)."""
        return self.gazetteer.is_street(name) and not self._town_of(name, STREETLIKE_TOWN)

    def by_direction(self, name: str) -> bool:
        """Whether a name is that of a town's part by its direction ("the North Side")."""
        return self.gazetteer.by_direction(name)

    def known_town(self, name: str, text: str | None = None) -> bool:
        """Whether the gazetteer knows a town by ``name`` in a country the article (``text``)
        is about, of ``NAMED_TOWN_POPULATION`` people or more, or, when the article names no
        country, of ``KNOWN_TOWN_POPULATION`` anywhere: a name the tagger calls a person
        ("shot Tuesday in Gary", "in Selma") may be read as a town only then, not a place
        abroad ("in Gentilly" under a NEW ORLEANS dateline: Gentilly, France) or a hamlet
        ("peace in Jesus": Jesús, Paraguay)."""
        context = self.context(text) if text is not None else None
        countries = set(context.countries) if context is not None else set()
        if context is not None and context.default_country:
            countries.add(context.default_country)
        if countries:
            return self._town_of(name, NAMED_TOWN_POPULATION, countries)
        return self._town_of(name, KNOWN_TOWN_POPULATION)

    def _town_of(
        self, name: str, population: int, countries: set[str] | frozenset[str] = frozenset()
    ) -> bool:
        """Whether the gazetteer knows a town of ``population`` or more by ``name``, in one of
        ``countries`` when any are given."""
        return any(
            c.feature == "city"
            and c.population >= population
            and (not countries or c.country in countries)
            for c in self.gazetteer.lookup(name)
        )

    def namesakes(self, place: Place) -> int:
        """How many towns the gazetteer knows by a resolved town's name ("Madisonville": 4)."""
        name = place.resolved or place.name
        return sum(1 for candidate in self.gazetteer.lookup(name) if candidate.feature == "city")

    def named_near(self, name: str, place: Place, km: float) -> bool:
        """Whether the gazetteer knows a town called ``name`` in ``place``'s state within
        ``km`` of it ("Columbia" near Jefferson City, Missouri)."""
        if place.lat is None or place.lon is None:
            return False
        for candidate in self.gazetteer.lookup(name):
            if candidate.feature != "city" or candidate.admin1 != place.admin1:
                continue
            if candidate.lat is None or candidate.lon is None:
                continue
            other = Place(name=candidate.name, lat=candidate.lat, lon=candidate.lon)
            if distance_km(place, other) <= km:
                return True
        return False

    def borough(self, place: Place) -> Place | None:
        """The borough around a resolved town ("Coney Island" lies in Brooklyn), quoting the
        town's own words; None for a town in no borough."""
        if place.precision != PlacePrecision.CITY or place.geonames_id is None:
            return None
        name = self.gazetteer.borough_of(place.resolved or place.name, place.geonames_id)
        written = (place.resolved or place.name).lower().removeprefix("the ")
        if name is None or name.lower() == written:
            return None  # "The Bronx" is the borough itself
        found = self.gazetteer.lookup(name, country=place.country, admin1=place.admin1)
        if not found:
            return None
        return Place(
            name=place.name,
            resolved=name,
            country=found[0].country,
            admin1=found[0].admin1,
            lat=found[0].lat,
            lon=found[0].lon,
            precision=PlacePrecision.CITY,
            geonames_id=found[0].geonames_id,
            evidence=place.evidence,
        )

    def population(self, place: Place) -> int:
        """The population of the gazetteer entry a resolved place stands for (0 if none)."""
        if place.geonames_id is None:
            return 0
        for candidate in self.gazetteer.lookup(place.resolved or place.name):
            if candidate.geonames_id == place.geonames_id:
                return candidate.population
        return 0

    def context(self, text: str) -> GeoContext:
        key = hash(text)
        if self._last is None or self._last[0] != key:
            self._last = (key, context_from_text(text, self.gazetteer))
        return self._last[1]

    def resolve(self, places: Sequence[Place], text: str) -> tuple[Place, ...]:
        return geocode(places, self.gazetteer, self.context(text))

    def dateline(self, text: str) -> Place | None:
        """The place of the article's dateline ("DALLAS -", "SAN SALVADOR, 3 JAN 90"), with
        its evidence, when it resolves to a city."""
        written = self.context(text).dateline
        if not written:
            return None
        start = text.find(written)
        if start < 0:
            return None
        mention = Place(name=written, evidence=(Evidence(start, start + len(written), written),))
        (place,) = geocode([mention], self.gazetteer, self.context(text))
        return place if place.precision == PlacePrecision.CITY else None
