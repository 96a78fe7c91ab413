"""Wiring stages together for batches: ingest → extract → store, on one or many processes."""

from tensionwatch.batch.pipeline import BatchSummary, Pipeline

__all__ = ["BatchSummary", "Pipeline"]
