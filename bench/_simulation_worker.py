"""One campaign simulation in a process of its own, for ``bench.simulation``: its time, its
peak memory and, with ``--trace``, what its calls keep. Prints one JSON line.

Run with ``PYTHONPATH`` naming the tree of ``voipbin_outdial`` to measure (this one, or the code
before issue 26 that ``bench.simulation`` unpacks), so both are measured the same way; it uses
only what both trees have (``VoipbinMock``, its store's create operations, ``run_campaign``).

    python -m bench._simulation_worker --targets N [--trace]

* ``cpu``: the process's CPU time in ``run_campaign`` alone (not the seeding);
* ``maxrss``: the process's peak resident memory (bytes), taken just after the run: the
  interpreter, the imports, the store of N targets and the run, whichever peak was highest
  (seeding included). On Linux it is ``VmHWM`` (``/proc/self/status``), which ``exec`` starts
  afresh; ``ru_maxrss`` is not used there, because a child keeps the peak of the parent it was
  forked from (a ``make bench`` that has just held 200,000 targets made every small run read
  514 MB). Elsewhere ``ru_maxrss``;
* ``record_bytes`` (``--trace``, tracemalloc started after the seeding): what the returned
  calls hold, measured as what their release frees, over the number of calls;
* ``invalid``: why the run does not count ("" if it does): a target left ``progressing`` or
  ``idle`` with tries left, or a sum of try counts that is not the number of calls.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

import voipbin_outdial

from .simulation import MAXES, START, seeded_mock


def final_state_problem(targets: Sequence[Mapping[str, Any]], calls: int) -> str:
    """Why the run did not end as it should (every target done, or idle with every try used,
    and one try counted per call); "" when it did."""
    tries = 0
    for target in targets:
        counts = [target[f"try_count_{i}"] for i in range(5)]
        tries += sum(counts)
        status = target["status"]
        exhausted = all(
            count == most or target[f"destination_{i}"] in (None, {})
            for i, (count, most) in enumerate(zip(counts, MAXES, strict=True))
        )
        if status != "done" and not (status == "idle" and exhausted):
            return f"target {target['id']} ended {status} with tries {counts}"
    if tries != calls or calls == 0:
        return f"{calls:,} calls but {tries:,} tries counted"
    return ""


def peak_rss() -> int:
    """This process's peak resident memory since it was exec'd, in bytes (see ``maxrss``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB; macOS: B


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", type=int, required=True)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args(argv)
    mock, plan, outdial = seeded_mock(args.targets)
    gc.collect()
    if args.trace:
        tracemalloc.start()
    started = time.process_time()
    calls = mock.run_campaign(
        plan, outdial, answer=0.3, seed=7, talk_time=timedelta(minutes=2), start=START
    )
    cpu = time.process_time() - started
    maxrss = peak_rss()
    placed = len(calls)
    record_bytes = 0.0
    if args.trace:
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        del calls
        gc.collect()
        record_bytes = (held - tracemalloc.get_traced_memory()[0]) / max(placed, 1)
        tracemalloc.stop()
    records, _ = mock.store.targets_from(outdial, 0)  # the records themselves: no copies
    return {
        "tree": voipbin_outdial.__file__,
        "targets": args.targets,
        "calls": placed,
        "cpu": cpu,
        "maxrss": maxrss,
        "record_bytes": record_bytes,
        "invalid": final_state_problem(records, placed),
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout)
    print()
