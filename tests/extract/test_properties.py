"""Property tests: the extractor never crashes on arbitrary text and its evidence is exact."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import evidence_of

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.models import Incident

WORDS = st.sampled_from(
    [
        "a",
        "the",
        "man",
        "woman",
        "Tajik",
        "courier",
        "was",
        "were",
        "attacked",
        "beaten",
        "killed",
        "injured",
        "over",
        "180",
        "at",
        "least",
        "dozens",
        "no",
        "one",
        "bomb",
        "exploded",
        "in",
        "Moscow",
        "on",
        "Friday",
        "police",
        "arrested",
        "two",
        "suspects",
        "with",
        "knife",
        "claimed",
        "by",
        "group",
        "revenge",
        ",",
        ".",
        ";",
        "12",
        "1,200",
        "three",
        "another",
    ]
)


def _check(incidents: list[Incident], text: str) -> None:
    for incident in incidents:
        spans = list(incident.evidence) + list(incident.retaliation_cues)
        for group in (
            incident.victims,
            incident.perpetrators,
            incident.suspects,
            incident.weapons,
            incident.places,
            incident.targets,
            incident.claimed_by,
        ):
            for item in group:
                spans.extend(item.evidence)
        for count in (incident.killed, incident.injured):
            if count is not None:
                assert count.value >= 0
                spans.extend(count.evidence)
        for span in spans:
            assert text[span.start : span.end] == span.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_extractor_arbitrary_unicode_never_raises(extractor: Extractor, text: str) -> None:
    _check(extractor.extract(text, date(2024, 3, 25)), text)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join), st.none() | st.dates())
def test_extractor_violent_word_salad_keeps_exact_evidence(
    extractor: Extractor, text: str, published: date | None
) -> None:
    incidents = extractor.extract(text, published)
    _check(incidents, text)
    for incident in incidents:
        if incident.date is not None and published is not None and incident.date.end is not None:
            assert incident.date.end <= published


HEADLINE_WORDS = WORDS | st.sampled_from(
    ["shot", "Shot", "-", "|", "March", "3", "2016", "¹", "Police:", "Dead,", "Wounded", "another"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(WORDS, min_size=1, max_size=30).map(" ".join),
    st.lists(HEADLINE_WORDS, min_size=1, max_size=12).map(" ".join),
)
def test_extractor_headline_evidence_quotes_the_title(
    extractor: Extractor, text: str, title: str
) -> None:
    # the headline's toll, town and restored auxiliaries, read recased or after an
    # attribution, all keep evidence exact in the title
    for incident in extractor.extract(text, date(2024, 3, 25), "p1", title=title):
        for span in evidence_of(incident):
            source = title if span.field == "title" else text
            assert source[span.start : span.end] == span.text
