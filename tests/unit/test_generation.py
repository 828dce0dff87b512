"""generate.sh is idempotent and the drift check catches a stale client (issue 2)."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = Path("client/voipbin_outdial/_generated")
NEEDED = [
    "openapi.yaml",
    "generate.sh",
    "openapi-python-client.yaml",
    "templates",
    "scripts/check-generated.sh",
    str(GENERATED),
]


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The files generation needs, copied so the test can change them freely."""
    for name in NEEDED:
        source, target = ROOT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return tmp_path


def run(repo: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"VENV": sys.prefix}
    return subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    files = (p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_drift_check_fails_when_the_spec_changes_without_regeneration(repo_copy: Path) -> None:
    spec = repo_copy / "openapi.yaml"
    spec.write_text(
        spec.read_text().replace(
            "        data: {type: string, description: Free-form data kept with the outdial.}\n",
            "        data: {type: string, description: Free-form data kept with the outdial.}\n"
            "        priority: {type: integer, description: A new field.}\n",
            1,
        )
    )

    result = run(repo_copy, "scripts/check-generated.sh")

    assert result.returncode == 1
    assert "out of date" in result.stderr
    assert "priority" in result.stderr


def test_drift_check_fails_on_a_hand_edit(repo_copy: Path) -> None:
    model = repo_copy / GENERATED / "models/outplan.py"
    model.write_text(model.read_text() + "\n# edited by hand\n")

    result = run(repo_copy, "scripts/check-generated.sh")

    assert result.returncode == 1
    assert "edited by hand" in result.stderr


def test_generate_reproduces_the_committed_client_and_touches_only_its_folder(
    repo_copy: Path,
) -> None:
    """Regenerating over the committed client changes nothing: generation is idempotent."""
    committed = tree_digest(repo_copy / GENERATED)
    before_spec = (repo_copy / "openapi.yaml").read_bytes()

    result = run(repo_copy, "./generate.sh")

    assert result.returncode == 0, result.stderr
    assert tree_digest(repo_copy / GENERATED) == committed
    notice = (repo_copy / GENERATED / "README.md").read_text()
    assert notice.startswith("# Generated code: do not edit")
    assert (repo_copy / "openapi.yaml").read_bytes() == before_spec
