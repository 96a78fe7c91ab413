from __future__ import annotations

import pytest

from tensionwatch.geo._text import fold_preserving, key_variants, name_key, split_qualifiers


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("MEDELLÍN", "medellin"),
        ("Medellín", "medellin"),
        ("St. Louis", "st louis"),
        ("Coeur d'Alene", "coeur dalene"),
        ("  Winston-Salem ", "winston salem"),
        ("Łódź", "lodz"),
        ("U.S.", "u s"),
    ],
)
def test_text_name_key_folds_case_accents_and_punctuation(written: str, key: str) -> None:
    assert name_key(written) == key


def test_text_key_variants_expand_abbreviations() -> None:
    assert key_variants("st louis") == ["st louis", "saint louis"]
    assert key_variants("saint charles") == ["saint charles", "st charles"]
    assert key_variants("the hague") == ["the hague", "hague"]
    assert key_variants("mc kees rocks") == ["mc kees rocks", "mckees rocks"]


def test_text_fold_preserving_keeps_offsets() -> None:
    text = "Ataque en Medellín, Bogotá y Côte d'Ivoire"
    folded = fold_preserving(text)
    assert len(folded) == len(text)
    assert folded == "Ataque en Medellin, Bogota y Cote d'Ivoire"


@pytest.mark.parametrize(
    ("written", "head", "qualifiers"),
    [
        ("Krasnogorsk, Moscow Oblast", "Krasnogorsk", ["Moscow Oblast"]),
        ("Dayton, Montgomery County, Ohio", "Dayton", ["Montgomery County", "Ohio"]),
        ("MANAGUA (NICARAGUA)", "MANAGUA", ["NICARAGUA"]),
        ("Moscow", "Moscow", []),
        (",,", "", []),
    ],
)
def test_text_split_qualifiers(written: str, head: str, qualifiers: list[str]) -> None:
    assert split_qualifiers(written) == (head, qualifiers)
