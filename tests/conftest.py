"""Shared fixtures: the loaded extractor (once per session) and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

REPO = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    env = os.environ.get("TENSIONWATCH_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared benchmark data not found at {path} (set TENSIONWATCH_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    from tensionwatch.errors import ConfigError
    from tensionwatch.extract.pipeline import Extractor

    try:
        return Extractor()
    except ConfigError as exc:
        pytest.skip(f"English spaCy pipeline not installed: {exc}")
