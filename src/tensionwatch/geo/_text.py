"""Name folding shared by the gazetteer indexes and the queries against them.

Two forms:

* a *key* (``name_key``/``name_keys``) is what names are compared on: accents stripped,
  case folded, apostrophes dropped, other punctuation turned into single spaces.
  ``"MEDELLÍN"``, ``"Medellin"`` and ``"medellín"`` share the key ``"medellin"``;
  ``"St. Louis"`` becomes ``"st louis"``; ``"Coeur d'Alene"`` becomes ``"coeur dalene"``.
* a *length-preserving fold* (``fold_preserving``) strips accents char by char, so a regex
  run over the folded text reports offsets that are valid in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_COMBINING = re.compile(r"[\u0300-\u036f]")
_MULTI_SPACE = re.compile(r" {2,}")
# Letters that NFKD does not decompose.
_SPECIAL = (
    ("ø", "o"),
    ("ł", "l"),
    ("đ", "d"),
    ("ð", "d"),
    ("þ", "th"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ı", "i"),
)
_DROPPED = "'’‘ʻʼ`"  # "O'Fallon" is "ofallon", not "o fallon"
_SEPARATORS = '.,-‐‑–—()/&";:!?[]{}_+*#@$%<>=|\\~^\t\r\f\v·'
_LEADING_ARTICLE = re.compile(r"^the ")
# Abbreviations expanded on the query side when the written form finds nothing.
_TOWNSHIP = (" twp", " township")
_ABBREVIATIONS = (("st ", "saint "), ("ste ", "sainte "), ("ft ", "fort "), ("mt ", "mount "))


def name_keys(names: Iterable[str]) -> list[str]:
    """Keys of many names in one pass (the whole batch is folded as one string).

    Written with whole-string ``str`` methods rather than per-name calls or a character-class
    regex: the gazetteer folds 500k names at load time.
    """
    cleaned = [name.replace("\n", " ") for name in names]
    if not cleaned:
        return []
    big = "\n".join(cleaned)
    if big.isascii():
        big = big.lower()
    else:
        big = _COMBINING.sub("", unicodedata.normalize("NFKD", big)).casefold()
        for letter, replacement in _SPECIAL:
            if letter in big:
                big = big.replace(letter, replacement)
    for char in _DROPPED:
        if char in big:
            big = big.replace(char, "")
    for char in _SEPARATORS:
        if char in big:
            big = big.replace(char, " ")
    big = _MULTI_SPACE.sub(" ", big).replace(" \n", "\n").replace("\n ", "\n")
    keys = big.split("\n")
    keys[0] = keys[0].lstrip(" ")
    keys[-1] = keys[-1].rstrip(" ")
    return keys


def name_key(name: str) -> str:
    """The comparison key of one name (see the module docstring)."""
    return name_keys((name,))[0]


def key_variants(key: str) -> list[str]:
    """The key itself, then spellings to try when it finds nothing.

    ``"the hague"`` → also ``"hague"``; ``"st louis"`` → also ``"saint louis"`` (and back);
    ``"mc kees rocks"`` → ``"mckees rocks"``; ``"redford twp"`` → ``"redford"``.
    """
    variants = [key]
    if _LEADING_ARTICLE.match(key):
        variants.append(key[4:])
    for short, long in _ABBREVIATIONS:
        if key.startswith(short):
            variants.append(long + key[len(short) :])
        elif key.startswith(long):
            variants.append(short + key[len(long) :])
    if key.startswith("mc ") and len(key) > 3:  # "Mc Kees Rocks" is "McKees Rocks"
        variants.append("mc" + key[3:])
    for suffix in _TOWNSHIP:
        if key.endswith(suffix) and len(key) > len(suffix):  # "Redford Twp" is "Redford"
            variants.append(key[: -len(suffix)])
    return variants


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = _COMBINING.sub("", unicodedata.normalize("NFKD", char))
        if len(base) == 1 and base != char and base.isascii():
            table[code] = base
    return table


# A constant derived from Unicode data, not a cache of results.
_FOLD_TABLE = _build_fold_table()


def fold_preserving(text: str) -> str:
    """Strip accents from Latin letters without changing the length of ``text``."""
    return text.translate(_FOLD_TABLE)


def split_qualifiers(name: str) -> tuple[str, list[str]]:
    """Split ``"Krasnogorsk, Moscow Oblast"`` or ``"MANAGUA (NICARAGUA)"`` into head and qualifiers.

    Qualifiers come most specific first: ``"Dayton, Montgomery County, Ohio"`` gives
    ``("Dayton", ["Montgomery County", "Ohio"])``. Parenthesised text counts as a qualifier.
    """
    inner = re.findall(r"\(([^()]*)\)", name)
    outer = re.sub(r"\([^()]*\)", ",", name)
    parts = [part.strip() for part in outer.split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return "", []
    qualifiers = parts[1:] + [part.strip() for part in inner if part.strip()]
    return parts[0], qualifiers
