"""docs/api.md is written from the operation table and the facade (scripts/api_reference.py),
and the drift check in `make test` catches a stale copy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from voipbin_outdial._generated.api import OPERATIONS
from voipbin_outdial._resources import OPERATIONS as METHODS

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "scripts/api_reference.py", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


def test_every_operation_has_its_method_request_and_errors_in_the_reference() -> None:
    for operation_id, op in OPERATIONS.items():
        resource, name = METHODS[operation_id]
        section = DOC.split(f"### `{resource}.{name}(", 1)[1].split("\n### ", 1)[0]
        assert f"- Sends: `{op.method} {op.path}` (`{operation_id}`: {op.summary})" in section
        assert ("`NotFoundError` (404)" in section) == (404 in op.errors)


def test_the_check_fails_on_a_stale_reference(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy2(ROOT / "scripts" / "api_reference.py", tmp_path / "scripts")
    (tmp_path / "docs" / "api.md").write_text(DOC.replace("Delete the outplan", "Drop it"))

    stale = run(tmp_path, "--check")
    written = run(tmp_path)

    assert stale.returncode == 1
    assert "-Drop it; returns it" in stale.stderr
    assert "+Delete the outplan" in stale.stderr
    assert written.returncode == 0
    assert (tmp_path / "docs" / "api.md").read_text(encoding="utf-8") == DOC
    assert run(tmp_path, "--check").returncode == 0
