"""A client library for accessing VoIPBIN outbound dialing API (outplans, outdials, outdialtargets)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
