"""Evaluation: scorers and benchmark adapters (MUC-4, GVA, WikiEvents, tensionwatch gold).

Every adapter takes an ``extract_fn(text, published, article_id) -> incidents`` (the shape of
``Extractor.extract``) or precomputed predictions, and returns a :class:`Report` of named
P/R/F1 and accuracy rows. ``gate`` pins floors on those rows (``tests/eval_baseline.json``).
"""

from __future__ import annotations

from tensionwatch.evaluate.common import ExtractFn, Report, find_data_root, load_extract_fn
from tensionwatch.evaluate.metrics import (
    PRF,
    Accuracy,
    max_weight_assignment,
    normalize_string,
    score_clusters,
)

__all__ = [
    "PRF",
    "Accuracy",
    "ExtractFn",
    "Report",
    "find_data_root",
    "load_extract_fn",
    "max_weight_assignment",
    "normalize_string",
    "score_clusters",
]
