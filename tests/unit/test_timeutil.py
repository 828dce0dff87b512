"""voipbin_outdial.timeutil: VoIPBIN timestamps, the 9999 sentinel, milliseconds <-> timedelta."""

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from voipbin_outdial.models import UNSET, Outdialtarget, Outplan
from voipbin_outdial.timeutil import (
    EPOCH,
    NEVER,
    format_legacy_timestamp,
    format_page_token,
    format_timestamp,
    is_deleted,
    parse_timestamp,
    to_milliseconds,
    to_timedelta,
)

SEEN = datetime(2022, 4, 30, 17, 52, 16, 484341, tzinfo=UTC)
KST = timezone(timedelta(hours=9))


def test_never_is_voipbins_sentinel() -> None:
    assert NEVER == "9999-01-01 00:00:00.000000"
    assert datetime(1970, 1, 1, tzinfo=UTC) == EPOCH


# --- parse_timestamp ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # today's server: RFC 3339, the fraction trimmed (or gone), Z
        ("2022-04-30T17:52:16.484341Z", SEEN),
        ("2022-04-30T17:52:16.48434Z", SEEN.replace(microsecond=484340)),
        ("2022-04-30T17:52:16Z", SEEN.replace(microsecond=0)),
        ("2022-04-30T17:52:16.484341999Z", SEEN),  # nanoseconds (Go's own precision): cut
        # the docs' and older data's form: a space, no zone, meaning UTC
        ("2022-04-30 17:52:16.484341", SEEN),
        ("2022-04-30 17:52:16", SEEN.replace(microsecond=0)),
        # ISO 8601 with an offset, converted to UTC
        ("2022-04-30T17:52:16.484341+00:00", SEEN),
        ("2022-04-30T19:52:16.484341+02:00", SEEN),
        ("2022-05-01T02:52:16.484341+09:00", SEEN),
        ("2022-04-30T12:52:16.484341-05:00", SEEN),
        ("2022-04-30T17:52:16.484341", SEEN),
        # a date alone is midnight UTC (not the "+00:00" the fast path appends, read as a time)
        ("2022-04-30", datetime(2022, 4, 30, tzinfo=UTC)),
        # datetimes: naive is UTC, aware is converted
        (datetime(2022, 4, 30, 17, 52, 16, 484341), SEEN),  # noqa: DTZ001 - naive on purpose
        (datetime(2022, 5, 1, 2, 52, 16, 484341, tzinfo=KST), SEEN),
        (SEEN, SEEN),
    ],
)
def test_parse_timestamp_gives_aware_utc(value: Any, expected: datetime) -> None:
    parsed = parse_timestamp(value)

    assert parsed == expected
    assert parsed is not None
    assert parsed.tzinfo is UTC
    assert (parsed.hour, parsed.minute) == (expected.hour, expected.minute)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        UNSET,
        NEVER,
        "9999-12-31 23:59:59.999999",
        "9999-01-01T00:00:00Z",
        "9999-12-31T23:00:00-05:00",  # would overflow if converted to UTC first
        datetime(9999, 1, 1, tzinfo=UTC),
    ],
)
def test_parse_timestamp_never(value: Any) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2022-13-01 00:00:00.000000",
        "2022-04-30 25:00:00.000000",
        "2022-04-30 17:52:16.484341 UTC",
        "0001-01-01T00:00:00+01:00",  # before datetime.min once in UTC
    ],
)
def test_parse_timestamp_malformed_is_a_value_error_quoting_it(value: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        parse_timestamp(value)


@pytest.mark.parametrize("value", [1651341136, 1651341136.5, b"2022-04-30 17:52:16"])
def test_parse_timestamp_other_types_are_type_errors(value: Any) -> None:
    with pytest.raises(TypeError, match="str or a datetime"):
        parse_timestamp(value)


# --- format_timestamp, format_page_token, format_legacy_timestamp ------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (SEEN, "2022-04-30T17:52:16.484341Z"),
        (datetime(2022, 5, 1, 2, 52, 16, 484341, tzinfo=KST), "2022-04-30T17:52:16.484341Z"),
        # naive is taken to be UTC (the module's one convention)
        (datetime(2022, 4, 30, 17, 52, 16, 484341), "2022-04-30T17:52:16.484341Z"),  # noqa: DTZ001
        # Go's RFC3339Nano: trailing zeros of the fraction trimmed, no fraction when it is zero
        (datetime(2026, 3, 1, 9, 30, 0, 123400, tzinfo=UTC), "2026-03-01T09:30:00.1234Z"),
        (datetime(2026, 3, 1, 9, 30, 0, 500000, tzinfo=UTC), "2026-03-01T09:30:00.5Z"),
        (datetime(2026, 3, 1, 9, 30, 0, 1, tzinfo=UTC), "2026-03-01T09:30:00.000001Z"),
        (datetime(2022, 4, 30, tzinfo=UTC), "2022-04-30T00:00:00Z"),
        (datetime(5, 1, 2, 3, 4, 5, tzinfo=UTC), "0005-01-02T03:04:05Z"),
    ],
)
def test_format_timestamp_writes_todays_server_form(value: datetime, expected: str) -> None:
    """bin-outdial-manager/models/outdialtarget/outdialtarget.go (``TMCreate *time.Time``): Go's
    ``time.Time.MarshalJSON`` writes RFC3339Nano; the columns are ``datetime(6)``
    (bin-outdial-manager/scripts/database_scripts/table_outdialtargets.sql), so microseconds."""
    assert format_timestamp(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-01T09:30:00.1234Z",
        "2026-03-01T09:30:00Z",
        "1970-01-01T00:00:00Z",
        "2038-01-19T03:14:08.000001Z",
    ],
)
def test_format_timestamp_round_trips_the_servers_form(text: str) -> None:
    parsed = parse_timestamp(text)
    assert parsed is not None
    assert format_timestamp(parsed) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (SEEN, "2022-04-30T17:52:16.484341Z"),
        (datetime(2026, 3, 1, 9, 30, tzinfo=UTC), "2026-03-01T09:30:00.000000Z"),
        (datetime(2026, 3, 1, 18, 30, 0, 500000, tzinfo=KST), "2026-03-01T09:30:00.500000Z"),
        (datetime(2026, 3, 1, 9, 30), "2026-03-01T09:30:00.000000Z"),  # noqa: DTZ001 - naive: UTC
    ],
)
def test_format_page_token_always_has_six_digits(value: datetime, expected: str) -> None:
    """bin-api-manager/server/outdials.go ``GetOutdials``: the next token is the last item's
    ``TMCreate.UTC().Format("2006-01-02T15:04:05.000000Z")``."""
    assert format_page_token(value) == expected


