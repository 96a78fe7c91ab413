"""Recasing a Title Case headline for the parser: the words the lexicons read go to lower
case, names keep their capitals, and the text keeps its length so evidence stays exact
(headlines written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tensionwatch.extract.truecase import is_title_case

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("One Dead, Four Hospitalized In Dayton Porch Shooting", True),
        ("Man Shot Outside Store On Elm Street", True),
        ("Teen killed, another wounded in Dayton shooting", False),
        ("Shooting", False),  # too short to tell
    ],
)
def test_title_case_is_told_from_sentence_case(title: str, expected: bool) -> None:
    assert is_title_case(title) is expected


@pytest.mark.parametrize(
    ("title", "recased"),
    [
        (
            "One Dead, Four Hospitalized In Dayton Porch Shooting",
            "One dead, four hospitalized in Dayton Porch shooting",
        ),
        # acronyms and names keep their capitals; a word after a colon starts a sentence
        ("NYPD: Two Officers Shot In Long Beach", "NYPD: Two officers shot in Long Beach"),
        # a hyphenated word is lowered when the lexicons read every part ("drive" they do
        # not); a name's parts are no lexicon words, and
        # "12-Year-Old" stays the person the parser reads it as
        (
            "Woman Kills Daughter In Tragic Murder-Suicide",
            "Woman kills daughter in tragic murder-suicide",
        ),
        (
            "Winston-Salem Man Killed In Drive-By Shooting",
            "Winston-Salem man killed in Drive-By shooting",
        ),
        ("12-Year-Old Accidentally Shot In Tulsa", "12-Year-Old Accidentally shot in Tulsa"),
    ],
)
def test_headline_recasing_lowers_only_the_words_the_lexicons_read(
    extractor: Extractor, title: str, recased: str
) -> None:
    assert extractor.truecaser.headline(title) == recased


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=120))
def test_headline_recasing_changes_case_only(extractor: Extractor, title: str) -> None:
    recased = extractor.truecaser.headline(title)
    assert len(recased) == len(title)
    assert recased.lower() == title.lower() or recased.casefold() == title.casefold()
