"""docs/server-behaviour.md stays true: the tests it names exist, each row cites VoIPBIN's code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs/server-behaviour.md").read_text()
ROWS = [line for line in DOC.splitlines() if re.match(r"\| \d+a? \|", line)]
DEFINED = {
    name
    for path in (ROOT / "tests").rglob("test_*.py")
    for name in re.findall(r"^(?:async )?def (test_\w+)", path.read_text(), re.M)
}


def test_the_table_has_a_row_per_rule() -> None:
    assert len(ROWS) >= 27


def test_every_test_the_doc_names_exists() -> None:
    named = set(re.findall(r"`(?:[\w/.]+::)?(test_\w+)`", DOC))
    assert named
    assert sorted(named - DEFINED) == []


def test_every_row_cites_the_code_and_a_test() -> None:
    for row in ROWS:
        number, behaviour, where, pinned = (cell.strip() for cell in row.strip("|").split("|"))
        assert behaviour, number
        assert re.search(r"`[\w/.-]+\.(go|sql|py|yaml|md)`|`api/[\w/.-]+`", where), number
        assert "test_" in pinned or "spec" in pinned, number
