"""Printing the rows: a plain-text table for the terminal, Markdown for bench/RESULTS.md."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from typing import Any

from ._timing import Row

__all__ = ["cli", "machine", "markdown_table", "print_table", "text_table"]

_HEAD = ("benchmark", "measurement", "figure", "target", "ok", "rounds", "detail")


def _cells(row: Row) -> tuple[str, ...]:
    rounds = str(row.rounds) if row.rounds else ""
    detail = f"INVALID: {row.invalid}; {row.detail}" if row.invalid else row.detail
    return (row.bench, row.name, row.figure, row.target, row.verdict, rounds, detail)


def text_table(rows: Sequence[Row]) -> str:
    cells = [_HEAD, *(_cells(r) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(_HEAD))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def print_table(rows: Sequence[Row]) -> None:
    print(text_table(rows), flush=True)


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in _cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def machine() -> str:
    """One line about where the figures come from."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    impl = platform.python_implementation()
    return (
        f"{_cpu_model()}, {cores} cores usable, {platform.system()} {platform.release()},"
        f" {impl} {platform.python_version()}, httpx {_version('httpx')},"
        f" attrs {_version('attrs')}, uvicorn {_version('uvicorn')}"
        f" ({sys.platform}, {platform.machine()})"
    )


def cli(
    run: Callable[..., list[Row]],
    defaults: Mapping[str, Any],
    doc: str | None,
    argv: Sequence[str] | None = None,
) -> list[Row]:
    """``python -m bench.<name> [--option N ...]``: one benchmark, its options from DEFAULTS."""
    parser = argparse.ArgumentParser(
        description=(doc or "").split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    for name, value in defaults.items():
        parser.add_argument(f"--{name}", type=type(value), default=value, help=f"(default {value})")
    args = parser.parse_args(argv)
    rows = run(**vars(args))
    print(f"machine: {machine()}")
    print_table(rows)
    return rows
