from __future__ import annotations

import itertools
import json
import random

import pytest

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate import muc4, muc_scorers
from tensionwatch.evaluate.muc4 import ROLES, Template


def T(incident_type: str, **roles: list[list[str]]) -> Template:  # noqa: N802
    return Template(incident_type, {r: tuple(tuple(e) for e in roles.get(r, [])) for r in ROLES})


def counts(prf):
    return (prf.p_num, prf.p_den, prf.r_num, prf.r_den)


# ----------------------------------------------------------------------------- GTT template F1

GTT_CASES = {
    # perfect: one template, mention subset of a coreferent gold entity, upper case.
    # type 1/1 1/1, PerpInd 1/1 1/1, Victim 1/1 1/1 -> micro P 3/3 R 3/3 F1 1.0
    "perfect": (
        [T("attack", PerpInd=[["guerrillas", "guerrilla column"]], Victim=[["cerezo"]])],
        [T("attack", PerpInd=[["THE GUERRILLAS"]], Victim=[["Cerezo"]])],
        {"micro": (3, 3, 3, 3), "PerpInd": (1, 1, 1, 1)},
        1.0,
    ),
    # spurious template: pred 2 (bombing) cannot map to the attack gold; its type and Target
    # entity add to precision denominators: type 1/2 1/1, Victim 1/1 1/1, Target 0/1 0/0
    # micro P 2/4 R 2/2 -> F1 = 2*.5*1/1.5 = 0.6667
    "spurious": (
        [T("attack", Victim=[["cerezo"]])],
        [T("attack", Victim=[["cerezo"]]), T("bombing", Target=[["farm"]])],
        {"incident_type": (1, 2, 1, 1), "Target": (0, 1, 0, 0), "micro": (2, 4, 2, 2)},
        2 / 3,
    ),
    # missing template: the arson gold adds its type and Target to recall denominators:
    # type 1/1 1/2, Victim 1/1 1/1, Target 0/0 0/1 -> micro P 2/2 R 2/4 -> F1 0.6667
    "missing": (
        [T("attack", Victim=[["cerezo"]]), T("arson", Target=[["facilities"]])],
        [T("attack", Victim=[["cerezo"]])],
        {"incident_type": (1, 1, 1, 2), "Target": (0, 0, 0, 1), "micro": (2, 2, 2, 4)},
        2 / 3,
    ),
    # type mismatch: "attack" is not a substring of "bombing": nothing maps, even the
    # correct Target: type 0/1 0/1, Target 0/1 0/1 -> micro 0/2 0/2 -> F1 0
    "type_mismatch": (
        [T("bombing", Target=[["embassy"]])],
        [T("attack", Target=[["embassy"]])],
        {"micro": (0, 2, 0, 2)},
        0.0,
    ),
    # substring rule: "attack" maps to "bombing / attack" -> everything correct
    "type_substring": (
        [T("bombing / attack", Target=[["embassy"]])],
        [T("attack", Target=[["the embassy"]])],
        {"micro": (2, 2, 2, 2)},
        1.0,
    ),
    # partially correct entities: a subset of a gold entity's mentions is correct, a mention
    # outside it is not: type 1/1 1/1, PerpInd 1/1 1/1, Victim ["priests","six jesuits"] 0/1 0/1
    # micro P 2/3 R 2/3 -> F1 0.6667
    "partial_entity": (
        [
            T(
                "attack",
                PerpInd=[["fmln guerrillas", "guerrillas"]],
                Victim=[["jesuit priests", "priests"]],
            )
        ],
        [T("attack", PerpInd=[["guerrillas"]], Victim=[["priests", "six jesuits"]])],
        {"PerpInd": (1, 1, 1, 1), "Victim": (0, 1, 0, 1), "micro": (2, 3, 2, 3)},
        2 / 3,
    ),
    # several gold entities, coreferent mentions: two predicted entities name the same gold
    # entity (both count for precision: matching is not one-to-one inside a template), one of
    # two gold victims is found: type 1/1 1/1, PerpInd 2/2 1/1, Victim 1/1 1/2
    # micro P 4/4 R 3/4 -> F1 = 2*1*.75/1.75 = 0.8571
    "coreferent_mentions": (
        [
            T(
                "attack",
                PerpInd=[["fmln", "farabundo marti national liberation front"]],
                Victim=[["cerezo"], ["civilian"]],
            )
        ],
        [
            T(
                "attack",
                PerpInd=[["FMLN"], ["Farabundo Marti National Liberation Front"]],
                Victim=[["Cerezo"]],
            )
        ],
        {"PerpInd": (2, 2, 1, 1), "Victim": (1, 1, 1, 2), "micro": (4, 4, 3, 4)},
        6 / 7,
    ),
    # best mapping: the prediction maps to the gold template it shares a victim with
    # (pn, rn) = (2, 2) beats (1, 1): type 1/1 1/2, Victim 1/1 1/2 -> micro 2/2 2/4 -> 0.6667
    "best_mapping": (
        [T("attack", Victim=[["alvarez"]]), T("attack", Victim=[["bustillo"]])],
        [T("attack", Victim=[["Bustillo"]])],
        {"Victim": (1, 1, 1, 2), "micro": (2, 2, 2, 4)},
        2 / 3,
    ),
}


