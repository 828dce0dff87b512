"""The pure part of create_many (``_bulk``) and the look-up that resolves a lost answer
(issue 16): rows checked before anything is sent, the key that finds a target's twin, and a
look-up that reads no further back than it must on a newest-first list (VoIPBIN's order)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from voipbin_outdial import ImportProgress, InvalidRowError, Page, RowResult
from voipbin_outdial._bulk import check_row, key_digest, row_key, target_key
from voipbin_outdial._sync.bulk import TargetImport
from voipbin_outdial.errors import InvalidArgumentError
from voipbin_outdial.models import Outdialtarget

T0 = datetime(2026, 1, 1, tzinfo=UTC)
TEL = {"type": "tel", "target": "+12015550123"}


def row(**overrides: Any) -> dict[str, Any]:
    return {"name": "Ada", "detail": "card", "data": "crm-1", "destinations": [TEL], **overrides}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"detail": ""}, "detail"),
        ({"data": 5}, "data"),
        ({"destinations": []}, "destinations"),
        ({"destinations": [None, None]}, "destinations"),
        ({"destinations": [TEL] * 6}, "destinations"),
        ({"destinations": [TEL, {"type": "tel"}]}, "destinations[1]"),
        ({"destinations": [{"type": "tel", "target": " "}]}, "destinations[0]"),
        ({"destinations": "+12015550123"}, "destinations"),
    ],
)
def test_a_row_voipbin_would_refuse_is_refused_naming_the_field(
    overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidRowError) as raised:
        check_row(row(**overrides))
    assert raised.value.field == field
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, InvalidArgumentError)  # an argument error, as the facade's
    assert raised.value.param == field


def test_a_row_without_a_field_is_refused() -> None:
    with pytest.raises(InvalidRowError, match="no 'data'") as raised:
        check_row({"name": "A", "detail": "d", "destinations": [TEL]})
    assert raised.value.field == "data"


def target(name: str, *targets: str | None, at: datetime = T0) -> Outdialtarget:
    slots = {
        f"destination_{i}": ({"type": "tel", "target": t} if t else {})
        for i, t in enumerate([*targets, *[None] * (5 - len(targets))])
    }
    return Outdialtarget.from_dict(
        {
            "id": str(uuid4()),
            "outdial_id": str(uuid4()),
            "name": name,
            "detail": "d",
            "data": "x",
            "status": "idle",
            **slots,
            **{f"try_count_{i}": 0 for i in range(5)},
            "tm_create": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        }
    )


def test_the_key_is_the_name_and_the_targets_in_slot_order() -> None:
    made = target("Ada", "+12015550123", None, "+12015550124")
    given = row(destinations=[TEL, None, {"type": "sip", "target": " +12015550124 "}])
    assert target_key(made) == check_row(given).key == ("Ada", ("+12015550123", "+12015550124"))
    assert row_key("Ada", [TEL]) != target_key(made)


def test_progress_counts_each_outcome() -> None:
    progress = ImportProgress()
    for n, outcome in enumerate(["created", "skipped", "created", "failed", "rejected"]):
        progress.add(RowResult(n, {}, outcome))  # type: ignore[arg-type]
    assert (progress.created, progress.skipped, progress.failed, progress.rejected) == (2, 1, 1, 1)
    assert progress.done == 5
    assert progress.last is not None
    assert progress.last.index == 4


class Pages:
    """A targets resource whose list serves ``items`` in pages of 10; it counts the pages."""

    def __init__(self, items: list[Outdialtarget]) -> None:
        self.items = items
        self.pages = 0

    def list(self, outdial_id: UUID, *, page_token: str | None = None) -> Page[Outdialtarget]:
        start = int(page_token or 0)
        self.pages += 1
        chunk = self.items[start : start + 10]
        return Page(chunk, str(start + 10) if chunk else None)


def run(pages: Pages) -> TargetImport:
    return TargetImport(pages, uuid4(), concurrency=1, on_progress=None, limiters=(None, None))  # type: ignore[arg-type]


def outdial(count: int) -> list[Outdialtarget]:
    """``count`` targets, one a minute, oldest first."""
    return [target(f"c{k}", f"+1201555{k:04d}", at=T0 + timedelta(minutes=k)) for k in range(count)]


def test_on_a_newest_first_list_the_look_up_stops_at_what_was_there_before_the_post() -> None:
    items = outdial(200)
    pages = Pages(items[::-1])
    since = T0 + timedelta(minutes=180)  # the newest target known when the POST was sent
    key = target_key(items[195])
    assert run(pages)._look_up(key, since) == items[195]
    assert pages.pages == 1
    pages.pages = 0
    assert run(pages)._look_up(("nobody", ()), since) is None
    assert pages.pages == 3  # stopped at the first target older than `since` (minute 179)


def test_on_an_oldest_first_list_the_look_up_reads_on_to_the_end() -> None:
    items = outdial(200)
    pages = Pages(items)
    key = target_key(items[195])
    assert run(pages)._look_up(key, T0 + timedelta(minutes=180)) == items[195]
    assert pages.pages == 20


def test_key_digest_tells_keys_apart_and_matches_equal_ones() -> None:
    """skip_existing keeps a 128-bit digest of each key, not the key (issue 26)."""
    keys = [
        ("a", ("+1",)),
        ("a", ("+1", "+2")),
        ("a", ("+1,+2",)),
        ("a,", ("+1",)),
        ("a", ()),
        ("", ("a",)),
    ]
    digests = [key_digest(k) for k in keys]
    assert len(set(digests)) == len(keys)
    assert key_digest(("a", ("+1",))) == digests[0]
    assert all(0 <= d < 2**128 for d in digests)
    assert key_digest(row_key(" a ", [None, {"target": "+1"}])) == digests[0]
