"""deploy/flats.service: valid for systemd, hardened, and its command really serves the site."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import urllib.request

import pytest

from .servers import ROOT, free_port, wait_for

UNIT = ROOT / "deploy" / "flats.service"
APP_DIR = "/srv/flats/app"  # where the unit expects the project; the tests put this checkout there
BOOLEAN = {"yes", "no", "true", "false", "on", "off", "1", "0"}
# The directives this unit may use, each with a check of its value: the fallback for machines without systemd.
KNOWN = {
    "Unit": {"Description": str, "Documentation": r"(file|https?)://\S+", "After": r"[\w.@-]+( [\w.@-]+)*"},
    "Service": {
        "Type": r"simple|exec|forking|oneshot|notify|idle", "NotifyAccess": r"none|main|exec|all",
        "WorkingDirectory": r"/\S*", "Environment": r'(\w+=\S*)( \w+=\S*)*', "ExecStart": r"/\S+( .+)?",
        "ExecReload": r"/\S+( .+)?", "KillMode": r"control-group|mixed|process|none", "TimeoutStopSec": r"\d+s?",
        "Restart": r"no|on-success|on-failure|on-abnormal|on-watchdog|on-abort|always", "RestartSec": r"\d+s?",
        "DynamicUser": BOOLEAN, "UMask": r"0[0-7]{3}", "NoNewPrivileges": BOOLEAN,
        "CapabilityBoundingSet": r"(~?CAP_\w+( CAP_\w+)*)?", "AmbientCapabilities": r"(CAP_\w+( CAP_\w+)*)?",
        "ProtectSystem": r"yes|no|full|strict", "ProtectHome": r"yes|no|read-only|tmpfs", "PrivateTmp": BOOLEAN,
        "PrivateDevices": BOOLEAN, "PrivateUsers": BOOLEAN, "ProtectHostname": BOOLEAN, "ProtectClock": BOOLEAN,
        "ProtectKernelTunables": BOOLEAN, "ProtectKernelModules": BOOLEAN, "ProtectKernelLogs": BOOLEAN,
        "ProtectControlGroups": BOOLEAN, "ProtectProc": r"noaccess|invisible|ptraceable|default",
        "RestrictAddressFamilies": r"~?AF_\w+( AF_\w+)*", "RestrictNamespaces": BOOLEAN,
        "RestrictRealtime": BOOLEAN, "RestrictSUIDSGID": BOOLEAN, "LockPersonality": BOOLEAN,
        "MemoryDenyWriteExecute": BOOLEAN, "RemoveIPC": BOOLEAN, "SystemCallArchitectures": r"native|x86-64|arm64",
        "SystemCallFilter": r"~?@?[\w-]+( @?[\w-]+)*", "IPAddressDeny": r"any|localhost|[\d.:/ a-f]+",
        "IPAddressAllow": r"any|localhost|[\d.:/ a-f]+", "LimitNOFILE": r"\d+", "TasksMax": r"\d+%?",
        "MemoryMax": r"\d+[KMGT]?",
    },
    "Install": {"WantedBy": r"[\w.@-]+\.target"},
}


def unit_here() -> str:
    """The unit with this checkout in place of /srv/flats/app."""
    return UNIT.read_text().replace(APP_DIR, str(ROOT))


def parse(text: str) -> list[tuple[str, str, str, int]]:
    """(section, key, value, line number) for each setting; AssertionError on any line systemd would not read."""
    section, settings = None, []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if m := re.fullmatch(r"\[(\w+)\]", stripped):
            assert m[1] in KNOWN, f"line {number}: unknown section [{m[1]}]"
            section = m[1]
            continue
        m = re.fullmatch(r"([A-Za-z]+)=(.*)", stripped)
        assert m and section, f"line {number}: not `Key=value` inside a section: {line!r}"
        settings.append((section, m[1], m[2], number))
    return settings


def syntax_problems(text: str) -> list[str]:
    problems = []
    for section, key, value, number in parse(text):
        check = KNOWN[section].get(key)
        if check is None:
            problems.append(f"line {number}: unknown key {key} in [{section}]")
        elif check is not str and not (value in check if isinstance(check, set) else re.fullmatch(check, value)):
            problems.append(f"line {number}: {key}={value!r} is not a valid value")
    for section, key, value, _ in parse(text):
        if key in ("ExecStart", "ExecReload"):
            program = shlex.split(value)[0]
            if not os.access(program, os.X_OK):
                problems.append(f"{key}: {program} is not executable")
    return problems


def settings() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for _, key, value, _ in parse(UNIT.read_text()):
        found.setdefault(key, []).append(value)
    return found


def test_systemd_accepts_the_unit(tmp_path):
    """systemd-analyze verify where systemd is installed (as on Debian); else the strict reading below."""
    rendered = tmp_path / "flats.service"
    rendered.write_text(unit_here())
    analyze = shutil.which("systemd-analyze")
    if analyze:
        result = subprocess.run([analyze, "verify", str(rendered)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(), \
            result.stdout + result.stderr
    else:
        assert not syntax_problems(rendered.read_text())


def test_the_strict_reading_of_the_unit_finds_nothing_and_catches_mistakes():
    assert not syntax_problems(unit_here())
    assert syntax_problems(unit_here().replace("ProtectSystem=", "ProtectSystm="))
    assert syntax_problems(unit_here().replace("ProtectSystem=strict", "ProtectSystem=stric"))
    assert syntax_problems(unit_here().replace(str(ROOT), "/nowhere"))
    with pytest.raises(AssertionError):
        parse("[Service]\nNoNewPrivileges yes\n")


def test_the_service_is_hardened():
    found = settings()
    expected = {"DynamicUser": "yes", "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes",
                "PrivateTmp": "yes", "PrivateDevices": "yes", "CapabilityBoundingSet": "",
                "RestrictNamespaces": "yes", "MemoryDenyWriteExecute": "yes", "IPAddressDeny": "any",
                "IPAddressAllow": "localhost", "SystemCallArchitectures": "native"}
    for key, value in expected.items():
        assert found.get(key) == [value], key
    assert "FLATS_PROXY_FIX=1" in found["Environment"][0] and "FLATS_BIND=127.0.0.1:8000" in found["Environment"][0]
    assert found["Type"] == ["notify"], "gunicorn tells systemd when it is ready"


def test_the_units_command_serves_the_site():
    """ExecStart as written, from WorkingDirectory, with the unit's Environment (on another loopback port)."""
    found = settings()
    command = shlex.split(found["ExecStart"][0].replace(APP_DIR, str(ROOT)))
    env = dict(item.split("=", 1) for item in found["Environment"][0].split())
    port = free_port()
    env["FLATS_BIND"] = f"127.0.0.1:{port}"
    process = subprocess.Popen(command, cwd=found["WorkingDirectory"][0].replace(APP_DIR, str(ROOT)),
                               env=dict(os.environ, **env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/health").status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
