"""The cli contract in pyproject.toml names every private module of the package.

import-linter's ``forbidden`` contract takes a list, not a pattern: a private module added
later and left off the list would be open to ``cli`` without anyone deciding so.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "client" / "voipbin_outdial"


def test_the_cli_contract_forbids_every_private_module() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    cli = next(c for c in contracts if c["id"] == "cli")
    private = {
        f"voipbin_outdial.{path.stem if path.is_file() else path.name}"
        for path in PACKAGE.iterdir()
        if path.name.startswith("_")
        and not path.name.startswith("__")
        and (path.suffix == ".py" or (path / "__init__.py").exists())
    }
    # An exception is an ignore_imports line of the contract, not a name left off the list.
    assert private - set(cli["forbidden_modules"]) == set()
