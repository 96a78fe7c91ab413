"""Arbitrary text never makes the geocoder raise, and unknown places never get coordinates."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tensionwatch.geo import Gazetteer, GeoContext, context_from_text, geocode
from tensionwatch.models import Place, PlacePrecision

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
names = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Moscow", "SAN SALVADOR", "Springfield, Ill.", "(", ", ,", "St.", "the"]),
)


@SETTINGS
@given(
    name=names,
    country=st.one_of(st.none(), st.text(max_size=4)),
    admin1=st.one_of(st.none(), st.text(max_size=6)),
)
def test_properties_lookup_never_raises(
    gazetteer: Gazetteer, name: str, country: str | None, admin1: str | None
) -> None:
    found = gazetteer.lookup(name, country=country, admin1=admin1)
    assert all(c.feature in {"city", "admin1", "country"} for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


@SETTINGS
@given(name=names, resolved=st.one_of(st.none(), names), text=st.text(max_size=200))
def test_properties_geocode_never_raises(
    gazetteer: Gazetteer, name: str, resolved: str | None, text: str
) -> None:
    context = context_from_text(text, gazetteer)
    assert isinstance(context, GeoContext)
    (found,) = geocode([Place(name=name, resolved=resolved)], gazetteer, context)
    assert found.name == name
    if found.precision == PlacePrecision.UNKNOWN:
        assert (found.lat, found.lon, found.geonames_id) == (None, None, None)
    else:
        assert found.country is not None
