"""Gold mentions → BIO tags → spans, and the windows the encoder sees."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tensionwatch.extract.roles.labels import (
    BIO_LABELS,
    RoleSpan,
    bio_tags,
    decode_bio,
    find_mentions,
    mention_pattern,
)
from tensionwatch.extract.roles.windows import cut_windows

TEXT = (
    "URBAN TERRORISTS BOMBED THE OFFICES OF THE NATIONAL TELEPHONE COMPANY IN THE CAPITAL. "
    "THE TERRORISTS USED DYNAMITE. POLICE SAID THE NATIONAL TELEPHONE COMPANY OFFICES WERE "
    "DESTROYED."
)


def word_offsets(text: str) -> list[tuple[int, int]]:
    """Whitespace words as stand-in word pieces (the tagger uses MiniLM's pieces)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_labels_find_mentions_tags_every_occurrence_case_insensitively() -> None:
    spans = find_mentions(TEXT, [("PerpInd", "terrorists"), ("Weapon", "dynamite")])
    assert [(TEXT[s.start : s.end], s.role) for s in spans] == [
        ("TERRORISTS", "PerpInd"),
        ("TERRORISTS", "PerpInd"),
        ("DYNAMITE", "Weapon"),
    ]


def test_labels_find_mentions_respects_word_edges_and_whitespace() -> None:
    spans = find_mentions(
        "THE  NATIONAL\nTELEPHONE COMPANY, NATIONALS",
        [("Target", "national telephone company"), ("Victim", "national")],
    )
    assert [(s.start, s.end, s.role) for s in spans] == [(5, 31, "Target")]


def test_labels_longer_mention_wins_an_overlap() -> None:
    spans = find_mentions(
        TEXT,
        [
            ("Target", "offices of the national telephone company"),
            ("PerpOrg", "national telephone company"),
        ],
    )
    texts = [(TEXT[s.start : s.end], s.role) for s in spans]
    assert texts[0] == ("OFFICES OF THE NATIONAL TELEPHONE COMPANY", "Target")
    assert ("NATIONAL TELEPHONE COMPANY", "PerpOrg") in texts  # the later, separate occurrence


def test_labels_empty_mention_has_no_pattern() -> None:
    assert mention_pattern("   ") is None


def test_labels_bio_round_trip_on_real_sentence() -> None:
    spans = find_mentions(TEXT, [("Target", "national telephone company"), ("Weapon", "dynamite")])
    offsets = word_offsets(TEXT)
    tags = bio_tags(offsets, spans)
    assert BIO_LABELS[tags[offsets.index((43, 51))]] == "B-Target"  # NATIONAL
    decoded = decode_bio(offsets, tags, [1.0] * len(tags))
    assert [(s.start, s.end, s.role) for s in decoded] == [(s.start, s.end, s.role) for s in spans]


def test_labels_decode_opens_a_span_on_a_stray_inside_tag() -> None:
    offsets = [(0, 3), (4, 9), (10, 15)]
    labels = [0, BIO_LABELS.index("I-Victim"), BIO_LABELS.index("I-Weapon")]
    spans = decode_bio(offsets, labels, [0.5, 0.8, 0.6])
    assert spans == [RoleSpan(4, 9, "Victim", 0.8), RoleSpan(10, 15, "Weapon", 0.6)]


words = st.lists(
    st.sampled_from(["the", "army", "fmln", "bomb", "car", "mayor", "."]), min_size=1, max_size=40
)


@given(words, st.data())
def test_labels_bio_round_trip_property(tokens: list[str], data: st.DataObject) -> None:
    text = " ".join(tokens)
    offsets = word_offsets(text)
    # random non-overlapping word-aligned spans
    cuts = sorted(data.draw(st.sets(st.integers(0, len(offsets)), max_size=6)))
    spans = []
    for a, b in itertools.pairwise(cuts):
        if data.draw(st.booleans()):
            role = data.draw(st.sampled_from(["PerpInd", "Target", "Weapon"]))
            spans.append(RoleSpan(offsets[a][0], offsets[b - 1][1], role))
    tags = bio_tags(offsets, spans)
    assert decode_bio(offsets, tags, [1.0] * len(tags)) == spans


@given(st.lists(st.integers(5, 30000), max_size=300), st.integers(1, 40), st.integers(1, 40))
def test_windows_cover_every_piece_in_order(ids: list[int], size: int, stride: int) -> None:
    stride = min(stride, size)
    windows = cut_windows(ids, 101, 102, size, stride)
    assert windows[0].first == 0
    covered = set()
    for window in windows:
        assert window.ids[0] == 101 and window.ids[-1] == 102
        assert len(window.ids) <= size + 2
        pieces = window.ids[1:-1]
        assert list(pieces) == ids[window.first : window.first + len(pieces)]
        covered.update(range(window.first, window.first + len(pieces)))
    assert covered == set(range(len(ids)))


def test_windows_reject_non_positive_sizes() -> None:
    with pytest.raises(ValueError, match="positive"):
        cut_windows([1, 2], 101, 102, 0, 1)
