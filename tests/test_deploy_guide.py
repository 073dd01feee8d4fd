"""docs/deploy.md followed as written: its scheduled commands run as the service user with the
settings systemd gives them from the service's environment file."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "deploy.md").read_text()
BIN = Path(sys.executable).parent
UNITS = [block for block in re.findall(r"```ini\n(.*?)```", GUIDE, re.S) if "Type=oneshot" in block]


def environment_file():
    """The guide's /etc/catalogue/env, read as systemd reads an EnvironmentFile (KEY=VALUE lines)."""
    block = re.search(r"`/etc/catalogue/env`[^\n]*\n```sh\n(.*?)```", GUIDE, re.S).group(1)
    return dict(line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#"))


def test_the_guide_schedules_reminders_and_mail_with_the_services_settings():
    commands = [re.search(r"^ExecStart=(.*)$", unit, re.M).group(1) for unit in UNITS]
    assert [command.split()[-1] for command in commands] == ["send-reminders", "send-mail"]
    for unit in UNITS:
        assert "EnvironmentFile=/etc/catalogue/env" in unit and "User=catalogue" in unit
    assert {"CATALOGUE_ENV", "DATABASE_URL", "SECRET_KEY"} <= environment_file().keys()


@pytest.mark.parametrize("unit", UNITS, ids=["reminders", "mail"])
def test_each_scheduled_command_runs_as_written(tmp_path, unit):
    settings = environment_file() | {"DATABASE_URL": f"sqlite:///{tmp_path}/catalogue.sqlite", "SECRET_KEY": "x" * 64}
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **settings}  # systemd's, not this shell's
    run = {"cwd": tmp_path, "env": environment, "capture_output": True, "text": True, "timeout": 120}
    assert subprocess.run([str(BIN / "flask"), "--app", "catalogue", "init-db"], **run).returncode == 0
    command = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1).replace("/srv/catalogue/current/bin/", f"{BIN}/")
    finished = subprocess.run(command.split(), **run)
    assert finished.returncode == 0, finished.stderr[-2000:]
