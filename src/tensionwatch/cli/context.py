"""State shared by CLI commands: settings and the consoles."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from rich.console import Console

from tensionwatch.config import Settings

# Tables of incidents need room; piped output (make demo, logs) gets this width instead of 80.
PIPE_WIDTH = 150


def _console(stream: TextIO, *, stderr: bool = False) -> Console:
    piped = not stream.isatty() and "COLUMNS" not in os.environ
    return Console(stderr=stderr, highlight=False, width=PIPE_WIDTH if piped else None)


@dataclass
class CliState:
    settings: Settings
    console: Console = field(default_factory=lambda: _console(sys.stdout))
    err: Console = field(default_factory=lambda: _console(sys.stderr, stderr=True))
