"""The README stays short, and no shell block of the README or the docs goes unchecked unnoticed.

A ```sh / ```console / ```bash / ```shell block either runs in a test, and says so on the line
before it (``<!-- run by tests/....py -->``, a test file that reads that page), or says why not
(``<!-- not run: ... -->``). The python blocks run in tests/test_readme.py; the site builds with
``mkdocs build --strict`` in ``make docs`` (``make test``).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]
SHELL = re.compile(r"^```(?:sh|console|bash|shell)\n", re.M)
MARK = re.compile(r"<!-- (?:run by (?P<test>tests/\S+\.py)|not run: \S.*) -->\n\Z")
README_LIMIT = 12 * 1024


def shell_blocks() -> list[tuple[str, str, str]]:
    """(``path:line``, the page's path, the line before the block) for every shell block."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        name = document.relative_to(ROOT).as_posix()
        for m in SHELL.finditer(text):
            line = text.count("\n", 0, m.start())
            before = text[: m.start()].splitlines(keepends=True)[-1] if line else ""
            found.append((f"{name}:{line + 1}", name, before))
    return found


BLOCKS = shell_blocks()


def test_the_readme_is_at_most_12_kb() -> None:
    assert len((ROOT / "README.md").read_bytes()) <= README_LIMIT


def test_there_are_shell_blocks_and_one_is_run() -> None:
    marks = [MARK.search(before) for _, _, before in BLOCKS]
    assert any(m is not None and m.group("test") for m in marks)


@pytest.mark.parametrize(("place", "page", "before"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_each_shell_block_is_run_or_marked_not_run(place: str, page: str, before: str) -> None:
    mark = MARK.search(before)
    assert mark is not None, f"{place}: put <!-- run by tests/... --> or <!-- not run: why -->"
    if mark.group("test"):
        test = ROOT / mark.group("test")
        assert test.is_file(), f"{place}: {mark.group('test')} is not there"
        assert page in test.read_text(encoding="utf-8"), f"{test} does not read {page}"


def test_every_page_is_in_the_sites_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert {page for page in pages if f": {page}\n" not in nav} == set()
