"""Contact lists as CSV: read rows for ``create_many`` (numbers in E.164), write targets out.

```python
import io
from voipbin_outdial.contacts import Rejected, read_contacts

text = "name,detail,data,destination_0,destination_1\\nAda,card,1,(201) 555-0123,sip:a@x.org\\n"
for item in read_contacts(io.StringIO(text), region="US"):
    assert not isinstance(item, Rejected)
    print(item.destinations)  # tel +12015550123, then sip a@x.org
```

The columns are ``name``, ``detail``, ``data`` and ``destination_0`` .. ``destination_4``
(``destination_0`` at least; other columns, such as those of an export, are ignored, so an
export can be imported again). A destination cell is

* empty: no destination in that slot;
* ``type:target`` with a VoIPBIN address type (``sip:alice@example.com``,
  ``agent:<uuid>``, ``extension:2001``, ``tel:+12015550123`` ...);
* else a phone number, read by the ``phonenumbers`` library (``region`` for national forms such
  as ``(555) 010-0001``) and written in E.164 (``+15550100001``); one that is not a valid number,
  or has an extension (``x116``, ``ext. 12``: E.164 cannot carry it), rejects the row.

A row that cannot be sent (such a number, an empty name, detail or data, no destination, a
control character, a cell over the field limit or past the header: ``_csvrows``) is a
:class:`Rejected` with the reason, which names the column and quotes at most 40 characters.
Needs the ``csv`` extra (or ``cli``) for phonenumbers and defusedcsv.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, TextIO

import attrs

from ._bulk import check_row
from ._csvrows import normalize, quote, read_rows
from ._csvsafe import RowWriter, restore, safe_writer
from ._slots import DESTINATION_FIELDS, TRY_COUNT_FIELDS
from .errors import InvalidRowError
from .models import Address, AddressType, Outdialtarget

__all__ = [
    "ADDRESS_TYPES",
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "REJECTS_COLUMNS",
    "REQUIRED_COLUMNS",
    "Contact",
    "Rejected",
    "RowWriter",
    "check_columns",
    "check_region",
    "count_rows",
    "destination_cell",
    "export_row",
    "parse_destination",
    "read_contacts",
    "safe_writer",
    "write_targets",
]

IMPORT_COLUMNS: Final = ("name", "detail", "data", *DESTINATION_FIELDS)
REQUIRED_COLUMNS: Final = ("name", "detail", "data", DESTINATION_FIELDS[0])
EXPORT_COLUMNS: Final = (
    "id",
    "name",
    "detail",
    "data",
    "status",
    *DESTINATION_FIELDS,
    *TRY_COUNT_FIELDS,
    "tm_create",
    "tm_update",
)
REJECTS_COLUMNS: Final = (*IMPORT_COLUMNS, "reason")
"""The columns of the rejects file ``voipbin-outdial import --rejects`` writes."""
WRITTEN_HEADERS: Final = (EXPORT_COLUMNS, REJECTS_COLUMNS)
"""The headers of the files the tool writes: in those, a cell escaped so that a spreadsheet
cannot run it (``_csvsafe``) is read back as it was."""
ADDRESS_TYPES: Final = frozenset(t.value for t in AddressType if t.value)
"""The ``type`` of ``type:target`` cells: VoIPBIN's address types."""


@attrs.frozen
class Contact:
    """A row ready for ``create_many``; ``line`` is its line in the file (the header is 1)."""

    name: str
    detail: str
    data: str
    destinations: list[Address | None]
    line: int


@attrs.frozen
class Rejected:
    """A row that cannot be sent: its cells as read, its line, and why."""

    cells: dict[str, str]
    line: int
    reason: str


def _phonenumbers() -> Any:
    try:
        import phonenumbers
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "reading phone numbers needs the phonenumbers library, which comes with the 'csv' "
            'extra: pip install "voipbin-outdial[csv]"'
        ) from None
    return phonenumbers


def check_region(region: str) -> str:
    """``region`` as phonenumbers knows it (``"US"``, ``"GB"`` ...), or ``ValueError``."""
    code = region.strip().upper()
    if code not in _phonenumbers().SUPPORTED_REGIONS:
        raise ValueError(f"region must be a two-letter country code such as 'US', got {region!r}")
    return code


def _e164(text: str, region: str) -> str:
    lib = _phonenumbers()
    try:
        number = lib.parse(text, region)
    except lib.NumberParseException as exc:
        raise ValueError(f"{quote(text)} is not a phone number ({exc})") from None
    if not lib.is_valid_number(number):
        raise ValueError(f"{quote(text)} is not a valid phone number (region {region})")
    if number.extension:  # E.164, all a tel address holds, has no room for it: never dropped
        raise ValueError(
            f"{quote(text)} has an extension ({quote(number.extension)}), which a tel address"
            " cannot carry"
        )
    formatted: str = lib.format_number(number, lib.PhoneNumberFormat.E164)
    return formatted


