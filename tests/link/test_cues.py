"""The cue and group lexicons are data: each entry must be valid and match its own example."""

from __future__ import annotations

import pytest

from tensionwatch.errors import ConfigError
from tensionwatch.link import CueKind, CueSet, GroupTable

CUES = CueSet.load()


@pytest.mark.parametrize("cue", CUES.cues, ids=lambda c: c.id)
def test_cues_entry_matches_its_example(cue):
    found = [m.cue.id for m in CUES.find(cue.example)]
    assert cue.id in found


def test_cues_ids_unique_and_all_kinds_present():
    ids = [c.id for c in CUES.cues]
    assert len(ids) == len(set(ids))
    assert {c.kind for c in CUES.cues} == set(CueKind)


def test_cues_find_reports_offsets_across_line_breaks():
    text = "Police said it was\na business  dispute."
    (match,) = CUES.find(text, offset=100)
    assert match.cue.id == "business_dispute"
    assert text[match.evidence.start - 100 : match.evidence.end - 100] == match.evidence.text


def test_cues_bad_file_raises_config_error(tmp_path):
    bad = tmp_path / "cues.jsonl"
    bad.write_text('{"id": "x", "phrase": "x", "kind": "nope", "example": "x"}\n')
    with pytest.raises(ConfigError, match="bad retaliation cue"):
        CueSet.load(bad)


def test_cues_groups_aliases_and_broader():
    groups = GroupTable.load()
    assert groups.norm("Tajiks") == groups.norm("tajikistani") == "tajik"
    assert groups.label("azeris") == "Azerbaijani"
    assert "muslim" in groups.expand({"Tajik"}) & groups.expand({"Azerbaijani"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('racist graffiti, including the words "Afghans out"', {"afghan"}),
        ("an attack claimed by Islamic State", set()),  # an organisation, not a group
        ("the afghan rug shop", set()),  # group names are written with a capital
        ("a Sikh driver taken for a Muslim", {"sikh", "muslim"}),
    ],
)
def test_cues_groups_named_in_text(text, found):
    assert GroupTable.load().find(text) == found
