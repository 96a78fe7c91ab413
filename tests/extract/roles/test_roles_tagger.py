"""The shipped role tagger on sentences written for these tests (ONNX Runtime, no torch)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from tensionwatch.errors import ConfigError
from tensionwatch.extract.roles.tagger import MODEL_DIR, RoleTagger, TaggerOptions

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "model.onnx").is_file(), reason="role tagger weights not installed"
)

BOMBING = (
    "SAN SALVADOR, 14 MAR 90 -- URBAN TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION "
    "FRONT TODAY DETONATED A CAR BOMB OUTSIDE THE UNITED STATES EMBASSY, KILLING TWO SECURITY "
    "GUARDS. POLICE SAID THE BLAST DESTROYED THE EMBASSY'S FRONT WALL."
)
BUDGET = (
    "THE FINANCE MINISTER PRESENTED THE NEW BUDGET TO CONGRESS TODAY. HE SAID SPENDING ON "
    "SCHOOLS AND ROADS WILL RISE BY 4 PERCENT NEXT YEAR."
)


@pytest.fixture(scope="module")
def tagger() -> RoleTagger:
    return RoleTagger()


# MUC-4 gold accepts either extent of "a car bomb" as the weapon
BOMB_SPANS = frozenset({"BOMB", "CAR BOMB"})


def roles(text: str, tagger: RoleTagger) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for span in tagger.analyze(text).spans:
        found.setdefault(span.role, set()).add(text[span.start : span.end].upper())
    return found


def test_roles_tagger_finds_perpetrators_and_weapon_of_a_bombing(tagger: RoleTagger) -> None:
    found = roles(BOMBING, tagger)
    assert found["Weapon"] & BOMB_SPANS
    assert found["PerpOrg"] == {"FARABUNDO MARTI NATIONAL LIBERATION FRONT"}
    assert found["PerpInd"] == {"TERRORISTS"}
    assert "Victim" not in found or "SAN SALVADOR" not in found["Victim"]
    types = tagger.analyze(BOMBING).type_probabilities()
    assert types["bombing"] > 0.5
    assert types["kidnapping"] < 0.5


def test_roles_tagger_reads_mixed_case_like_upper_case(tagger: RoleTagger) -> None:
    mixed = ". ".join(part.capitalize() for part in BOMBING.split(". "))
    assert roles(mixed.upper(), tagger) == roles(BOMBING, tagger)
    assert roles(mixed, tagger)["Weapon"] == roles(BOMBING, tagger)["Weapon"]


def test_roles_tagger_quiet_on_a_report_without_violence(tagger: RoleTagger) -> None:
    analysis = tagger.analyze(BUDGET)
    assert analysis.spans == ()
    assert max(analysis.type_probabilities().values()) < 0.5


def test_roles_tagger_long_text_windows_cover_everything(tagger: RoleTagger) -> None:
    long = " ".join([BUDGET] * 30 + [BOMBING])
    analysis = tagger.analyze(long)
    assert len(analysis.windows) > 2
    assert analysis.windows[-1].end == len(long)
    assert {long[s.start : s.end] for s in analysis.spans if s.role == "Weapon"} & BOMB_SPANS


def test_roles_tagger_empty_text(tagger: RoleTagger) -> None:
    analysis = tagger.analyze("   ")
    assert analysis.spans == () and analysis.windows == ()


def test_roles_tagger_missing_weights_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="make train") as info:
        RoleTagger(TaggerOptions(model_dir=tmp_path))
    assert info.value.code == "TW004"


def test_roles_component_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tensionwatch_roles_v1")
    doc = nlp(BOMBING)
    labels = {(span.label_, span.text) for span in doc.spans["tw_roles"]}
    assert ("PerpOrg", "FARABUNDO MARTI NATIONAL LIBERATION FRONT") in labels
    assert len(doc.spans["tw_roles"].attrs["scores"]) == len(doc.spans["tw_roles"])
    assert doc._.tw_role_types["bombing"] > 0.5
