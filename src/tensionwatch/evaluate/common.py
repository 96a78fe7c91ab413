"""What the benchmark adapters share: the extractor seam, reports, data discovery, JSON I/O.

Adapters never construct the extractor themselves: they take an ``extract_fn`` with the
signature of ``Extractor.extract`` (``text, published, article_id -> incidents``), so tests
pass a fake and the CLI passes :func:`load_extract_fn`'s real one. Error codes raised here and
by the adapters (all :class:`~tensionwatch.errors.EvaluationError`):

- ``TW401`` a data file or folder is missing
- ``TW402`` a record in a data or predictions file is malformed
- ``TW403`` a held-out split was asked for but its file is not present
- ``TW404`` the extractor cannot be loaded
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from tensionwatch.errors import EvaluationError, TensionwatchError
from tensionwatch.evaluate.metrics import PRF, Accuracy
from tensionwatch.models import Article, Incident
from tensionwatch.serialize import document, from_dict


class ExtractFn(Protocol):
    """``extract_fn(text, published, article_id[, title]) -> incidents``, as
    ``Extractor.extract``; only adapters whose data has headlines (GVA) pass ``title``."""

    def __call__(
        self, text: str, published: date | None, article_id: str, title: str | None = None, /
    ) -> Sequence[Incident]: ...


DATA_ENV = "TENSIONWATCH_SHARED_DATA"


def load_extract_fn() -> ExtractFn:
    """The real extractor's ``extract`` method (loads the spaCy pipeline once)."""
    extractor_cls = None
    for module in ("tensionwatch.extract", "tensionwatch.extract.pipeline"):
        try:
            extractor_cls = importlib.import_module(module).Extractor
            break
        except (ImportError, AttributeError) as exc:
            problem = exc
    if extractor_cls is None:
        raise EvaluationError(
            f"the extractor cannot be loaded ({problem}); pass --predictions to score a file",
            code="TW404",
        )
    try:
        fn: ExtractFn = extractor_cls().extract
    except TensionwatchError as exc:
        raise EvaluationError(f"the extractor cannot be loaded: {exc}", code="TW404") from exc
    return fn


def find_data_root(repo_root: Path | None = None) -> Path | None:
    """The shared data folder: ``$TENSIONWATCH_SHARED_DATA``, else ``<repo>/../shared/data``.

    ``repo_root`` defaults to the checkout this module lives in. Returns None when the folder
    does not exist, so tests can skip with a reason instead of failing.
    """
    env = os.environ.get(DATA_ENV)
    if env:
        path = Path(env)
        return path if path.is_dir() else None
    root = repo_root or Path(__file__).resolve().parents[3]
    candidate = root.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file; blank lines are skipped, a bad line raises TW402."""
    if not path.is_file():
        raise EvaluationError(f"{path}: file not found", code="TW401")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{number}: {exc}", code="TW402") from exc
            if not isinstance(record, dict):
                raise EvaluationError(f"{path}:{number}: not a JSON object", code="TW402")
            yield record


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Report:
    """The result of one benchmark run: named P/R/F1 rows and accuracy rows.

    Row names are dotted (``gtt.micro``, ``gtt.Victim``, ``ceaf_ree.micro``); ``info`` holds
    counts such as the number of documents.
    """

    dataset: str
    prf: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def scores(self) -> dict[str, float]:
        """One number per row (F1 or accuracy), the values the quality gate pins."""
        values = {name: prf.f1 for name, prf in self.prf.items()}
        values.update({name: acc.value for name, acc in self.accuracy.items()})
        return values

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "info": self.info,
            "prf": {name: prf.as_dict() for name, prf in self.prf.items()},
            "accuracy": {name: acc.as_dict() for name, acc in self.accuracy.items()},
        }


def read_incident_predictions(path: Path) -> dict[str, list[Incident]]:
    """Incidents per article id from JSON Lines of tensionwatch documents (``--json`` shape)."""
    predictions: dict[str, list[Incident]] = {}
    for record in read_jsonl(path):
        try:
            article_id = str(record["article"]["id"])
            incidents = [from_dict(Incident, item) for item in record.get("incidents", [])]
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{path}: bad prediction record: {exc}", code="TW402") from exc
        predictions.setdefault(article_id, []).extend(incidents)
    return predictions


def write_incident_predictions(
    path: Path, articles: Sequence[Article], predictions: Mapping[str, Sequence[Incident]]
) -> None:
    """Write one tensionwatch document per article (text left out to keep the file small)."""
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            doc = document(article, predictions.get(article.id, ()))
            doc["article"].pop("text", None)
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")


def predict_all(
    items: Sequence[tuple[str, str, date | None]],
    extract_fn: ExtractFn,
    progress: Callable[[], None] | None = None,
) -> dict[str, list[Incident]]:
    """Run ``extract_fn`` over ``(article_id, text, published)`` items."""
    predictions: dict[str, list[Incident]] = {}
    for article_id, text, published in items:
        predictions[article_id] = list(extract_fn(text, published, article_id))
        if progress is not None:
            progress()
    return predictions
