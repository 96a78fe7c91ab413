from __future__ import annotations

import pytest

from tensionwatch.geo import Gazetteer, GeoContext, context_from_text


@pytest.mark.parametrize(
    ("text", "dateline", "country"),
    [
        ("SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] THE ARMY SAID", "SAN SALVADOR", "SV"),
        ("  MEDELLIN, 12 FEB 90 (EFE) -- [TEXT] A BOMB EXPLODED", "MEDELLIN", "CO"),
        ("MOSCOW (Reuters) - Police detained four men on Saturday.", "MOSCOW", "RU"),
        ("MANAGUA (NICARAGUA), 5 JAN 90 (RADIO) -- [TEXT] TODAY", "MANAGUA, NICARAGUA", "NI"),
        ("LONDON — Police said on Friday that", "LONDON", "GB"),
        # a dash that ends the dateline's line
        ("READING, Pa. -\n\nFour people were wounded by gunfire on Monday.", "READING, Pa.", "US"),
    ],
)
def test_context_from_text_reads_the_dateline(
    gazetteer: Gazetteer, text: str, dateline: str, country: str
) -> None:
    context = context_from_text(text, gazetteer)
    assert context.dateline == dateline
    assert context.countries[0] == country


def test_context_from_text_dateline_with_state(gazetteer: Gazetteer) -> None:
    text = "DAYTON, Ohio (AP) — A man was shot on Monday, Dayton police said."
    context = context_from_text(text, gazetteer, default_country="US")
    assert context == GeoContext(
        countries=("US",), dateline="DAYTON, Ohio", default_country="US", regions=("US-OH",)
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GARRETTSVILLE – A man was shot on Friday night in Ohio, deputies said.", "GARRETTSVILLE"),
        ("GARRETTSVILLE – A man was shot on Friday night, deputies said.", None),
        ("GARRETTSVILLE – A man was shot on Friday night in Texas, deputies said.", None),
    ],
)
def test_context_from_text_small_town_dateline_stands_in_a_named_state(
    gazetteer: Gazetteer, text: str, dateline: str | None
) -> None:
    """A town of some 2,000 people: its dateline stands when the story names its state."""
    assert context_from_text(text, gazetteer).dateline == dateline


@pytest.mark.parametrize(
    "text",
    [
        "POLICE: Quadruple homicide in Waynesville Posted: Sunday",
        "Police said the man, 24, was taken to hospital.",
        "CLANDESTINE, 4 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE FMLN",
        "",
    ],
)
def test_context_from_text_no_dateline(gazetteer: Gazetteer, text: str) -> None:
    assert context_from_text(text, gazetteer).dateline is None


def test_context_from_text_most_frequent_country_first(gazetteer: Gazetteer) -> None:
    text = (
        "Ukraine said on Monday that Russia had attacked. Russia denied it; "
        "officials in Russia and the U.S. declined to comment."
    )
    assert context_from_text(text, gazetteer).countries == ("RU", "UA", "US")


def test_context_from_text_demonyms_are_not_countries(gazetteer: Gazetteer) -> None:
    text = "Young Russian nationalists attacked a Tajik food courier and two Uzbeks."
    assert context_from_text(text, gazetteer).countries == ()


@pytest.mark.parametrize(
    ("text", "countries", "regions"),
    [
        ("A shooting in New Mexico left two dead.", ("US",), ("US-NM",)),
        ("A shooting in Kansas City left two dead.", (), ()),
        ("He was shot in Springfield, Ill., on Friday.", ("US",), ("US-IL",)),
        ("Police in Dayton, OH said", ("US",), ("US-OH",)),
        # not the state of Indiana, but the county only Pennsylvania has
        ("Officers from the Indiana County sheriff's office", ("US",), ("US-PA",)),
        ("Deputies in Orange County said", (), ()),  # eight states have one
        ("Refugees in Papua New Guinea", ("PG",), ()),
    ],
)
def test_context_from_text_longest_names_win(
    gazetteer: Gazetteer, text: str, countries: tuple[str, ...], regions: tuple[str, ...]
) -> None:
    context = context_from_text(text, gazetteer)
    assert (context.countries, context.regions) == (countries, regions)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("THEY TOLD US THAT THE ARMY HAD LEFT.", ()),
        ("THE US EMBASSY IN EL SALVADOR", ("SV",)),
        ("the us and them of politics", ()),
        ("Michael Jordan said Chad was his friend.", ()),
        ("Refugees in Jordan and troops in Chad", ("JO", "TD")),
        ("Prices in turkey and chile markets", ()),
    ],
)
def test_context_from_text_case_and_ambiguity_rules(
    gazetteer: Gazetteer, text: str, countries: tuple[str, ...]
) -> None:
    assert context_from_text(text, gazetteer).countries == countries


def test_context_from_text_georgia_depends_on_the_story(gazetteer: Gazetteer) -> None:
    us_story = context_from_text(
        "A man was shot in Atlanta, Georgia.", gazetteer, default_country="US"
    )
    assert (us_story.countries, us_story.regions) == (("US",), ("US-GA",))
    abroad = context_from_text("Protests in Tbilisi, Georgia, turned violent.", gazetteer)
    assert (abroad.countries, abroad.regions) == (("GE",), ())


@pytest.mark.parametrize(
    ("text", "dateline", "regions"),
    [
        ("ATLANTA, Georgia (AP) — Police said", "ATLANTA, Georgia", ("US-GA",)),
        ("COLUMBUS, GA (WTVM) - A man was shot", "COLUMBUS, GA", ("US-GA",)),
        ("PANAMA CITY, PANAMA, 2 JAN 90 (ACAN) -- [TEXT]", "PANAMA CITY, PANAMA", ()),
    ],
)
def test_context_from_text_dateline_region_or_country(
    gazetteer: Gazetteer, text: str, dateline: str, regions: tuple[str, ...]
) -> None:
    context = context_from_text(text, gazetteer)
    assert (context.dateline, context.regions) == (dateline, regions)