@pytest.mark.parametrize("case", sorted(GTT_CASES))
def test_muc4_gtt_template_scores_hand_cases(case):
    gold, pred, expected, f1 = GTT_CASES[case]
    scores = muc4.gtt_template_scores({"d": pred}, {"d": gold})
    for key, value in expected.items():
        assert counts(scores[key]) == value, key
    assert scores["micro"].f1 == pytest.approx(f1)


def test_muc4_gtt_template_scores_sum_over_documents_and_missing_docs():
    # doc1 = "perfect" (3,3,3,3); doc2 = "type_mismatch" (0,2,0,2); doc3 has no prediction
    # entry: its one gold template (type + 1 Victim) is missing (0,0,0,2).
    # micro P 3/5 R 3/7 -> F1 = 2*(3/5)*(3/7)/((3/5)+(3/7)) = 0.5
    golds = {
        "d1": GTT_CASES["perfect"][0],
        "d2": GTT_CASES["type_mismatch"][0],
        "d3": [T("kidnapping", Victim=[["mayor"]])],
    }
    preds = {"d1": GTT_CASES["perfect"][1], "d2": GTT_CASES["type_mismatch"][1]}
    micro = muc4.gtt_template_scores(preds, golds)["micro"]
    assert counts(micro) == (3, 5, 3, 7)
    assert micro.f1 == pytest.approx(0.5)


def _reference_document(preds, golds):
    """Brute force in the reference's order: every mapping of preds to golds or -1."""
    preds = [muc_scorers._normalized(t) for t in preds]
    golds = [muc_scorers._normalized(t) for t in golds]
    best, best_f1 = None, None
    for mapping in itertools.product([*range(len(golds)), -1], repeat=len(preds)):
        used = [j for j in mapping if j != -1]
        if len(used) != len(set(used)):
            continue
        rows = {k: [0, 0, 0, 0] for k in ("incident_type", *ROLES)}
        mapped_p, mapped_g = set(), set()
        for i, j in enumerate(mapping):
            if j == -1 or preds[i].incident_type not in golds[j].incident_type:
                continue
            mapped_p.add(i)
            mapped_g.add(j)
            rows["incident_type"] = [v + 1 for v in rows["incident_type"]]
            for role in ROLES:
                pe, ge = preds[i].entities(role), golds[j].entities(role)
                rows[role][0] += sum(any(set(e) <= set(g) for g in ge) for e in pe)
                rows[role][1] += len(pe)
                rows[role][2] += sum(any(set(e) <= set(g) for e in pe) for g in ge)
                rows[role][3] += len(ge)
        for i, t in enumerate(preds):
            if i not in mapped_p:
                rows["incident_type"][1] += 1
                for role in ROLES:
                    rows[role][1] += len(t.entities(role))
        for j, t in enumerate(golds):
            if j not in mapped_g:
                rows["incident_type"][3] += 1
                for role in ROLES:
                    rows[role][3] += len(t.entities(role))
        pn, pd, rn, rd = (sum(r[k] for r in rows.values()) for k in range(4))
        p = pn / pd if pd else 0
        r = rn / rd if rd else 0
        f1 = 0 if p + r == 0 else 2 * p * r / (p + r)
        if best is None or f1 > best_f1:
            best, best_f1 = rows, f1
    return {k: tuple(v) for k, v in best.items()}


