"""The pytest plugin (issue 14): a stranger's project gets ``voipbin_mock``, ``voipbin_client``
and ``async_voipbin_client`` from the package's ``pytest11`` entry point, with no conftest.py.

Each project here is a fresh directory run by ``pytester``; nothing in it names the plugin, so
the fixtures can only come from the entry point of the installed package (the editable install
of ``make venv``, whose metadata hatchling writes from pyproject.toml as it does the wheel's).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points, requires
from pathlib import Path

import pytest

from voipbin_outdial import VoipbinClient
from voipbin_outdial.testing import VoipbinMock

pytest_plugins = ("pytester",)

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINT = "voipbin_outdial"
MODULE = "voipbin_outdial.pytest_plugin"

STRANGERS_TESTS = """
import pytest

from voipbin_outdial import NotFoundError

CAMPAIGN = "183c0d5c-691e-42f3-af2b-9bffc2740f83"
PLAN = dict(
    name="p",
    source={"type": "tel", "target": "+15550100"},
    dial_timeout=30_000,
    try_interval=60_000,
    max_try_counts=(2, 0, 0, 0, 0),
)


def test_my_campaign_code(voipbin_client, voipbin_mock):
    plan = voipbin_client.outplans.create(**PLAN)
    outdial = voipbin_client.outdials.create(campaign_id=CAMPAIGN, name="o", detail="d", data="x")
    target = voipbin_client.outdialtargets.create(
        outdial.id, name="Ada", detail="d", data="x",
        destinations=[{"type": "tel", "target": "+15550101"}],
    )

    calls = voipbin_mock.run_campaign(plan.id, outdial.id, answer=False)

    assert [c.try_number for c in calls] == [1, 2]
    assert voipbin_client.outdialtargets.get(outdial.id, target.id).try_count_0 == 2
    with pytest.raises(NotFoundError):
        voipbin_client.outdials.get(plan.id)


def test_every_test_gets_a_fresh_mock(voipbin_client):
    assert list(voipbin_client.outplans.iter()) == []


@pytest.mark.asyncio
async def test_async_under_pytest_asyncio_strict_mode(async_voipbin_client, voipbin_mock):
    plan = await async_voipbin_client.outplans.create(**PLAN)

    assert voipbin_mock.store.find("outplan", str(plan.id))["name"] == "p"


@pytest.mark.anyio
async def test_async_under_anyio(async_voipbin_client):
    page = await async_voipbin_client.outplans.list()

    assert page.items == []


def test_both_clients_share_the_one_mock(voipbin_client, async_voipbin_client, voipbin_mock):
    voipbin_client.outplans.create(**PLAN)

    assert voipbin_mock.store.counts()["outplan"]["total"] == 1


@pytest.mark.voipbin_mock(rate_limit=(1, 2), strict=True)
def test_the_marker_gives_the_mock_options(voipbin_mock):
    assert voipbin_mock.rate_limiter.limit == (1, 2)
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A fresh project with the one setting pytest-asyncio (installed here) asks every project
    for; nothing about this plugin."""
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return pytester


def test_a_strangers_test_file_uses_the_fixtures_with_no_conftest(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(test_campaign=STRANGERS_TESTS)

    result = project.runpytest("-W", "error")

    result.assert_outcomes(passed=6)
    assert not list(project.path.rglob("conftest.py"))


def test_the_docs_pytest_example_passes_in_a_fresh_project(project: pytest.Pytester) -> None:
    page = (ROOT / "docs/testing.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(# test_dialer\.py\n.*?)```", page, re.S)
    project.makepyfile(test_dialer=example)

    result = project.runpytest("-W", "error")

    result.assert_outcomes(passed=example.count("\ndef test_") + example.count("\nasync def test_"))


def test_the_fixtures_come_from_the_entry_point_and_only_from_it(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(
        f"""
        def test_registered(request, voipbin_mock):
            plugin = request.config.pluginmanager.get_plugin({ENTRY_POINT!r})
            assert plugin.__name__ == {MODULE!r}
        """
    )
    project.runpytest().assert_outcomes(passed=1)

    left_out = project.runpytest("-p", f"no:{ENTRY_POINT}")
    left_out.assert_outcomes(errors=1)
    left_out.stdout.fnmatch_lines(["*fixture 'voipbin_mock' not found*"])

    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    project.runpytest().assert_outcomes(errors=1)  # not autoloaded: no fixture


def test_a_marker_with_positional_arguments_is_a_clear_error(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.voipbin_mock(True)
        def test_it(voipbin_mock):
            pass
        """
    )

    result = project.runpytest()

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*voipbin_mock takes VoipbinMock's keyword arguments only*"])


def test_the_package_metadata_declares_the_entry_point_and_the_extra() -> None:
    """What ``pip install "voipbin-outdial[testing]"`` brings: the entry point pytest loads
    (pyproject.toml's, as installed) and pytest itself with the mock's dependencies."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["entry-points"]["pytest11"] == {ENTRY_POINT: MODULE}
    installed = {e.name: e.value for e in entry_points(group="pytest11")}
    assert installed[ENTRY_POINT] == MODULE
    testing = {
        line.split(";")[0].split(">")[0].split("<")[0].strip()
        for line in requires("voipbin-outdial") or []
        if "extra == 'testing'" in line
    }
    assert testing == {"pytest", "starlette", "uvicorn"}


def test_loading_the_plugin_does_not_import_the_mock() -> None:
    """pytest imports the plugin in every run of an environment that has the package; the
    mock (and Starlette) wait until a test asks for a fixture."""
    code = (
        f"import sys, {MODULE}; "
        "assert 'starlette' not in sys.modules and 'voipbin_outdial.testing' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_our_own_suite_has_the_fixtures_once(
    request: pytest.FixtureRequest,
    voipbin_mock: VoipbinMock,
    voipbin_client: VoipbinClient,
) -> None:
    """The editable install puts the entry point in our own runs too: registered once (no
    conftest loads it again), and none of our fixtures has these names."""
    manager = request.config.pluginmanager
    loaded = [p for p in manager.get_plugins() if getattr(p, "__name__", "") == MODULE]
    assert len(loaded) == 1
    assert manager.get_plugin(ENTRY_POINT) is loaded[0]
    voipbin_client.outplans.list()
    assert voipbin_mock.store.counts()["outplan"]["total"] == 0
