"""Progress of a long run on stderr: a rich bar with rate and ETA on a terminal, else lines."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Self, TextIO

__all__ = ["Progress"]

_PLAIN_EVERY = 5.0  # seconds between two plain lines


class Progress:
    """``with Progress(total, stream) as progress: progress.update(done, note)``.

    A rich progress bar (done/total, rate, ETA) when ``stream`` is a terminal and rich is
    installed; otherwise a line ``done/total rows (N/s)`` every few seconds and at the end.
    """

    def __init__(
        self,
        total: int | None,
        stream: TextIO,
        *,
        label: str = "rows",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self._stream = stream
        self._label = label
        self._clock = clock
        self._start = clock()
        self._last_line = self._start
        self._done = 0
        self._shown = -1  # rows done when the last plain line was written
        self._note = ""
        self._bar: Any = None
        self._task: Any = None
        if stream.isatty():
            try:
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    TaskProgressColumn,
                    TextColumn,
                    TimeElapsedColumn,
                    TimeRemainingColumn,
                )
                from rich.progress import Progress as Bar
            except ImportError:
                return
            self._bar = Bar(
                TextColumn("[bold]{task.description}"),
                BarColumn(bar_width=20),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[note]}"),
                console=Console(file=stream),
            )

    def __enter__(self) -> Self:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task(self._label, total=self.total, rate="", note="")
        return self

    def _rate(self) -> float:
        elapsed = self._clock() - self._start
        return self._done / elapsed if elapsed > 0 else 0.0

    def update(self, done: int, note: str = "") -> None:
        """``done`` rows finished so far; ``note`` (counts) shown beside."""
        self._done, self._note = done, note
        if self._bar is not None:
            rate = f"{self._rate():.1f}/s"
            self._bar.update(self._task, completed=done, rate=rate, note=note)
            return
        now = self._clock()
        if now - self._last_line >= _PLAIN_EVERY:
            self._last_line = now
            self._line()

    def _line(self) -> None:
        self._shown = self._done
        of = f"/{self.total}" if self.total is not None else ""
        note = f"; {self._note}" if self._note else ""
        self._stream.write(f"{self._done}{of} {self._label} ({self._rate():.1f}/s){note}\n")
        self._stream.flush()

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self._done != self._shown and self._done:
            self._line()
