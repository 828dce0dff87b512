"""voipbin-outdial: a typed Python SDK for VoIPBIN's outbound-calling API."""

__version__ = "0.1.0"

__all__ = ["__version__"]
