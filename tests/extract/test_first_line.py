"""A first line without a full stop: a headline the body tells again in full, a photo
caption, or the story's first sentence with its full stop missing (texts written for these
tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.assemble import headline_length

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

LEDE = frozenset({"was", "were"})
CAPTIONS = frozenset({"caption", "photo"})
BODY = "A man was shot and wounded Saturday night on Fieldvale Place, police said."


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Man shot on Fieldvale Place\n\n" + BODY, len("Man shot on Fieldvale Place")),
        ("Man was shot on Fieldvale Place\n\nPolice are investigating.", 0),
        ("A man was shot on Fieldvale Place. View Full Caption\n\n" + BODY, 52),
        ("Man was shot on Fieldvale Place.\n\n" + BODY, 0),
    ],
)
def test_headline_length(text: str, length: int) -> None:
    assert headline_length(text, LEDE, CAPTIONS) == length


def test_first_sentence_without_its_full_stop_is_read(extractor: Extractor) -> None:
    text = (
        "7-year-old boy was fatally shot Saturday night on Fieldvale Place\n\n"
        "Police are looking for the gunman."
    )
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == (1, None)
    assert [v.text for v in incident.victims] == ["boy"]


@pytest.mark.parametrize(
    "first",
    [
        "Man shot on Fieldvale Place",  # a headline
        "A man was shot on Fieldvale Place on Saturday. View Full Caption",  # a caption
    ],
)
def test_first_line_that_tells_the_body_again_adds_no_one(extractor: Extractor, first: str) -> None:
    (incident,) = extractor.extract(first + "\n\n" + BODY, PUB)
    assert counts(incident) == (None, 1)
