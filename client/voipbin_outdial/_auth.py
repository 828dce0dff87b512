"""Which credential a client uses, and how it goes on the wire.

VoIPBIN takes a JWT as ``Authorization: Bearer <jwt>`` or a persistent access key as the
``accesskey`` query parameter. Explicit arguments win over the environment
(``VOIPBIN_TOKEN``, then ``VOIPBIN_ACCESSKEY``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final, Literal

from .errors import ArgumentTypeError, InvalidArgumentError, MissingCredentialsError

__all__ = ["ENV_ACCESSKEY", "ENV_TOKEN", "Credentials", "resolve_credentials"]

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


def _clean(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(name, f"{name} must be a str, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    # Checked here so that httpx never builds an error message that quotes the secret.
    if not value.isascii() or not value.isprintable() or any(c.isspace() for c in value):
        raise InvalidArgumentError(
            name, f"{name} holds whitespace, control or non-ASCII characters"
        )
    return value


def resolve_credentials(
    token: str | None, accesskey: str | None, environ: Mapping[str, str] | None = None
) -> Credentials:
    """Pick the credential: ``token=``, ``accesskey=``, then $VOIPBIN_TOKEN, $VOIPBIN_ACCESSKEY.

    Raises:
        MissingCredentialsError: none of the four is set (empty strings count as unset).
        InvalidArgumentError: both ``token`` and ``accesskey`` are given, or one is malformed.
        ArgumentTypeError: one is not a str.
    """
    env = os.environ if environ is None else environ
    given_token = _clean(token, "token")
    given_key = _clean(accesskey, "accesskey")
    if given_token and given_key:
        raise InvalidArgumentError("token", "pass either token= or accesskey=, not both")
    if given_token:
        return Credentials("token", given_token)
    if given_key:
        return Credentials("accesskey", given_key)
    env_token = _clean(env.get(ENV_TOKEN), ENV_TOKEN)
    if env_token:
        return Credentials("token", env_token)
    env_key = _clean(env.get(ENV_ACCESSKEY), ENV_ACCESSKEY)
    if env_key:
        return Credentials("accesskey", env_key)
    raise MissingCredentialsError(
        "no VoIPBIN credentials: pass token= (a JWT) or accesskey=, "
        f"or set {ENV_TOKEN} or {ENV_ACCESSKEY}"
    )
