"""The gazetteer is built once per test session (about a second, ~150 MB)."""

from __future__ import annotations

import pytest

from tensionwatch.geo import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