def parse_destination(cell: str, region: str = "US") -> Address | None:
    """One destination cell as an address (``None`` when empty), or ``ValueError`` saying why."""
    text = cell.strip()
    if not text:
        return None
    kind, colon, target = text.partition(":")
    kind = kind.strip().lower()
    if colon and kind in ADDRESS_TYPES:
        target = target.strip()
        if not target:
            raise ValueError(f"{quote(text)} has no target after {kind}:")
        if kind == "tel":
            target = _e164(target, region)
        return Address(type_=AddressType(kind), target=target)
    if colon and kind.isalpha():
        known = ", ".join(sorted(ADDRESS_TYPES))
        raise ValueError(f"{quote(text)}: {quote(kind)} is not an address type ({known})")
    return Address(type_=AddressType.TEL, target=_e164(text, region))


def check_columns(columns: Iterable[str] | None) -> list[str]:
    """The header's columns (case and surrounding spaces ignored), or ``ValueError`` naming a
    missing required one."""
    names = [normalize(c) for c in columns or ()]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise ValueError(
            f"the CSV needs the columns {', '.join(REQUIRED_COLUMNS)};"
            f" missing: {', '.join(missing)}"
        )
    return names


def _contact(cells: Mapping[str, str], line: int, region: str) -> Contact | Rejected:
    destinations: list[Address | None] = []
    for field in DESTINATION_FIELDS:
        try:
            destinations.append(parse_destination(cells.get(field) or "", region))
        except ValueError as exc:
            return Rejected(dict(cells), line, f"{field}: {exc}")
    while destinations and destinations[-1] is None:
        destinations.pop()
    contact = Contact(
        cells.get("name") or "",
        cells.get("detail") or "",
        cells.get("data") or "",
        destinations or [None],
        line,
    )
    try:
        check_row(contact)
    except InvalidRowError as exc:
        empty = exc.field.startswith("destinations")
        reason = f"{DESTINATION_FIELDS[0]}: no destination" if empty else str(exc)
        return Rejected(dict(cells), line, reason)
    return contact


def read_contacts(
    source: TextIO | Iterable[str], *, region: str = "US", delimiter: str | None = None
) -> Iterator[Contact | Rejected]:
    """Each row of a CSV with a header, as a :class:`Contact` or a :class:`Rejected`.

    Streams: one row is read at a time. The header's names are matched ignoring case and
    surrounding spaces; ``delimiter`` (``,``, ``;`` or a tab) is the one the header holds most
    of unless given. ``ValueError`` for a header without the required columns or an unknown
    ``region``.
    """
    code = check_region(region)
    header, rows = read_rows(source, read=IMPORT_COLUMNS, delimiter=delimiter)
    check_columns(header)
    written = tuple(header) in WRITTEN_HEADERS
    for row in rows:
        cells = {k: restore(v) for k, v in row.cells.items()} if written else row.cells
        if row.problem is not None:
            yield Rejected(cells, row.line, row.problem)
        else:
            yield _contact(cells, row.line, code)


def count_rows(source: TextIO | Iterable[str], *, delimiter: str | None = None) -> int:
    """How many rows :func:`read_contacts` would give for ``source`` (blank ones not counted),
    without reading a phone number."""
    _, rows = read_rows(source, read=IMPORT_COLUMNS, delimiter=delimiter)
    return sum(1 for _ in rows)


def destination_cell(address: Address | object | None) -> str:
    """A destination as a cell: a tel number as it is, another type as ``type:target``."""
    if not isinstance(address, Address) or not address.target:
        return ""
    kind = str(address.type_)
    return address.target if kind == AddressType.TEL else f"{kind}:{address.target}"


def export_row(target: Outdialtarget) -> list[str]:
    """A target as the cells of :data:`EXPORT_COLUMNS`."""

    def text(value: object) -> str:
        return str(value) if isinstance(value, str | int) else ""

    return [
        str(target.id),
        target.name,
        target.detail,
        target.data,
        str(target.status),
        *(destination_cell(getattr(target, f, None)) for f in DESTINATION_FIELDS),
        *(text(getattr(target, f, None)) for f in TRY_COUNT_FIELDS),
        text(target.tm_create),
        text(target.tm_update),
    ]


def write_targets(targets: Iterable[Outdialtarget], out: TextIO, *, header: bool = True) -> int:
    """Write ``targets`` as CSV rows of :data:`EXPORT_COLUMNS`; how many were written.

    A cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM``) is
    written as text, with a ``'`` in front; :func:`read_contacts` takes it off again.
    """
    writer = safe_writer(out)
    if header:
        writer.writerow(EXPORT_COLUMNS)
    count = 0
    for target in targets:
        writer.writerow(export_row(target))
        count += 1
    return count
