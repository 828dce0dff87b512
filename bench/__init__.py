"""Benchmarks of voipbin-outdial (issue 7): ``make bench`` runs ``python -m bench``.

Every figure is a ratio measured side by side in one run (the subject and its baseline
alternate, round by round) and reported as the median of several rounds; see ``_timing``.
Results and the machine they ran on: ``bench/RESULTS.md``.

Each module is one benchmark with ``run(**DEFAULTS) -> list[Row]`` and tiny ``SMOKE`` sizes
(``tests/bench/test_bench_smoke.py`` runs those).
"""

from __future__ import annotations

import importlib
from types import ModuleType

BENCHMARKS: dict[str, str] = {
    "dial_order": "bench.dial_order",
    "simulation": "bench.simulation",
    "parsing": "bench.parsing",
    "call_overhead": "bench.call_overhead",
    "paging": "bench.paging",
    "bulk_import": "bench.bulk_import",
    "import_memory": "bench.import_memory",
    "test_suite": "bench.suite_time",  # last: the brief asks for it once, near the end
}
"""Every benchmark (name -> module), in the order ``python -m bench`` runs them."""


def load(name: str) -> ModuleType:
    """The module of benchmark ``name`` (imported on demand, so ``python -m bench.<module>``
    runs a module that the package has not imported already)."""
    return importlib.import_module(BENCHMARKS[name])
