"""People's names within one article.

A report gives a person's full name once ("Chauncey Broadway Jr.") and then only the surname
("Broadway was shot and killed"). The tagger often reads that lone word as a place or a
business, so the places and the victims both ask here whether a word is the surname of
someone the article has already named.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def surnames(doc: Doc) -> dict[str, int]:
    """The surname of each full name the tagger finds, with the token where the name ends."""
    found: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t for t in ent if not _is_suffix(t)]
        if len(words) > 1:
            found.setdefault(words[-1].text, ent.end)
    return found


def is_surname(token: Token, known: dict[str, int]) -> bool:
    """ "Broadway" after "Chauncey Broadway Jr.": a word that only repeats a surname given
    earlier, outside a longer name of its own."""
    given = known.get(token.text)
    if given is None or given > token.i:
        return False
    ent = _entity(token)
    return ent is None or len(ent) == 1


def _entity(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _is_suffix(token: Token) -> bool:
    """ "Jr.", "Sr.", "III": written after a surname, never one itself (by its shape: a short
    abbreviation or a Roman numeral)."""
    text = token.text
    if text.endswith(".") and len(text) <= 4:
        return True
    return len(text) <= 4 and text.isupper() and set(text) <= set("IVX")
