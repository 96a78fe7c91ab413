"""People's names within one article.

A report gives a person's full name once ("Chauncey Broadway Jr.") and then only the surname
("Broadway was shot and killed") or, for a child, the given name. The tagger often reads that
lone word as a place or a business, so the places and the victims both ask here whether a word
is a name of someone the article has already named.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


def surnames(doc: Doc, *, given: bool = False) -> dict[str, int]:
    """The surname of each full name the tagger finds, with the token where the name ends;
    with ``given``, the given name too (a child is often called by it: "a 6-year-old girl
    named Isis Allen … Isis was pronounced dead")."""
    found: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t for t in ent if not is_suffix(t.text)]
        if len(words) > 1:
            found.setdefault(words[-1].text, ent.end)
            if given and words[0].is_title:
                found.setdefault(words[0].text, ent.end)
    return found


def is_surname(token: Token, known: dict[str, int]) -> bool:
    """ "Broadway" after "Chauncey Broadway Jr.": a word that only repeats a name in ``known``
    (see :func:`surnames`) given earlier, outside a longer name of its own."""
    given = known.get(token.text)
    if given is None or given > token.i:
        return False
    if not token.ent_type_:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def surname_of(name: str) -> str:
    """ "Chauncey Broadway Jr." → "Broadway"."""
    words = [w for w in name.split() if not is_suffix(w)]
    return words[-1] if words else ""


def is_suffix(text: str) -> bool:
    """ "Jr.", "Sr.", "III": written after a surname, never one itself (by its shape: a short
    abbreviation or a Roman numeral)."""
    if text.endswith(".") and len(text) <= 4:
        return True
    return len(text) <= 4 and text.isupper() and set(text) <= set("IVX")
