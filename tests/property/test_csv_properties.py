"""What the tool writes as CSV (``_csvsafe``) through a real file: no cell a spreadsheet would
run, and every value read back exactly (issue 25)."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from voipbin_outdial._csvsafe import restore, safe_writer

# Cells as names come: any text, with the characters that start a formula or an escape often.
cells = st.text(
    alphabet=st.one_of(st.sampled_from("=+-@|%'\t\r\\0123456789,. "), st.characters()),
    max_size=12,
)
FORMULA_START = tuple("=+-@|%\t\r")


@given(st.lists(cells, min_size=1, max_size=6))
def test_written_cells_cannot_run_and_read_back_exactly(row: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.csv"
        with path.open("w", newline="", encoding="utf-8", errors="surrogatepass") as out:
            safe_writer(out).writerow(row)
        with path.open(newline="", encoding="utf-8", errors="surrogatepass") as f:
            (written,) = csv.reader(f)

    for cell in written:  # a formula starts with one of these; a plain number is left alone
        assert (
            not cell.startswith(FORMULA_START)
            or cell.lstrip("-").replace(",", "").replace(".", "").isdigit()
        )
    assert [restore(cell) for cell in written] == row


@given(cells)
def test_a_cell_not_written_by_the_tool_is_restored_only_if_the_tool_could_have_written_it(
    cell: str,
) -> None:
    value = restore(cell)
    if value != cell:  # taken off only where writing the value gives the cell back
        with tempfile.TemporaryFile("w+", newline="", errors="surrogatepass") as f:
            safe_writer(f).writerow([value])
            f.seek(0)
            assert next(csv.reader(f)) == [cell]
