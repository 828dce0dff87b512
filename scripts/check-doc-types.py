#!/usr/bin/env python3
"""Type-check every ```python block of README.md and docs/**/*.md with ``mypy --strict``.

    python scripts/check-doc-types.py     # `make typecheck` runs it after mypy on the package

Each block is written to a file of its own in a temporary folder (``README_block3.py``, the
count starting at 0 in the order of the file; ``docs_reference_x_block0.py`` for a page in a
folder of docs/) and mypy
checks them all at once, with the package as installed in the venv. An error names the block
and its line in the Markdown file, so it can be fixed where it is written.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks(path: Path) -> list[tuple[int, str]]:
    """(line of the block's first code line in ``path``, code) for each ```python block."""
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in BLOCK.finditer(text)]


def main() -> int:
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    with tempfile.TemporaryDirectory() as folder:
        where: dict[str, tuple[str, int]] = {}
        for document in documents:
            for n, (line, code) in enumerate(blocks(document)):
                relative = document.relative_to(ROOT).with_suffix("").as_posix()
                name = f"{relative.replace('/', '_').replace('-', '_')}_block{n}.py"
                (Path(folder) / name).write_text(code, encoding="utf-8")
                where[name] = (document.relative_to(ROOT).as_posix(), line)
        if not where:
            print("check-doc-types: no python blocks found", file=sys.stderr)
            return 1
        files = [str(Path(folder) / name) for name in sorted(where)]
        out, err, status = api.run(
            ["--strict", "--python-version", "3.11", "--no-error-summary", *files]
        )
        for line in out.splitlines():
            file, _, rest = line.partition(":")
            name = Path(file).name
            if name in where:
                number, _, message = rest.partition(":")
                document, first = where[name]
                line = f"{document}:{first + int(number) - 1} ({name}):{message}"
            print(line)
        if err:
            print(err, file=sys.stderr)
    if status == 0:
        print(f"check-doc-types: {len(where)} python blocks pass mypy --strict")
    return status


if __name__ == "__main__":
    sys.exit(main())
