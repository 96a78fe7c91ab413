"""Scoring primitives shared by every benchmark adapter.

- :class:`PRF` keeps the four counts behind a precision/recall/F1 triple (precision and recall
  may have different numerators, as in the GTT and CEAF scorers) and adds up across documents.
- :func:`normalize_string` is the mention normalization of the GTT / GRIT scorers
  (``xinyadu/gtt`` and ``xinyadu/grit_doc_event_entity``, ``eval.py``): lower-case, drop ASCII
  punctuation, replace the articles *a/an/the* by a space, collapse whitespace, in that order.
- :func:`max_weight_assignment` is an optimal one-to-one assignment (Hungarian algorithm) used
  for CEAF alignments and incident matching; scipy is not needed.
- :func:`score_clusters` scores a clustering (deduplication) against gold identities with
  B-cubed and pairwise precision/recall/F1.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

_PUNCT = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)


def normalize_string(text: str) -> str:
    """The GTT/GRIT scorers' mention normalization ("The U.S. Embassy" → "us embassy")."""
    lowered = text.lower()
    no_punct = "".join(ch for ch in lowered if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", no_punct).split())


def f1_score(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts behind a precision/recall/F1 triple.

    ``precision = p_num / p_den`` and ``recall = r_num / r_den`` (0 when a denominator is 0).
    ``p_den`` is the number of predicted items, ``r_den`` the number of gold items. Numerators
    are floats so that averaged scores (B-cubed) fit the same record.
    """

    p_num: float = 0
    p_den: float = 0
    r_num: float = 0
    r_den: float = 0

    @classmethod
    def of(cls, tp: float, n_pred: float, n_gold: float) -> PRF:
        """The usual case: one number of true positives for both precision and recall."""
        return cls(tp, n_pred, tp, n_gold)

    @property
    def n_pred(self) -> float:
        return self.p_den

    @property
    def n_gold(self) -> float:
        return self.r_den

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.p_num + other.p_num,
            self.p_den + other.p_den,
            self.r_num + other.r_num,
            self.r_den + other.r_den,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "p_num": _plain(self.p_num),
            "p_den": _plain(self.p_den),
            "r_num": _plain(self.r_num),
            "r_den": _plain(self.r_den),
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Correct answers out of the questions asked (one per evaluated article and field)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "correct": self.correct, "total": self.total}


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def sum_prf(items: Sequence[PRF]) -> PRF:
    total = PRF()
    for item in items:
        total = total + item
    return total


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs of a one-to-one assignment that maximizes the summed weight.

    ``weights[i][j]`` scores row ``i`` against column ``j``; the matrix may be rectangular.
    Every row of the smaller side is assigned (as ``scipy.optimize.linear_sum_assignment``
    does), so callers drop pairs whose weight is 0 when 0 means "no match". Runs the
    Hungarian algorithm with potentials, O(n²·m).
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    transposed = n_rows > n_cols
    if transposed:
        matrix = [[-weights[i][j] for i in range(n_rows)] for j in range(n_cols)]
    else:
        matrix = [[-w for w in row] for row in weights]
    n, m = len(matrix), len(matrix[0])
    # 1-based arrays; column 0 is the virtual start column of each augmenting search.
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            row0 = owner[col0]
            delta, col1 = math.inf, 0
            for col in range(1, m + 1):
                if used[col]:
                    continue
                cur = matrix[row0 - 1][col - 1] - u[row0] - v[col]
                if cur < minv[col]:
                    minv[col], way[col] = cur, col0
                if minv[col] < delta:
                    delta, col1 = minv[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    minv[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = [(owner[col] - 1, col - 1) for col in range(1, m + 1) if owner[col]]
    if transposed:
        pairs = [(col, row) for row, col in pairs]
    return sorted(pairs)


def _pairs(sizes: Counter[Any]) -> int:
    return sum(size * (size - 1) // 2 for size in sizes.values())


def score_clusters(
    gold_ids: Sequence[Hashable], pred_clusters: Sequence[Hashable]
) -> dict[str, PRF]:
    """B-cubed and pairwise P/R/F1 of a clustering against gold identities.

    Item ``i`` belongs to gold event ``gold_ids[i]`` and to predicted cluster
    ``pred_clusters[i]``. B-cubed (Bagga & Baldwin 1998): per item, precision is the share of
    its predicted cluster that has its gold id and recall the share of its gold group that
    shares its predicted cluster; both averaged over items. Pairwise: the item pairs put
    together by the prediction (``p_den``) and by the gold (``r_den``), with the pairs put
    together by both as true positives. This is the hook the resolve stage's deduplication is
    scored through (``gva``, ``gold``).
    """
    if len(gold_ids) != len(pred_clusters):
        raise ValueError(
            f"score_clusters: {len(gold_ids)} gold ids but {len(pred_clusters)} predicted labels"
        )
    n = len(gold_ids)
    joint = Counter(zip(gold_ids, pred_clusters, strict=True))
    gold_size = Counter(gold_ids)
    pred_size = Counter(pred_clusters)
    b3_p = sum(count * count / pred_size[p] for (_g, p), count in joint.items())
    b3_r = sum(count * count / gold_size[g] for (g, _p), count in joint.items())
    both = _pairs(joint)
    return {
        "bcubed": PRF(b3_p, n, b3_r, n),
        "pairwise": PRF(both, _pairs(pred_size), both, _pairs(gold_size)),
    }
