"""Which credential a client uses, and how it goes on the wire.

VoIPBIN takes a JWT as ``Authorization: Bearer <jwt>`` or a persistent access key as the
``accesskey`` query parameter. Explicit arguments win over the environment
(``VOIPBIN_TOKEN``, then ``VOIPBIN_ACCESSKEY``).

**One rule for secrets.** A credential is accepted only if it is a ``b64token`` (RFC 6750: letters,
digits, ``-._~+/``, then ``=`` at the end), the only form a Bearer header may carry. Every real
one is: a JWT is base64url and dots, and VoIPBIN's access keys are ``vb_`` and 32 base64url
characters (``bin-customer-manager/pkg/accesskeyhandler/db.go`` ``Create``:
``defaultTokenPrefix`` + ``utilhandler.StringGenerateRandom``, ``base64.RawURLEncoding``). And
it is exactly what redaction (``_redact``) removes whole after ``Bearer``, ``accesskey=`` or
``token=``: a credential it accepted with a ``!`` or a ``=`` inside came out as
``Bearer [REDACTED]!SECRETTAIL`` (issue 25). A property test holds the two to each other.
"""

from __future__ import annotations

import os
import re
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
B64TOKEN: Final = re.compile(r"[A-Za-z0-9._~+/-]+=*")
"""RFC 6750's ``b64token``: the form of every credential the SDK accepts."""


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
    # Checked here so that httpx never builds an error message that quotes the secret, and so
    # that redaction removes all of it wherever it is echoed (the error never quotes it).
    if not B64TOKEN.fullmatch(value):
        return InvalidArgumentError(
            name,
            f"{name} holds a character a credential cannot have: a JWT or an access key is "
            "letters, digits and -._~+/ with = only at the end (RFC 6750's b64token)",
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
