"""State shared by CLI commands: settings, the console, a lazily opened store."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console

from tensionwatch.config import Settings


@dataclass
class CliState:
    settings: Settings
    console: Console = field(default_factory=lambda: Console(highlight=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
