"""Session-wide Prism servers for the contract tests (see prism.py).

``prism`` answers with the spec's examples; ``prism_dynamic`` (``prism mock -d``) makes every
response up from the schemas; ``prism_voipbin`` serves VoIPBIN's own published spec (trimmed, in
tests/fixtures/). Each runs once per session, and both boot at the same time: the
first test that needs either launches every server the collected tests use, then waits only for
its own. Their logs are kept under pytest's temporary directory (``--basetemp`` to choose it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prism import ROOT, PrismNotInstalledError, PrismServer

SPEC_PATH = ROOT / "openapi.yaml"
VOIPBIN_SPEC_PATH = ROOT / "tests/fixtures/voipbin-openapi-outdial.yaml"
# Fixture name -> (the spec it serves, dynamic mode -d).
SERVERS: dict[str, tuple[Path, bool]] = {
    "prism": (SPEC_PATH, False),
    "prism_dynamic": (SPEC_PATH, True),
    "prism_voipbin": (VOIPBIN_SPEC_PATH, False),
}


@pytest.fixture(scope="session")
def _prism_servers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_Servers]:
    wanted = [
        name
        for name in SERVERS
        if any(name in getattr(item, "fixturenames", ()) for item in request.session.items)
    ]
    servers = _Servers(tmp_path_factory.mktemp("prism"))
    try:
        for name in wanted:
            servers.get(name)
        yield servers
    finally:
        servers.stop()


class _Servers:
    """The session's servers by fixture name; launched on first use, stopped together."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.by_name: dict[str, PrismServer] = {}

    def get(self, name: str) -> PrismServer:
        """The server for fixture ``name``, launched (not waited for) if it was not yet."""
        if name not in self.by_name:
            log_path = self.log_dir / f"{name}.log"
            spec_path, dynamic = SERVERS[name]
            server = PrismServer(spec_path, dynamic=dynamic, log_path=log_path)
            try:
                server.launch()
            except PrismNotInstalledError as exc:
                missing = str(exc)
            else:
                missing = ""
            if missing:  # failed outside the except block: no chained traceback, just the hint
                pytest.fail(missing, pytrace=False)
            self.by_name[name] = server
        return self.by_name[name]

    def stop(self) -> None:
        for server in self.by_name.values():
            server.stop()


@pytest.fixture(scope="session")
def prism(_prism_servers: _Servers) -> PrismServer:
    """Prism answering with the spec's examples (static mode)."""
    return _prism_servers.get("prism").wait_ready()


@pytest.fixture(scope="session")
def prism_dynamic(_prism_servers: _Servers) -> PrismServer:
    """Prism generating every response from the schemas (``-d``)."""
    return _prism_servers.get("prism_dynamic").wait_ready()


@pytest.fixture(scope="session")
def prism_voipbin(_prism_servers: _Servers) -> PrismServer:
    """Prism serving VoIPBIN's own published spec (the outplan, outdial and target paths)."""
    return _prism_servers.get("prism_voipbin").wait_ready()
