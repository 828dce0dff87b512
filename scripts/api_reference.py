#!/usr/bin/env python3
"""Write docs/api.md, the API reference, from the operation table and the facade.

    python scripts/api_reference.py          # rewrite docs/api.md
    python scripts/api_reference.py --check  # exit 1 if docs/api.md is not what this would write

For every public method of every resource on :class:`~voipbin_outdial.VoipbinClient` (the
async client's are the same, awaited), in the order of the operation table
(``_generated/api``): its signature and docstring (read off the sync facade, which
``scripts/unasync.py`` writes from the async one), the request it sends and what the spec says it
answers with (read off the table), what it returns, and the errors it raises: the
``ArgumentError`` family for its arguments, the class for each error status its row names
(:func:`~voipbin_outdial.errors.error_class_for_status`), and the ones every call may raise. A
method that serves no operation (``iter``, ``create_many`` ...) is listed after the others with
its docstring. ``make docs`` writes the file, and ``make drift`` (in ``make test``) fails while it
is stale, as for ``_generated/``.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "api.md"

# Raised by any call, whichever operation it sends (the sender's; docs/reliability.md).
EVERY_CALL = (
    "`ApiConnectionError` / `ApiTimeoutError` (no response in time; retried for GET, PUT and "
    "DELETE within the call's time bound), `ClientRateLimitError` (a `RateLimitError`: the "
    "client's own `rate_limit=` would hold the call past its time bound; nothing sent), "
    "`ApiResponseValidationError` (a 2xx "
    "body not matching the schema), `ResponseTooLargeError`, `ClientClosedError`, and "
    "`ApiError` for a status without a class of its own"
)
HEADER = """# API reference

<!-- Written by scripts/api_reference.py from the operation table (_generated/api) and the
facade's signatures and docstrings: `make docs` rewrites it, `make test` fails while it is stale.
Do not edit by hand. -->

Every method of `VoipbinClient`'s resources, in the order of `openapi.yaml`. `AsyncVoipbinClient`
has the same methods with the same arguments, as coroutines (`iter` and `iter_create_many` are
async iterators there). Each method names the operationId it sends; each error class is in
`voipbin_outdial.errors` (and at the package's top level). Arguments are checked before any
request: a wrong one raises an `ArgumentError` naming it (`InvalidArgumentError`, also a
`ValueError`, or `ArgumentTypeError`, also a `TypeError`), and nothing is sent.

Besides the errors each method lists for the server's answers, every call may raise {every}.

Argument types: `TimeoutArg` is seconds (a `float`), an `httpx.Timeout` or `None` (the client's);
`AddressArg` an `Address` or a mapping of its fields (`{{"type": "tel", "target": "+1555..."}}`);
`Duration` milliseconds (an `int`) or a `timedelta`.
"""


def _annotation(value: Any) -> str:
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    return text.replace("builtins.", "")  # where a method named list hides the builtin


def signature(method: Callable[..., Any]) -> str:
    """``name(a: T, *, b: U = 1) -> R``, with the annotations as the source writes them."""
    parts: list[str] = []
    star = False
    for parameter in list(inspect.signature(method).parameters.values())[1:]:  # not self
        if parameter.kind is parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = parameter.name
        if parameter.annotation is not parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        parts.append(text)
    returned = inspect.signature(method).return_annotation
    return f"{method.__name__}({', '.join(parts)}) -> {_annotation(returned)}"


def _errors(statuses: tuple[int, ...]) -> str:
    from voipbin_outdial.errors import error_class_for_status

    named: dict[str, list[str]] = {}
    for status in statuses:
        named.setdefault(error_class_for_status(status).__name__, []).append(str(status))
    return ", ".join(f"`{name}` ({', '.join(codes)})" for name, codes in named.items())


def _docstring(method: Callable[..., Any]) -> str:
    return inspect.cleandoc(method.__doc__ or "").strip()


def _resources() -> Iterator[tuple[str, type, list[str]]]:
    """(attribute, class, the operationIds it serves in table order), in table order."""
    from voipbin_outdial import VoipbinClient
    from voipbin_outdial._resources import OPERATIONS

    by_resource: dict[str, list[str]] = {}
    for operation_id, (resource, _) in OPERATIONS.items():
        by_resource.setdefault(resource, []).append(operation_id)
    with VoipbinClient(token="unused") as client:  # sends nothing
        classes = {resource: type(getattr(client, resource)) for resource in by_resource}
    for resource, operation_ids in by_resource.items():
        yield resource, classes[resource], operation_ids


def render() -> str:
    """The whole of docs/api.md."""
    from voipbin_outdial._generated.api import OPERATIONS as TABLE
    from voipbin_outdial._resources import OPERATIONS

    out = [HEADER.format(every=EVERY_CALL)]
    for resource, cls, operation_ids in _resources():
        out.append(f"## `client.{resource}`\n\n{_docstring(cls)}\n")
        served = [OPERATIONS[operation_id][1] for operation_id in operation_ids]
        others = sorted(
            name
            for name, member in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_") and name not in served
        )
        for operation_id, name in zip(operation_ids, served, strict=True):
            op = TABLE[operation_id]
            method = getattr(cls, name)
            out.append(f"### `{resource}.{signature(method)}`\n\n{_docstring(method)}\n")
            out.append(
                f"- Sends: `{op.method} {op.path}` (`{op.id}`: {op.summary})\n"
                f"- Returns: `{_annotation(inspect.signature(method).return_annotation)}`"
                f" (the 200 body: `{op.response.__name__}`)\n"
                f"- Raises: `ArgumentError` (an argument); for the server's answer "
                f"{_errors(op.errors)}\n"
            )
        for name in others:
            method = getattr(cls, name)
            out.append(f"### `{resource}.{signature(method)}`\n\n{_docstring(method)}\n")
            out.append(
                "- Sends: no operation of its own; it calls the methods above (see its text).\n"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on a difference")
    check = parser.parse_args(argv).check
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if not check:
        TARGET.write_text(text, encoding="utf-8")
        print(f"api_reference: wrote {TARGET.relative_to(ROOT)}")
        return 0
    if current == text:
        print(f"api_reference: {TARGET.relative_to(ROOT)} matches the table and the facade")
        return 0
    diff = difflib.unified_diff(
        current.splitlines(), text.splitlines(), "docs/api.md", "expected", lineterm="", n=1
    )
    print("api_reference: docs/api.md is stale; run `make docs`:", file=sys.stderr)
    print("\n".join(list(diff)[:60]), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
