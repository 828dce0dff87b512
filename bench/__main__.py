"""``python -m bench`` (``make bench``): every benchmark, then one summary table.

    python -m bench                       # all of them, full sizes (a few minutes)
    python -m bench --only parsing,paging # some of them
    python -m bench --skip test_suite     # all but some
    python -m bench --quick               # tiny sizes: checks the benchmarks run, not speed
    python -m bench --markdown out.md     # also write the table as Markdown (bench/RESULTS.md)

Each benchmark is also a script of its own: ``python -m bench.dial_order --help``.
The exit status is 1 if a benchmark failed to run (a miss of a target is reported, not fatal),
or with ``--strict`` if a target was missed or a measurement is invalid (its row says
"invalid": a precondition did not hold, or what it timed failed).

Every benchmark runs under ``_machine.OtherLoad``: each row's detail says how many cores other
processes used meanwhile, and a wall-clock row is invalid when that was more than
``--max-other-load`` (0.3 by default; ``--max-other-load inf`` to keep a figure on a busy machine,
which then says so).
"""

from __future__ import annotations

import argparse
import time
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from . import BENCHMARKS, load
from ._machine import MAX_OTHER_CORES, OtherLoad
from ._report import machine, markdown_table, print_table
from ._timing import Row, under_load


def main(argv: Sequence[str] | None = None) -> tuple[int, list[Row]]:
    """Run the benchmarks; (exit status, rows)."""
    names = list(BENCHMARKS)
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="benchmarks, in order: " + ", ".join(names),
    )
    parser.add_argument("--only", default="", help="comma-separated benchmarks to run")
    parser.add_argument("--skip", default="", help="comma-separated benchmarks to leave out")
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the smoke test's)")
    parser.add_argument("--markdown", type=Path, help="write the summary as Markdown here")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--max-other-load",
        type=float,
        default=MAX_OTHER_CORES,
        help="cores other processes may use before a wall-clock row is invalid"
        f" (default {MAX_OTHER_CORES})",
    )
    args = parser.parse_args(argv)

    chosen = [n.strip() for n in args.only.split(",") if n.strip()] or names
    skipped = {n.strip() for n in args.skip.split(",") if n.strip()}
    unknown = (set(chosen) | skipped) - set(names)
    if unknown:
        parser.error(f"no benchmark named {', '.join(sorted(unknown))} (there are {names})")

    print(f"machine: {machine()}", flush=True)
    rows: list[Row] = []
    failed: list[str] = []
    for name in [n for n in names if n in chosen and n not in skipped]:
        module = load(name)
        params = module.SMOKE if args.quick else module.DEFAULTS
        shown = " ".join(f"{k}={v!r}" for k, v in params.items())
        print(f"\n== {name} ({shown})", flush=True)
        start = time.perf_counter()
        try:
            with OtherLoad() as others:
                got = module.run(**params)
            got = [under_load(row, others.cores, args.max_other_load) for row in got]
        except Exception:
            traceback.print_exc()
            failed.append(name)
            rows.append(Row(name, "FAILED to run", float("nan"), "", detail="see the traceback"))
            continue
        print_table(got)
        print(f"({time.perf_counter() - start:.1f} s)", flush=True)
        rows += got

    print("\n== summary", flush=True)
    print_table(rows)
    if args.markdown:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        args.markdown.write_text(
            f"Machine: {machine()}\n\nRun: {stamp}\n\n{markdown_table(rows)}\n", encoding="utf-8"
        )
        print(f"wrote {args.markdown}")
    missed = [r for r in rows if r.ok is False]
    status = 1 if failed or (args.strict and missed) else 0
    return status, rows


if __name__ == "__main__":
    raise SystemExit(main()[0])
