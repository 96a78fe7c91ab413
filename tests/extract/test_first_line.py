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
BODY = "A man was shot and wounded late Monday outside a bakery on Birch Lane, police said."


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Man shot on Birch Lane\n\n" + BODY, len("Man shot on Birch Lane")),
        ("Man was shot on Birch Lane\n\nPolice are investigating.", 0),
        ("A man was shot on Birch Lane. View Full Caption\n\n" + BODY, 47),
        ("Man was shot on Birch Lane.\n\n" + BODY, 0),
        # "who was" makes a noun phrase of a headline's subject
        ("Woman who was shot on Birch Lane dies\n\n" + BODY, 37),
    ],
)
def test_headline_length(text: str, length: int) -> None:
    assert headline_length(text, LEDE, CAPTIONS) == length


def test_first_sentence_without_its_full_stop_is_read(extractor: Extractor) -> None:
    text = (
        "Teenager was fatally shot late Friday outside a Birch Lane laundromat\n\n"
        "Police are looking for the gunman."
    )
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == (1, None)
    assert [v.text for v in incident.victims] == ["Teenager"]


@pytest.mark.parametrize(
    "first",
    [
        "Man shot on Birch Lane",  # a headline
        "A man was shot on Birch Lane on Monday. View Full Caption",  # a caption
        "Woman who was shot on Birch Lane last year dies",  # a headline with "who was"
    ],
)
def test_first_line_that_tells_the_body_again_adds_no_one(extractor: Extractor, first: str) -> None:
    (incident,) = extractor.extract(first + "\n\n" + BODY, PUB)
    assert counts(incident) == (None, 1)
