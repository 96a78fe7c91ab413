"""Cutting a document's word pieces into overlapping encoder windows, and merging back.

The encoder sees at most a few hundred pieces at once, reports run longer; windows overlap by
half so every piece is seen with context on both sides, and a piece's prediction is the average
over the windows that hold it. Used identically by training and inference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    first: int  # index of the window's first piece in the document's piece list
    ids: tuple[int, ...]  # [CLS] + pieces + [SEP]


def cut_windows(
    piece_ids: Sequence[int], cls_id: int, sep_id: int, size: int, stride: int
) -> list[Window]:
    """Windows of at most ``size`` pieces (plus the two special tokens), ``stride`` apart."""
    if size <= 0 or stride <= 0:
        raise ValueError(f"window size and stride must be positive, got {size} and {stride}")
    windows = []
    first = 0
    while True:
        chunk = tuple(piece_ids[first : first + size])
        windows.append(Window(first, (cls_id, *chunk, sep_id)))
        if first + size >= len(piece_ids):
            return windows
        first += stride
