"""docs/reliability.md names the test behind each guarantee: every one it names exists.

A reference is ``path/to/test_file.py::test_name`` (under ``tests/``), or ``::test_name`` for
another test in the file named last before it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"`((?:[\w]+/)+test_\w+\.py)?::(test_\w+)")


def test_every_test_the_reliability_doc_names_exists() -> None:
    doc = (ROOT / "docs/reliability.md").read_text(encoding="utf-8")
    current: str | None = None
    named = 0
    for match in REFERENCE.finditer(doc):
        current = match.group(1) or current
        assert current is not None, f"{match.group(0)} follows no file"
        source = (ROOT / "tests" / current).read_text(encoding="utf-8")
        assert f"def {match.group(2)}(" in source, f"{current}::{match.group(2)} is not there"
        named += 1
    assert named >= 40