def test_page_tokens_sort_in_time_order_and_server_times_do_not() -> None:
    whole, half = (
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        datetime(2026, 3, 1, 9, 30, 0, 500000, tzinfo=UTC),
    )

    assert format_page_token(whole) < format_page_token(half)
    assert format_timestamp(whole) > format_timestamp(half)  # why the mock compares datetimes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (SEEN, "2022-04-30 17:52:16.484341"),
        (datetime(2022, 4, 30, tzinfo=UTC), "2022-04-30 00:00:00.000000"),
        (datetime(9999, 1, 1, tzinfo=UTC), NEVER),
    ],
)
def test_format_legacy_timestamp_writes_the_docs_form(value: datetime, expected: str) -> None:
    assert format_legacy_timestamp(value) == expected
    assert parse_timestamp(expected) == (None if expected == NEVER else value)


@pytest.mark.parametrize(
    "formatter", [format_timestamp, format_page_token, format_legacy_timestamp]
)
def test_formatters_need_a_datetime(formatter: Any) -> None:
    with pytest.raises(TypeError, match="datetime"):
        formatter("2022-04-30 17:52:16.484341")


# --- milliseconds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (30000, 30000),
        (timedelta(0), 0),
        (timedelta(seconds=30), 30000),
        (timedelta(minutes=1), 60000),
        (timedelta(hours=1), 3600000),
        (timedelta(days=2, milliseconds=7), 172800007),
        # rounded to the nearest millisecond, halves to even
        (timedelta(microseconds=499), 0),
        (timedelta(microseconds=1500), 2),
        (timedelta(microseconds=2500), 2),
        (timedelta(microseconds=2501), 3),
    ],
)
def test_to_milliseconds(value: int | timedelta, expected: int) -> None:
    result = to_milliseconds(value)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize("value", [-1, timedelta(microseconds=-1), timedelta(days=-1)])
