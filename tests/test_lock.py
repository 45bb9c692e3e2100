"""The lock files: every package pinned with hashes, in step with pyproject.toml and with each other, and installed."""
from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = {"runtime": ROOT / "requirements.lock", "test": ROOT / "requirements-test.lock",
         "load": ROOT / "requirements-load.lock"}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
HINT = "run `make lock` after changing pyproject.toml"


def entries(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)}; AssertionError for any requirement that is not name==version with hashes."""
    found = {}
    for block in re.split(r"\n(?=\S)", lock.read_text()):
        if block.startswith("#") or not block.strip():
            continue
        m = re.match(r"([A-Za-z0-9._-]+)==([^\s\\;]+)", block)
        assert m, f"{lock.name}: not pinned: {block.splitlines()[0]!r}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
        assert hashes, f"{lock.name}: {m[1]} has no hash"
        found[canonicalize_name(m[1])] = (m[2], hashes)
    return found


@pytest.mark.parametrize("kind", LOCKS)
def test_every_package_is_pinned_with_hashes(kind):
    assert len(entries(LOCKS[kind])) > 10


@pytest.mark.parametrize("kind, wanted", [("runtime", PROJECT["dependencies"]),
                                          ("test", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]),
                                          ("load", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["load"])])
def test_each_lock_satisfies_pyproject(kind, wanted):
    pinned = entries(LOCKS[kind])
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{name} is missing from {LOCKS[kind].name}: {HINT}"
        assert requirement.specifier.contains(pinned[name][0], prereleases=True), \
            f"{LOCKS[kind].name} pins {name}=={pinned[name][0]}, pyproject.toml wants {requirement.specifier}: {HINT}"


@pytest.mark.parametrize("kind", ["test", "load"])
def test_the_test_and_load_locks_keep_the_runtime_pins(kind):
    runtime, other = entries(LOCKS["runtime"]), entries(LOCKS[kind])
    for name, (version, _) in other.items():
        if name in runtime:
            assert runtime[name][0] == version, f"{name}: {version} in {LOCKS[kind].name}, {runtime[name][0]} at run time"


def test_the_running_environment_was_installed_from_the_test_lock():
    for name, (version, _) in entries(LOCKS["test"]).items():
        assert metadata.version(name) == version, f"{name} {metadata.version(name)} installed, {version} locked"
