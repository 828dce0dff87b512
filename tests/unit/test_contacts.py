"""voipbin_outdial.contacts: CSV contact lists, phone numbers in E.164 (issue 16)."""

from __future__ import annotations

import io

import pytest

from voipbin_outdial.contacts import (
    EXPORT_COLUMNS,
    Contact,
    Rejected,
    destination_cell,
    export_row,
    parse_destination,
    read_contacts,
    write_targets,
)
from voipbin_outdial.models import Address, Outdialtarget


@pytest.mark.parametrize(
    ("cell", "region", "kind", "target"),
    [
        ("(201) 555-0123", "US", "tel", "+12015550123"),
        ("201.555.0123", "US", "tel", "+12015550123"),
        ("+44 20 7183 8750", "US", "tel", "+442071838750"),
        ("020 7183 8750", "GB", "tel", "+442071838750"),
        ("tel:(201) 555-0123", "US", "tel", "+12015550123"),
        ("sip:alice@example.com", "US", "sip", "alice@example.com"),
        ("SIP: bob@example.com ", "US", "sip", "bob@example.com"),
        ("extension:2001", "US", "extension", "2001"),
        (
            "agent:1b3d7a92-7146-466d-90f5-4bc701ada4c0",
            "US",
            "agent",
            "1b3d7a92-7146-466d-90f5-4bc701ada4c0",
        ),
    ],
)
def test_a_destination_cell_becomes_an_address(
    cell: str, region: str, kind: str, target: str
) -> None:
    address = parse_destination(cell, region)
    assert address is not None
    assert (str(address.type_), address.target) == (kind, target)


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("12345", "not a valid phone number"),
        ("+1 555 010 0001", "not a valid phone number"),  # 555-01xx: fictional, never assigned
        ("call me", "not a phone number"),
        ("foo:bar", "'foo' is not an address type"),
        ("sip:", "no target"),
    ],
)
def test_a_bad_cell_says_why(cell: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_destination(cell, "US")


def test_an_empty_cell_is_an_empty_slot() -> None:
    assert parse_destination("  ") is None


CSV = """name,detail,data,destination_0,destination_1,destination_2,note
Ada,card,crm-1,(201) 555-0123,,sip:ada@example.com,ignored
Bob,card,crm-2,12345,,,
,card,crm-3,(201) 555-0124,,,
Cy,card,,(201) 555-0125,,,
Di,card,crm-5,,,,
Ed,card,crm-6,(201) 555-0126,,,,too many
"""


def test_rows_become_contacts_or_rejections_with_a_reason_and_line() -> None:
    items = list(read_contacts(io.StringIO(CSV), region="us"))
    ada = items[0]
    assert isinstance(ada, Contact)
    assert ada.line == 2
    assert [a and a.target for a in ada.destinations] == ["+12015550123", None, "ada@example.com"]
    rejected = [(i.line, i.reason) for i in items[1:] if isinstance(i, Rejected)]
    assert [line for line, _ in rejected] == [3, 4, 5, 6, 7]
    reasons = dict(rejected)
    assert "destination_0: '12345' is not a valid phone number" in reasons[3]
    assert reasons[4].startswith("name must not be empty")
    assert reasons[5].startswith("data must not be empty")
    assert reasons[6] == "destination_0: no destination"
    assert reasons[7] == "column 8: 'too many' is past the header's 7 columns"


def test_a_header_without_the_required_columns_or_a_bad_region_is_refused() -> None:
    with pytest.raises(ValueError, match="missing: detail, data"):
        list(read_contacts(io.StringIO("name,destination_0\nA,+12015550123\n")))
    with pytest.raises(ValueError, match="region"):
        list(read_contacts(io.StringIO(CSV), region="XX"))


def test_an_export_reads_back_as_the_same_contacts() -> None:
    target = Outdialtarget.from_dict(
        {
            "id": "1b3d7a92-7146-466d-90f5-4bc701ada4c0",
            "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
            "name": 'Ada, "the first"',
            "detail": "card",
            "data": "crm-1",
            "status": "idle",
            "destination_0": {"type": "tel", "target": "+12015550123"},
            "destination_1": {},
            "destination_2": {"type": "sip", "target": "ada@example.com"},
            "destination_3": None,
            "destination_4": {},
            **{f"try_count_{i}": i for i in range(5)},
            "tm_create": "2026-01-02T03:04:05.123Z",
            "tm_update": "2026-01-02T03:04:05.123Z",
        }
    )
    out = io.StringIO()
    assert write_targets([target], out) == 1
    header, _ = out.getvalue().splitlines()
    assert header == ",".join(EXPORT_COLUMNS)
    assert export_row(target)[5:10] == ["+12015550123", "", "sip:ada@example.com", "", ""]
    (back,) = read_contacts(io.StringIO(out.getvalue()))
    assert isinstance(back, Contact)
    assert (back.name, back.detail, back.data) == ('Ada, "the first"', "card", "crm-1")
    assert [destination_cell(a) for a in back.destinations] == [
        "+12015550123",
        "",
        "sip:ada@example.com",
    ]
    assert destination_cell(Address.from_dict({"type": "email", "target": "a@x.org"})) == (
        "email:a@x.org"
    )


def test_a_column_named_twice_or_a_bom_in_the_header() -> None:
    with pytest.raises(
        ValueError, match=r"the column 'name' is in the header twice \(columns 1 and 5\)"
    ):
        list(read_contacts(io.StringIO("name,detail,data,destination_0,Name\n")))
    (ada,) = read_contacts(
        io.StringIO("\ufeffName;Detail;Data;Destination_0\nAda;d;x;+12015550123\n")
    )
    assert isinstance(ada, Contact)
    assert ada.name == "Ada"