def _random_template(rng):
    vocab = ["a1", "a2", "b1", "b2", "c1", "THE c2", "d1"]
    roles = {}
    for role in ROLES:
        roles[role] = [rng.sample(vocab, rng.randint(1, 2)) for _ in range(rng.randint(0, 2))]
    return T(rng.choice(["attack", "bombing", "bombing / attack", "arson"]), **roles)


def test_muc4_best_mapping_agrees_with_reference_enumeration():
    rng = random.Random(7)
    for _ in range(250):
        golds = [_random_template(rng) for _ in range(rng.randint(0, 3))]
        preds = [_random_template(rng) for _ in range(rng.randint(0, 4))]
        ours = muc_scorers.score_document(preds, golds)
        expected = _reference_document(preds, golds)
        assert {k: counts(ours[k]) for k in expected} == expected


def test_muc4_best_mapping_scales_past_brute_force():
    golds = [T("attack", Victim=[[f"v{i}"]]) for i in range(9)]
    preds = [T("attack", Victim=[[f"v{i}"]]) for i in reversed(range(10))]
    assert muc_scorers.best_mapping(preds, golds) == (-1, 8, 7, 6, 5, 4, 3, 2, 1, 0)


def test_muc4_gold_duplicate_templates_and_empty_entities_dropped():
    raw = [
        {"incident_type": "attack", "PerpInd": [[["guerrillas", 37]], []], "Victim": []},
        {"incident_type": "attack", "PerpInd": [[["guerrillas", 99]]], "Victim": []},
    ]
    templates = muc4.templates_from_gtt(raw)
    assert templates == (T("attack", PerpInd=[["guerrillas"]]),)


# ----------------------------------------------------------------------------- CEAF-REE

# The cases of GRIT's test_cases_eval.py (phi_strict); values computed by hand.
TARGETS = [
    [
        "Pilmai telephone company building",
        "telephone company building",
        "telephone company offices",
    ],
    ["water pipes"],
    ["public telephone booth"],
]
PERP = [["m1", "m2", "m3"], ["m4"], ["m5"], ["m6"]]
CEAF_CASES = [
    # 4 preds, "telephone company offices" and "Pilmai..." both fit gold 1 but only one may
    # align: sum phi 3 -> P 3/4, R 3/3, F1 6/7
    (
        "Target",
        TARGETS,
        [
            ["water pipes"],
            ["Pilmai telephone company building"],
            ["public telephone booth"],
            ["telephone company offices"],
        ],
        (3, 4, 3, 3),
    ),
    (
        "Target",
        TARGETS,
        [["Pilmai telephone company building"], ["water pipes"], ["public telephone booth"]],
        (3, 3, 3, 3),
    ),  # P=R=1
    (
        "Target",
        TARGETS,
        [["Pilmai telephone company building"], ["public telephone booth"]],
        (2, 2, 2, 3),
    ),  # P 1, R 2/3
    ("PerpInd", PERP, [["m4"], ["m1"], ["m5"], ["m6"], ["m3"]], (4, 5, 4, 4)),  # m1,m3 -> 1 slot
    ("PerpInd", PERP, [["m1", "m2"], ["m4"], ["m5"], ["m6"]], (4, 4, 4, 4)),  # subset is fine
    ("PerpInd", PERP, [["m1", "m2", "m3", "m4"], ["m5"], ["m6"]], (2, 3, 2, 4)),  # merged: 0
]


