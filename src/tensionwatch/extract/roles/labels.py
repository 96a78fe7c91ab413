"""Role labels and the character spans a gold template's mentions cover in a text.

Shared by training (which turns gold mentions into per-token BIO tags) and inference (which
turns tags back into spans), so both agree on the label inventory and its order. Torch-free.

Gold keys name an entity by strings, not offsets, and an entity is mentioned many times in a
report; every occurrence of a gold mention string is tagged, so the tagger learns the role
from each context rather than from one arbitrary position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ROLE_NAMES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPES = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")
BIO_LABELS = ("O", *(f"{prefix}-{role}" for role in ROLE_NAMES for prefix in ("B", "I")))


@dataclass(frozen=True, slots=True)
class RoleSpan:
    start: int
    end: int
    role: str
    score: float = 1.0


def mention_pattern(mention: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for ``mention`` with flexible whitespace and word edges."""
    words = mention.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    left = r"(?<!\w)" if words[0][0].isalnum() else ""
    right = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def find_mentions(text: str, mentions: Iterable[tuple[str, str]]) -> list[RoleSpan]:
    """Every occurrence of each ``(role, mention)`` in ``text``, without overlaps.

    Overlaps are settled for the longer span (a mention inside a longer one of another role
    is the longer one's head), then for the earlier role in :data:`ROLE_NAMES`.
    """
    found: list[RoleSpan] = []
    for role, mention in set(mentions):
        pattern = mention_pattern(mention)
        if pattern is None:
            continue
        found.extend(RoleSpan(m.start(), m.end(), role) for m in pattern.finditer(text))
    found.sort(key=lambda s: (-(s.end - s.start), ROLE_NAMES.index(s.role), s.start))
    kept: list[RoleSpan] = []
    for span in found:
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def bio_tags(offsets: Sequence[tuple[int, int]], spans: Sequence[RoleSpan]) -> list[int]:
    """Label ids for word pieces at character ``offsets`` (special tokens have ``(0, 0)``)."""
    tags = [0] * len(offsets)
    index = 0
    for number, (start, end) in enumerate(offsets):
        if start == end:
            continue
        while index < len(spans) and spans[index].end <= start:
            index += 1
        if index < len(spans) and spans[index].start <= start < spans[index].end:
            span = spans[index]
            prefix = "B" if _is_first_piece(offsets, number, span) else "I"
            tags[number] = BIO_LABELS.index(f"{prefix}-{span.role}")
    return tags


def _is_first_piece(offsets: Sequence[tuple[int, int]], number: int, span: RoleSpan) -> bool:
    for previous in range(number - 1, -1, -1):
        start, end = offsets[previous]
        if start == end:
            continue
        return start < span.start
    return True


def decode_bio(
    offsets: Sequence[tuple[int, int]], labels: Sequence[int], scores: Sequence[float]
) -> list[RoleSpan]:
    """Spans from per-piece label ids; an I- after O or another role opens a span too."""
    spans: list[RoleSpan] = []
    current: list[int] = []  # piece numbers of the open span
    role = ""

    def close() -> None:
        if current:
            start, end = offsets[current[0]][0], offsets[current[-1]][1]
            score = sum(scores[i] for i in current) / len(current)
            spans.append(RoleSpan(start, end, role, score))
        current.clear()

    for number, label_id in enumerate(labels):
        start, end = offsets[number]
        if start == end:
            close()
            continue
        label = BIO_LABELS[label_id]
        if label == "O":
            close()
            continue
        prefix, label_role = label.split("-", 1)
        if prefix == "B" or label_role != role or not current:
            close()
            role = label_role
        current.append(number)
    close()
    return spans
