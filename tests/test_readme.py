"""Every ```python block of README.md and of the docs (docs/**/*.md) runs as written.

The project's own runner, extended from the README to the docs, rather than pytest-examples: the
blocks are whole programs (no ``>>>`` prompts, no printed output to compare), mypy --strict
already checks their types (scripts/check-doc-types.py, the same regular expression), and
pytest-examples would add a dependency and its own formatting rules for no check we lack.
"""

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks() -> list[tuple[str, str]]:
    """(``path:line`` of the block's first code line, code) for every python block."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        name = document.relative_to(ROOT).as_posix()
        for m in BLOCK.finditer(text):
            found.append((f"{name}:{text.count(chr(10), 0, m.start(1)) + 1}", m.group(1)))
    return found


BLOCKS = blocks()


@pytest.fixture(autouse=True)
def logging_as_it_was() -> Iterator[None]:
    """A block may configure logging (docs/client.md does); the tests after it must not see it."""
    root, ours = logging.getLogger(), logging.getLogger("voipbin_outdial")
    saved = (root.level, root.handlers[:], ours.level, ours.handlers[:])
    yield
    root.setLevel(saved[0])
    root.handlers[:] = saved[1]
    ours.setLevel(saved[2])
    ours.handlers[:] = saved[3]


def test_the_readme_and_the_docs_have_examples() -> None:
    where = {place.split(":")[0] for place, _ in BLOCKS}
    assert "README.md" in where
    assert {"docs/getting-started.md", "docs/client.md", "docs/testing.md"} <= where


@pytest.mark.parametrize(("place", "source"), BLOCKS, ids=[place for place, _ in BLOCKS])
def test_example_runs(place: str, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VOIPBIN_TOKEN", "VOIPBIN_ACCESSKEY", "VOIPBIN_LOG"):
        monkeypatch.delenv(name, raising=False)
    exec(compile(source, place, "exec"), {"__name__": "doc_example"})
