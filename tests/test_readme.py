"""Every ```python block in README.md runs as written (the README stays true to the code)."""

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("source", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VOIPBIN_TOKEN", "VOIPBIN_ACCESSKEY"):
        monkeypatch.delenv(name, raising=False)
    exec(compile(source, "README.md", "exec"), {"__name__": "readme_example"})
