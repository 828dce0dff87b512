"""docs/server-behaviour.md stays true: the tests it names exist, each row cites VoIPBIN's code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs/server-behaviour.md").read_text()
ROWS = [line for line in DOC.splitlines() if re.match(r"\| \d+a? \|", line)]
TESTS = {
    path: set(re.findall(r"^(?:async )?def (test_\w+)", path.read_text(), re.M))
    for path in (ROOT / "tests").rglob("test_*.py")
}
DEFINED = set().union(*TESTS.values())


def test_the_table_has_a_row_per_rule() -> None:
    assert len(ROWS) >= 27


def test_every_test_the_doc_names_exists() -> None:
    named = set(re.findall(r"`(?:[\w/.]*::)?(test_\w+)`", DOC))
    assert named
    assert sorted(named - DEFINED) == []


def _test_file(name: str) -> Path:
    """The test file a reference names: a path below the root, or a file name found once."""
    if "/" in name:
        return ROOT / name
    (found,) = [path for path in TESTS if path.name == name]
    return found


def test_a_test_named_with_its_file_is_in_that_file() -> None:
    """``file::test`` and, after it in the same line, ``::test`` (the same file) name a test
    of that file, not one of the same name elsewhere."""
    checked = []
    for line in DOC.splitlines():
        current: Path | None = None
        for path, name in re.findall(r"`([\w/.]*\.py)?::(test_\w+)`", line):
            current = _test_file(path) if path else current
            assert current is not None, f"::{name} follows no file: {line[:60]}"
            assert name in TESTS.get(current, set()), f"{name} is not in {current}"
            checked.append(name)
    assert len(checked) >= 30


def test_every_row_cites_the_code_and_a_test() -> None:
    for row in ROWS:
        number, behaviour, where, pinned = (cell.strip() for cell in row.strip("|").split("|"))
        assert behaviour, number
        assert re.search(r"`[\w/.-]+\.(go|sql|py|yaml|md)`|`api/[\w/.-]+`", where), number
        assert "test_" in pinned or "spec" in pinned, number
