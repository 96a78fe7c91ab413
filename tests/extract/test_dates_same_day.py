"""An hour with no day is the day of publication (breaking news); a day named anywhere in
the article wins (sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def test_hour_without_a_day_is_the_publication_day(extractor: Extractor) -> None:
    text = "A man was shot in the head on Porter Street at 4:30 p.m., police said."
    when = main(extractor, text).date
    assert when is not None
    assert (when.start, when.end, when.precision.value) == (PUB, PUB, "day")
    assert [e.text for e in when.evidence] == ["4:30 p.m."]


def test_hour_in_the_lead_dates_the_incident(extractor: Extractor) -> None:
    text = (
        "Officers were called to Porter Street around 3:30 p.m. A 17-year-old boy had been "
        "shot in the leg, police said."
    )
    when = main(extractor, text).date
    assert when is not None and (when.end, when.precision.value) == (PUB, "day")


def test_a_day_named_anywhere_wins_over_the_hour(extractor: Extractor) -> None:
    """A follow-up names the event's day somewhere, even far from the lead: then an hour
    alone is not the day of publication."""
    filler = " ".join(
        f"Neighbors described the street as quiet, resident {n} said." for n in range(8)
    )
    text = (
        "A man was shot on Porter Street at 4:30 p.m., police said. "
        + filler
        + " The funeral is planned for Tuesday."
    )
    when = main(extractor, text).date
    assert when is not None
    assert not (when.end == PUB and when.precision.value == "day")


@pytest.mark.parametrize(
    ("later", "day"),
    [(" Neighbors heard shots on Thursday night.", date(2023, 5, 11)), ("", PUB)],
)
def test_publication_stamp_dates_only_as_a_last_resort(
    extractor: Extractor, later: str, day: date
) -> None:
    """ "May 12, 2023 7:39 AM" is the page's posting stamp: a day the lead names wins over
    it; with none, the stamp is the day."""
    text = (
        "Updated May 12, 2023 7:39 AM. A man was shot in the leg on Elm Street, police "
        "said." + later
    )
    when = main(extractor, text).date
    assert when is not None and when.end == day and when.precision.value == "day"


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        # PUB is Friday 12 May 2023: "last month" is April, "last year" 2022, never a first day
        ("last month", date(2023, 4, 1), date(2023, 4, 30), "month"),
        ("last year", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ],
)
def test_a_relative_month_or_year_is_a_range(
    extractor: Extractor, phrase: str, start: date, end: date, precision: str
) -> None:
    when = main(extractor, f"A 20-year-old man was shot and killed {phrase} on Elm Street.").date
    assert when is not None
    assert (when.start, when.end, when.precision.value) == (start, end, precision)


def test_a_day_within_the_first_date_narrows_it(extractor: Extractor) -> None:
    text = (
        "A judge set bond for a woman charged following the shooting last month of her "
        "daughter. The 6-year-old was shot in the right thigh April 14 at the home."
    )
    when = main(extractor, text).date
    assert when is not None
    assert (when.start, when.end, when.precision.value) == (
        date(2023, 4, 14),
        date(2023, 4, 14),
        "day",
    )


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the day on a saying in the present tense, which no past day dates
        (
            "Police in Lexington are investigating a shooting at Douglass Park. Police say "
            "around 9:15 p.m. on Wednesday, a basketball game turned violent when shots were "
            "fired. Three people were taken to the hospital with injuries."
        ),
        # a day just before an attribution that ends the sentence dates what was reported
        (
            "EAST ORANGE, N.J. -- A six-year-old boy accidentally shot his four-year-old brother "
            "at their home, killing him, authorities said. It happened on the front porch of "
            "a home on Norman Street just after 11 a.m. Wednesday, CBS New York reported."
        ),
    ],
)
def test_day_next_to_a_report_verb_dates_the_reported_event(
    extractor: Extractor, text: str
) -> None:
    when = main(extractor, text).date
    assert when is not None
    assert (when.start, when.end) == (date(2023, 5, 10), date(2023, 5, 10))  # that Wednesday


def test_day_of_a_past_saying_still_dates_only_the_saying(extractor: Extractor) -> None:
    text = (
        "A man was found shot to death in a car on Elm Street. On Wednesday, police said they "
        "are still looking for the gunman."
    )
    when = main(extractor, text).date
    assert when is None or when.start != date(2023, 5, 10)


@pytest.mark.parametrize(
    ("text", "day", "said"),
    [
        ("A man was shot early this morning on Porter Street.", PUB, "early this morning"),
        ("A man was shot this afternoon on Porter Street.", PUB, "this afternoon"),
        ("A man was shot late last night on Porter Street.", date(2023, 5, 11), "late last night"),
    ],
)
def test_part_of_a_relative_day(extractor: Extractor, text: str, day: date, said: str) -> None:
    """ "early this morning" is this morning, however early."""
    when = main(extractor, text).date
    assert when is not None
    assert (when.start, when.end, when.precision.value) == (day, day, "day")
    assert [e.text for e in when.evidence] == [said]