@pytest.mark.parametrize(("role", "gold", "pred", "expected"), CEAF_CASES)
def test_muc4_ceaf_ree_grit_cases(role, gold, pred, expected):
    extracts = lambda ents: {r: tuple(map(tuple, ents)) if r == role else () for r in ROLES}  # noqa: E731
    scores = muc4.ceaf_ree_scores({"d": extracts(pred)}, {"d": extracts(gold)})
    assert counts(scores[role]) == expected
    assert counts(scores["micro"]) == expected


def test_muc4_ceaf_ree_micro_over_documents_grit_case_7():
    # GRIT case 7: the six cases above as PerpInd/PerpOrg/Target rows over 4 docs:
    # p_num 4+4+2+4+4+2 = 20, p_den 5+4+3+5+4+3 = 24, r_den 6 * 4 = 24 -> P = R = F1 = 5/6
    preds = [CEAF_CASES[3][2], CEAF_CASES[4][2], CEAF_CASES[5][2]]
    golds, predictions = {}, {}
    for n, pred in enumerate(preds):
        golds[f"d{n}"] = {r: tuple(map(tuple, PERP)) if r == "PerpInd" else () for r in ROLES}
        predictions[f"d{n}"] = {r: tuple(map(tuple, pred)) if r == "PerpInd" else () for r in ROLES}
    golds["d4"] = {
        r: tuple(map(tuple, PERP)) if r in ("PerpInd", "PerpOrg", "Target") else () for r in ROLES
    }
    predictions["d4"] = {
        "PerpInd": tuple(map(tuple, preds[0])),
        "PerpOrg": tuple(map(tuple, preds[1])),
        "Target": tuple(map(tuple, preds[2])),
    }
    micro = muc4.ceaf_ree_scores(predictions, golds)["micro"]
    assert counts(micro) == (20, 24, 20, 24)
    assert micro.f1 == pytest.approx(5 / 6)


def test_muc4_ceaf_ree_versus_gtt_on_coreferent_mentions():
    # same data as the GTT "coreferent_mentions" case, template-agnostic: one-to-one alignment
    # gives PerpInd 1/2 1/1 and Victim 1/1 1/2 -> micro P 2/3 R 2/3 (GTT gave 4/4, 3/4)
    gold, pred, _, _ = GTT_CASES["coreferent_mentions"]
    scores = muc4.ceaf_ree_scores(
        {"d": muc4.pool_extracts(pred)}, {"d": muc4.extracts_from_templates(gold)}
    )
    assert counts(scores["PerpInd"]) == (1, 2, 1, 1)
    assert counts(scores["micro"]) == (2, 3, 2, 3)


# ----------------------------------------------------------------------------- adapter


def test_muc4_incident_to_template_mapping(make_actor, make_incident):
    incident = make_incident(
        "armed_attack",
        perpetrators=[
            make_actor("urban guerrillas", "perpetrator", "group"),
            make_actor("the FMLN", "perpetrator", "organization", affiliation="FMLN"),
        ],
        suspects=[make_actor("two men", "suspect")],
        claimed_by=[make_actor("Shining Path", "claimant", "organization")],
        victims=["a judge", "A JUDGE", "his bodyguard"],
        targets=["the courthouse"],
        weapons=["machineguns"],
    )
    template = muc4.incident_to_template(incident)
    assert template == T(
        "attack",
        PerpInd=[["urban guerrillas"], ["two men"]],
        PerpOrg=[["FMLN"], ["Shining Path"]],
        Target=[["the courthouse"]],
        Victim=[["a judge"], ["his bodyguard"]],  # "A JUDGE" normalizes to the same string
        Weapon=[["machineguns"]],
    )
    assert muc4.incident_to_template(make_incident("vandalism")) is None
    assert muc4.incident_to_template(make_incident("bombing")).incident_type == "bombing"


