"""Words that take a fatal word back: "non-fatal", "near-fatal", "potentially deadly", "was
not murder". Headlines, tolls and attack nouns all need the same reading, so it lives here."""

from __future__ import annotations

from spacy.tokens import Token


def hedged(fatal: Token, not_fatal: frozenset[str]) -> bool:
    """Whether one of the two words before ``fatal`` is a ``not_fatal`` cue: a fatal word
    that says no one died. Two words, because the tokenizer splits "non-fatal" into three."""
    before = fatal.doc[max(fatal.i - 2, 0) : fatal.i]
    return any(t.lower_ in not_fatal for t in before)