def test_to_milliseconds_negative_is_a_value_error(value: int | timedelta) -> None:
    with pytest.raises(ValueError, match="negative"):
        to_milliseconds(value)


@pytest.mark.parametrize("value", [True, False, 1.5, "30000", None])
def test_to_milliseconds_wrong_type_is_a_type_error(value: Any) -> None:
    with pytest.raises(TypeError):
        to_milliseconds(value)


@pytest.mark.parametrize(
    ("ms", "expected"),
    [
        (0, timedelta(0)),
        (1, timedelta(microseconds=1000)),
        (30000, timedelta(seconds=30)),
        (3600000, timedelta(hours=1)),
    ],
)
def test_to_timedelta(ms: int, expected: timedelta) -> None:
    assert to_timedelta(ms) == expected
    assert to_milliseconds(to_timedelta(ms)) == ms


def test_to_timedelta_negative_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        to_timedelta(-1)


@pytest.mark.parametrize("value", [True, 1.0, "1", None])
def test_to_timedelta_wrong_type_is_a_type_error(value: Any) -> None:
    with pytest.raises(TypeError):
        to_timedelta(value)


# --- is_deleted --------------------------------------------------------------------------------

TARGET = {
    "id": "1b3d7a92-7146-466d-90f5-4bc701ada4c0",
    "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
    "name": "",
    "detail": "",
    "data": "",
    "status": "idle",
    "destination_0": None,
    "try_count_0": 0,
    "try_count_1": 0,
    "try_count_2": 0,
    "try_count_3": 0,
    "try_count_4": 0,
    "tm_create": "2022-04-30 17:52:16.484341",
}
OUTPLAN = {
    "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
    "name": "",
    "detail": "",
    "source": {"type": "tel", "target": "+15559876543"},
    "dial_timeout": 30000,
    "try_interval": 60000,
    **{f"max_try_count_{i}": 5 for i in range(5)},
    "tm_create": "2022-04-28 01:50:23.414000",
}


@pytest.mark.parametrize(
    ("tm_delete", "deleted"),
    [
        (NEVER, False),
        (None, False),
        ("", False),
        ("2022-05-01 00:00:00.000000", True),
        ("2022-05-01T00:00:00Z", True),
    ],
)
@pytest.mark.parametrize("shape", ["dict", "model"])
def test_is_deleted(tm_delete: str | None, deleted: bool, shape: str) -> None:
    target = {**TARGET, "tm_delete": tm_delete}
    outplan = {**OUTPLAN, "tm_delete": tm_delete}
    if shape == "model":
        assert is_deleted(Outdialtarget.from_dict(target)) is deleted
        assert is_deleted(Outplan.from_dict(outplan)) is deleted
    else:
        assert is_deleted(target) is deleted
        assert is_deleted(outplan) is deleted


def test_is_deleted_absent_tm_delete_is_not_deleted() -> None:
    model = Outdialtarget.from_dict(TARGET)
    assert model.tm_delete is UNSET
    assert is_deleted(model) is False
    assert is_deleted(TARGET) is False


def test_is_deleted_malformed_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'last tuesday'"):
        is_deleted({**TARGET, "tm_delete": "last tuesday"})
