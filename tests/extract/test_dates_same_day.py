"""An hour with no day is the day of publication (breaking news); a day named anywhere in
the article wins (sentences written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
