"""A one-line progress indication on long runs, on a terminal only.

Nothing appears for a run that finishes within `delay` seconds (a pre-commit hook, an editor), and
nothing ever appears when standard error is not a terminal (CI logs, pipes), so output stays
byte-for-byte the same. The line is redrawn at most every `interval` seconds, erased before any
finding is printed to the same terminal and at the end.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import IO

_ERASE = "\r\x1b[2K"


class Progress:
    def __init__(
        self,
        stream: IO[str],
        total: int,
        *,
        enabled: bool | None = None,
        delay: float = 1.0,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if enabled is None:
            enabled = hasattr(stream, "isatty") and stream.isatty()
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 1
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self._last = float("-inf")
        self._shown = False

    def update(self, done: int, path: str = "") -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay or now - self._last < self.interval:
            return
        pct = done * 100 // self.total if self.total else 100
        line = f"nostrings: {done}/{self.total} files ({pct}%)"
        if path:
            width = shutil.get_terminal_size((80, 24)).columns
            room = width - len(line) - 3
            if room > 10:
                shown = path if len(path) <= room else "…" + path[-(room - 1) :]
                line += f"  {shown}"
        self.stream.write(_ERASE + line)
        self.stream.flush()
        self._shown = True
        self._last = now

    def clear(self) -> None:
        """Erase the line (before printing something else on the terminal)."""
        if self._shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._shown = False

    def finish(self) -> None:
        self.clear()
