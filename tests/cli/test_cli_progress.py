"""The import's progress on stderr: a rich bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import io

from voipbin_outdial.cli._progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_every_few_seconds_and_at_the_end() -> None:
    stream = io.StringIO()
    with Progress(None, stream, clock=lambda: 0.0) as progress:
        progress.update(3)
    assert stream.getvalue() == "3 rows (0.0/s)\n"  # the end, once
    now = [0.0]
    stream = io.StringIO()
    with Progress(10, stream, clock=lambda: now[0]) as progress:
        for done in range(1, 11):
            now[0] = done * 1.0
            progress.update(done, f"created {done}")
    assert stream.getvalue().splitlines() == [
        "5/10 rows (1.0/s); created 5",
        "10/10 rows (1.0/s); created 10",
    ]


def test_a_terminal_gets_a_bar_with_the_rate_and_the_counts() -> None:
    stream = Terminal()
    with Progress(4, stream) as progress:
        for done in range(1, 5):
            progress.update(done, f"created {done}")
    text = stream.getvalue()
    assert "4/4" in text
    assert "/s" in text
    assert "created 4" in text
