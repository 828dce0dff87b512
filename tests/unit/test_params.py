"""The TypedDicts of the SDK's dict arguments (_params.py) match openapi.yaml and the methods,
and a type checker refuses what the API would (``{"type": "phone"}``)."""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path
from typing import Any, get_args

import yaml
from mypy import api as mypy_api

from voipbin_outdial import AddressParam, AddressTypeParam, TargetRowParam
from voipbin_outdial._async.targets import AsyncOutdialtargets
from voipbin_outdial._sync.targets import Outdialtargets

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def test_address_types_are_the_specs() -> None:
    assert list(get_args(AddressTypeParam)) == SPEC["components"]["schemas"]["AddressType"]["enum"]


def test_address_param_has_the_specs_fields_type_and_target_required() -> None:
    fields = SPEC["components"]["schemas"]["Address"]["properties"]

    assert set(AddressParam.__annotations__) == set(fields)
    assert AddressParam.__required_keys__ == {"type", "target"}  # what to_address insists on


def test_target_row_param_is_what_create_takes() -> None:
    for resource in (Outdialtargets, AsyncOutdialtargets):
        taken = set(inspect.signature(resource.create).parameters) - {
            "self",
            "outdial_id",
            "timeout",
        }
        assert set(TargetRowParam.__annotations__) == taken
        assert TargetRowParam.__required_keys__ == taken


def test_a_type_checker_refuses_a_wrong_address(tmp_path: Path) -> None:
    source = tmp_path / "uses.py"
    source.write_text(
        textwrap.dedent(
            """
            from voipbin_outdial import AddressParam, VoipbinClient

            def make(client: VoipbinClient) -> None:
                good: AddressParam = {"type": "tel", "target": "+15550100"}
                client.outplans.update_dial_info("id", source=good)
                client.outplans.update_dial_info("id", source={"type": "phone", "target": "1"})
                client.outdialtargets.create(
                    "id", name="n", detail="d", data="x", destinations=[{"type": "sip"}]
                )
            """
        )
    )

    out, _, status = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / ".cache"), str(source)]
    )

    lines = sorted(int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line)
    assert status == 1
    assert lines == [7, 9], out  # the "phone" type, then the address without a target
