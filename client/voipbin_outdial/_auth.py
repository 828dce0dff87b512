"""Which credential a client uses, and how it goes on the wire.

VoIPBIN takes a JWT as ``Authorization: Bearer <jwt>`` or a persistent access key as the
``accesskey`` query parameter. Explicit arguments win over the environment
(``VOIPBIN_TOKEN``, then ``VOIPBIN_ACCESSKEY``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final, Literal

from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    MissingCredentialsError,
    VoipbinError,
)

__all__ = ["ENV_ACCESSKEY", "ENV_TOKEN", "Credentials", "Given", "resolve_credentials"]

ENV_TOKEN: Final = "VOIPBIN_TOKEN"
ENV_ACCESSKEY: Final = "VOIPBIN_ACCESSKEY"


class Credentials:
    """One credential, ready to merge into requests; its repr names the kind, never the value."""

    __slots__ = ("headers", "kind", "params", "secret")

    kind: Literal["token", "accesskey"]
    secret: str
    headers: dict[str, str]
    params: dict[str, str]

    def __init__(self, kind: Literal["token", "accesskey"], secret: str) -> None:
        self.kind = kind
        self.secret = secret
        self.headers = {"Authorization": f"Bearer {secret}"} if kind == "token" else {}
        self.params = {"accesskey": secret} if kind == "accesskey" else {}

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r})"


class Given:
    """The ``token=`` and ``accesskey=`` a constructor was given, unchecked, under a repr that
    shows neither: the constructor keeps only this, so no frame of a traceback from it holds
    the caller's secret as a plain string."""

    __slots__ = ("accesskey", "token")

    def __init__(self, token: object, accesskey: object) -> None:
        self.token = token
        self.accesskey = accesskey

    def __repr__(self) -> str:
        return "Given(...)"


Cleaned = str | None | InvalidArgumentError | ArgumentTypeError


def _clean(value: object, name: str) -> Cleaned:
    """The credential in ``value`` (stripped), ``None`` when unset, or the error it is; the
    error is returned, to be raised by a frame that does not hold ``value``."""
    if value is None:
        return None
    if not isinstance(value, str):
        return ArgumentTypeError(name, f"{name} must be a str, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    # Checked here so that httpx never builds an error message that quotes the secret.
    if not value.isascii() or not value.isprintable() or any(c.isspace() for c in value):
        return InvalidArgumentError(
            name, f"{name} holds whitespace, control or non-ASCII characters"
        )
    return value


def _pick(given: Given, environ: Mapping[str, str]) -> Credentials | VoipbinError:
    """The credential to use, or the error to raise (returned, never raised, so this frame,
    which holds the secrets, is in no traceback)."""
    token, key = _clean(given.token, "token"), _clean(given.accesskey, "accesskey")
    for found in (token, key):
        if isinstance(found, VoipbinError):
            return found
    if token and key:
        return InvalidArgumentError("token", "pass either token= or accesskey=, not both")
    if isinstance(token, str):
        return Credentials("token", token)
    if isinstance(key, str):
        return Credentials("accesskey", key)
    token = _clean(environ.get(ENV_TOKEN), ENV_TOKEN)
    if token is not None:
        return token if isinstance(token, VoipbinError) else Credentials("token", token)
    key = _clean(environ.get(ENV_ACCESSKEY), ENV_ACCESSKEY)
    if key is not None:
        return key if isinstance(key, VoipbinError) else Credentials("accesskey", key)
    return MissingCredentialsError(
        "no VoIPBIN credentials: pass token= (a JWT) or accesskey=, "
        f"or set {ENV_TOKEN} or {ENV_ACCESSKEY}"
    )


def resolve_credentials(given: Given, environ: Mapping[str, str] | None = None) -> Credentials:
    """Pick the credential: ``token=``, ``accesskey=``, then $VOIPBIN_TOKEN, $VOIPBIN_ACCESSKEY.

    Raises:
        MissingCredentialsError: none of the four is set (empty strings count as unset).
        InvalidArgumentError: both ``token`` and ``accesskey`` are given, or one is malformed.
        ArgumentTypeError: one is not a str.
    """
    picked = _pick(given, os.environ if environ is None else environ)
    if isinstance(picked, Credentials):
        return picked
    raise picked