def _write_muc_folder(tmp_path):
    folder = tmp_path / "muc4"
    (folder / "normalized").mkdir(parents=True)
    records = [
        {
            "id": "TST1-MUC3-0001",
            "date": "1990-02-04",
            "text": "GUERRILLAS KILLED CEREZO.",
            "gtt_templates": [
                {
                    "incident_type": "attack",
                    "PerpInd": [[["guerrillas", 0]]],
                    "PerpOrg": [],
                    "Target": [],
                    "Victim": [[["cerezo", 19]]],
                    "Weapon": [],
                }
            ],
        },
        {"id": "TST1-MUC3-0002", "date": None, "text": "NOTHING HAPPENED.", "gtt_templates": []},
    ]
    lines = "\n".join(json.dumps(r) for r in records)
    (folder / "normalized" / "dev.jsonl").write_text(lines + "\n", encoding="utf-8")
    return folder


def test_muc4_evaluate_with_fake_extractor_and_prediction_roundtrip(
    tmp_path, make_incident, fake_extractor
):
    folder = _write_muc_folder(tmp_path)
    docs = muc4.load_muc4(folder, "dev")
    assert [d.docid for d in docs] == ["TST1-MUC3-0001", "TST1-MUC3-0002"]
    assert str(docs[0].published) == "1990-02-04" and docs[1].published is None
    extract = fake_extractor(
        {
            "TST1-MUC3-0001": [
                make_incident("killing", perpetrators=["GUERRILLAS"], victims=["CEREZO"])
            ],
            "TST1-MUC3-0002": [make_incident("vandalism")],
        }
    )
    templates = muc4.predict_muc4(docs, extract)
    assert extract.calls[0][0] == "GUERRILLAS KILLED CEREZO."  # upper case passed as is
    report = muc4.evaluate_muc4(docs, muc4.as_predictions(templates))
    assert report.prf["gtt.micro"].f1 == 1.0 and report.prf["ceaf_ree.micro"].f1 == 1.0
    out = tmp_path / "preds.json"
    muc4.write_predictions(out, templates)
    written = json.loads(out.read_text())
    assert set(written) == {"10001", "10002"}  # the scorers' numeric ids
    assert written["10001"]["pred_templates"][0]["Victim"] == [["CEREZO"]]
    again = muc4.align_predictions(docs, muc4.read_predictions(out))
    assert muc4.evaluate_muc4(docs, again).scores() == report.scores()


def test_muc4_missing_and_held_out_splits(tmp_path):
    folder = _write_muc_folder(tmp_path)
    with pytest.raises(EvaluationError) as held_out:
        muc4.load_muc4(folder, "test")
    assert held_out.value.code == "TW403"
    with pytest.raises(EvaluationError) as missing:
        muc4.load_muc4(folder, "train")
    assert missing.value.code == "TW401"
    test_file = folder / "normalized" / "dev.jsonl"
    assert len(muc4.load_muc4(test_file, "test")) == 2  # an explicit file is allowed


def test_muc4_read_predictions_rejects_malformed(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('["not", "a", "mapping"]')
    with pytest.raises(EvaluationError) as err:
        muc4.read_predictions(bad)
    assert err.value.code == "TW402"


def test_muc4_gtt_docid():
    assert muc4.gtt_docid("TST3-MUC4-0005") == "30005"
    assert muc4.gtt_docid("DEV-MUC3-0001") == "DEV-MUC3-0001"


@pytest.mark.shared
def test_muc4_dev_gold_scores_itself(data_root):
    docs = muc4.load_muc4(data_root / "muc4", "dev")
    assert len(docs) == 200
    golds = {d.docid: d.templates for d in docs}
    report = muc4.evaluate_muc4(docs, muc4.as_predictions(golds))
    assert report.prf["gtt.micro"].f1 == 1.0
    # GRIT's gold merges a few entities that GTT's templates keep apart (PROVENANCE counts:
    # 475 GRIT entities in dev)
    assert report.prf["ceaf_ree.micro"].r_den == 475
    assert report.prf["ceaf_ree.micro"].f1 > 0.99
    empty = muc4.evaluate_muc4(docs, {})
    assert empty.prf["gtt.micro"].f1 == 0.0 and empty.prf["gtt.micro"].r_den > 0
