"""The error of a command whose optional dependency is missing (one line, exit status 1)."""

from __future__ import annotations

__all__ = ["MissingExtraError"]


class MissingExtraError(Exception):
    """A command needs an optional dependency that is not installed."""

    def __init__(self, command: str, extra: str, what: str) -> None:
        super().__init__(
            f'{command} needs the {extra!r} extra ({what}): pip install "voipbin-outdial[{extra}]"'
        )
