from __future__ import annotations

import json

import pytest

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate import wikievents
from tensionwatch.evaluate.wikievents import GoldArgument
from tensionwatch.models import Weapon


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Major General Vyacheslav Gladkikh", "gladkikh"),
        ("the Islamic State's", "state"),
        ("Deir ez-Zor", "ez-zor"),
        ("an improvised explosive device,", "device"),
        ("...", ""),
    ],
)
def test_wikievents_head_word_is_last_word(text, head):
    assert wikievents.head_word(text) == head


def test_wikievents_incident_arguments_mapping(make_actor, make_incident):
    incident = make_incident(
        "bombing",
        perpetrators=["insurgents"],
        claimed_by=["Islamic State"],
        victims=["a major general"],
        targets=["a convoy"],
        weapons=[Weapon("roadside IED", "explosive"), Weapon("rifles", "firearm")],
        places=["Deir ez-Zor"],
        killed=1,
        suspects=[make_actor("two men", "suspect", arrested=True)],
    )
    assert wikievents.incident_arguments(incident) == {
        ("Conflict.Attack", "Attacker", "insurgents"),
        ("Conflict.Attack", "Attacker", "men"),
        ("Conflict.Attack", "Attacker", "state"),
        ("Conflict.Attack", "Target", "general"),
        ("Conflict.Attack", "Target", "convoy"),
        ("Conflict.Attack", "ExplosiveDevice", "ied"),
        ("Conflict.Attack", "Instrument", "rifles"),
        ("Conflict.Attack", "Place", "ez-zor"),
        ("Life.Die", "Victim", "general"),
        ("Life.Die", "Killer", "insurgents"),
        ("Life.Die", "Killer", "men"),
        ("Life.Die", "Place", "ez-zor"),
        ("Justice.ArrestJailDetain", "Detainee", "men"),
        ("Justice.ArrestJailDetain", "Place", "ez-zor"),
    }
    # no casualties, not an attack type: nothing
    assert wikievents.incident_arguments(make_incident("threat_harassment", victims=["x"])) == set()


def _arg(family, role, text, *coref):
    head = wikievents.head_word(text)
    return GoldArgument(family, role, head, frozenset({head, *map(wikievents.head_word, coref)}))


def test_wikievents_score_document_by_hand():
    gold = [
        _arg("Life.Die", "Victim", "general", "Vyacheslav Gladkikh"),
        _arg("Conflict.Attack", "Target", "convoy"),
        _arg("Conflict.Attack", "Place", "Syria"),
    ]
    predicted = {
        ("Life.Die", "Victim", "general"),  # right
        ("Conflict.Attack", "Attacker", "convoy"),  # right head, wrong role
        ("Conflict.Attack", "Target", "gladkikh"),  # wrong family for the coref mention
        ("Life.Die", "Victim", "gladkikh"),  # only right through coreference
    }
    scores = wikievents.score_document(predicted, gold)
    # head, identification: preds with (family, head) in gold: general, convoy -> 2/4;
    # gold found: general, convoy -> 2/3
    assert (scores["arg_i_head"].p_num, scores["arg_i_head"].r_num) == (2, 2)
    # head, classification: only (Die, Victim, general) -> P 1/4 R 1/3
    assert (scores["arg_c_head"].p_num, scores["arg_c_head"].p_den) == (1, 4)
    assert scores["arg_c_head"].r_den == 3
    # coref, classification: general and gladkikh both hit the Die victim cluster -> P 2/4,
    # the cluster is found once -> R 1/3
    assert (scores["arg_c_coref"].p_num, scores["arg_c_coref"].r_num) == (2, 1)
    # coref, identification: general, gladkikh, convoy -> 3/4; clusters found 2/3
    assert (scores["arg_i_coref"].p_num, scores["arg_i_coref"].r_num) == (3, 2)
    only_die = wikievents.score_document(predicted, gold, "Life.Die")["arg_c_head"]
    assert (only_die.p_num, only_die.p_den, only_die.r_den) == (1, 2, 1)


def test_wikievents_load_and_evaluate(tmp_path, make_incident, fake_extractor):
    record = {
        "id": "doc1",
        "text": "Roadside IED kills Russian major general in Syria.",
        "date": None,
        "gold": [
            {
                "event_type": "Life.Die.Unspecified",
                "arguments": [
                    {
                        "role": "Victim",
                        "text": "general",
                        "coref_mentions": ["general", "Gladkikh"],
                    },
                    {"role": "Place", "text": "Syria", "coref_mentions": ["Syria"]},
                ],
            },
            {
                "event_type": "Contact.Contact.Broadcast",
                "arguments": [{"role": "Communicator", "text": "Al-Monitor", "coref_mentions": []}],
            },
        ],
    }
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    docs = wikievents.load_wikievents(path)
    assert [(a.family, a.role, a.head) for a in docs[0].arguments] == [
        ("Life.Die", "Victim", "general"),
        ("Life.Die", "Place", "syria"),
    ]
    extract = fake_extractor(
        {"doc1": [make_incident("bombing", victims=["a Russian major general"], killed=1)]}
    )
    report, _ = wikievents.evaluate_wikievents(docs, extract)
    # predicted: Attack/Target/general and Die/Victim/general -> Arg-C head P 1/2 R 1/2
    arg_c = report.prf["arg_c_head"]
    assert (arg_c.p_num, arg_c.p_den, arg_c.r_num, arg_c.r_den) == (1, 2, 1, 2)
    assert report.prf["arg_c_head.Life.Die"].f1 == pytest.approx(2 / 3)
    with pytest.raises(EvaluationError) as err:
        wikievents.load_wikievents(tmp_path, "test")
    assert err.value.code == "TW403"


@pytest.mark.shared
def test_wikievents_dev_file(data_root):
    docs = wikievents.load_wikievents(data_root / "wikievents")
    assert len(docs) == 20
    families = {a.family for d in docs for a in d.arguments}
    assert families == set(wikievents.FAMILIES)
    assert all(a.head for d in docs for a in d.arguments)
