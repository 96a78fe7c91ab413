"""The trained role-filler tagger at inference time: ONNX Runtime over the MiniLM encoder.

Why ONNX Runtime and not torch: the quantized graph is a quarter of the size, runs faster on
two CPU cores, and ``onnxruntime`` + ``tokenizers`` install from the registry in seconds, where
torch would pull gigabytes. The weights ship in the package (``roles/model/``); ``make train``
rebuilds them (see :mod:`tensionwatch.train.roles`).

A document is cut into overlapping windows (:mod:`.windows`); a piece's label probabilities
are averaged over the windows holding it, and spans are decoded from the averaged argmax.
Each window also says which incident types it reports (:class:`WindowTypes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tensionwatch.errors import ConfigError
from tensionwatch.extract.roles.labels import BIO_LABELS, INCIDENT_TYPES, RoleSpan, decode_bio
from tensionwatch.extract.roles.windows import cut_windows

MODEL_DIR = Path(__file__).parent / "model"


@dataclass(frozen=True, slots=True)
class TaggerOptions:
    model_dir: Path = MODEL_DIR
    threads: int = 1  # 1 per process in the pool; 0 lets ONNX Runtime use every core
    batch_size: int = 8
    # a piece is outside every role only if P(O) reaches this; None = the model card's value
    outside_threshold: float | None = None


@dataclass(frozen=True, slots=True)
class WindowTypes:
    start: int  # character range the window covers
    end: int
    probabilities: tuple[float, ...]  # one per INCIDENT_TYPES entry

    def probability(self, incident_type: str) -> float:
        return self.probabilities[INCIDENT_TYPES.index(incident_type)]


@dataclass(frozen=True, slots=True)
class RoleAnalysis:
    spans: tuple[RoleSpan, ...]
    windows: tuple[WindowTypes, ...]

    def type_probabilities(self) -> dict[str, float]:
        """The highest probability each incident type reaches in any window."""
        return {
            kind: max((w.probability(kind) for w in self.windows), default=0.0)
            for kind in INCIDENT_TYPES
        }

    def types_at(self, start: int, end: int) -> dict[str, float]:
        """Type probabilities averaged over the windows that cover ``start:end``."""
        covering = [w for w in self.windows if w.start <= start and end <= w.end]
        covering = covering or [w for w in self.windows if w.start < end and start < w.end]
        if not covering:
            return {kind: 0.0 for kind in INCIDENT_TYPES}
        return {
            kind: sum(w.probability(kind) for w in covering) / len(covering)
            for kind in INCIDENT_TYPES
        }


def _softmax(logits: Any) -> Any:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class RoleTagger:
    """Holds one ONNX session; create once per process and reuse."""

    def __init__(self, options: TaggerOptions | None = None) -> None:
        self.options = options or TaggerOptions()
        model_dir = self.options.model_dir
        card_path = model_dir / "card.json"
        if not (model_dir / "model.onnx").is_file() or not card_path.is_file():
            raise ConfigError(
                f"{model_dir}: no trained role tagger (model.onnx, card.json); run `make train`",
                code="TW004",
            )
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ConfigError(
                f"the role tagger needs onnxruntime and tokenizers: {exc}", code="TW005"
            ) from exc
        self.card = json.loads(card_path.read_text(encoding="utf-8"))
        if tuple(self.card["labels"]) != BIO_LABELS:
            raise ConfigError(f"{card_path}: label set differs from this version", code="TW006")
        settings = onnxruntime.SessionOptions()
        settings.intra_op_num_threads = self.options.threads
        settings.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model_dir / "model.onnx"), settings, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        cls_id = self.tokenizer.token_to_id("[CLS]")
        sep_id = self.tokenizer.token_to_id("[SEP]")
        if cls_id is None or sep_id is None:
            raise ConfigError(f"{model_dir}: tokenizer without [CLS]/[SEP]", code="TW006")
        self.cls_id, self.sep_id = int(cls_id), int(sep_id)
        self.window = int(self.card["window"])
        threshold = self.options.outside_threshold
        self.outside_threshold = float(
            threshold if threshold is not None else self.card.get("outside_threshold", 0.5)
        )
        self.stride = int(self.card["stride"])

    def analyze(self, text: str) -> RoleAnalysis:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        if not encoding.ids:
            return RoleAnalysis((), ())
        offsets: list[tuple[int, int]] = [(int(a), int(b)) for a, b in encoding.offsets]
        windows = cut_windows(encoding.ids, self.cls_id, self.sep_id, self.window, self.stride)
        sums = np.zeros((len(offsets), len(BIO_LABELS)), dtype=np.float32)
        counts = np.zeros((len(offsets), 1), dtype=np.float32)
        window_types = []
        size = self.options.batch_size
        for first in range(0, len(windows), size):
            batch = windows[first : first + size]
            width = max(len(w.ids) for w in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, window in enumerate(batch):
                ids[row, : len(window.ids)] = window.ids
                mask[row, : len(window.ids)] = 1
            tag_logits, type_logits = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask}
            )
            probabilities = _softmax(tag_logits)
            type_probabilities = 1.0 / (1.0 + np.exp(-type_logits))
            for row, window in enumerate(batch):
                pieces = len(window.ids) - 2
                last = window.first + pieces
                sums[window.first : last] += probabilities[row, 1 : 1 + pieces]
                counts[window.first : last] += 1
                window_types.append(
                    WindowTypes(
                        offsets[window.first][0],
                        offsets[last - 1][1],
                        tuple(float(p) for p in type_probabilities[row]),
                    )
                )
        averaged = sums / np.maximum(counts, 1)
        # O (label 0) dominates training; a role wins once P(O) falls below the threshold
        best_role = averaged[:, 1:].argmax(axis=-1) + 1
        is_role = averaged[:, 0] < self.outside_threshold
        labels = [int(i) if r else 0 for i, r in zip(best_role, is_role, strict=True)]
        scores = [float(1.0 - p) for p in averaged[:, 0]]
        spans = decode_bio(offsets, labels, scores)
        return RoleAnalysis(tuple(_to_word_edges(text, s) for s in spans), tuple(window_types))


def _to_word_edges(text: str, span: RoleSpan) -> RoleSpan:
    """Widen a span that starts or ends inside a word to the whole word."""
    start, end = span.start, span.end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return RoleSpan(start, end, span.role, span.score)
