"""The import graph points one way, and every module loads on its own.

The contracts live in pyproject.toml (``[tool.importlinter]``) and are checked by import-linter: the
services' wings (kernel → catalogues → publishing, accounts → campaigns, budget → desk), a request's
flow (views and commands → services → models), and the pure packages. Each is a test of its own, so
a broken one names itself and the import that breaks it.
"""

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
PACKAGES = ("catalogue", "core", "exports", "forms", "imports")  # bench/ holds scripts, run as programs


@pytest.mark.parametrize("contract", [contract["id"] for contract in CONTRACTS])
def test_the_import_contract_is_kept(contract):
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [linter, "--contract", contract, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wings_contract_names_every_wing():
    """A new wing must take its place in the order: the contract is exhaustive."""
    wings = next(contract for contract in CONTRACTS if contract["id"] == "wings")
    named = {name.strip() for layer in wings["layers"] for name in layer.split("|")}
    found = {path.name for path in (ROOT / "catalogue" / "services").iterdir() if (path / "__init__.py").exists()}
    assert wings["exhaustive"] and named == found


def _modules() -> list[str]:
    found = ["wsgi"]
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


# Each module is imported by a child forked from a parent that has loaded the third-party libraries
# the project uses and none of its own modules: for the project's modules, a fresh interpreter, at a
# fraction of the cost of starting 200 of them.
ALONE = """
import json, os, sys, traceback
modules, libraries = json.loads(sys.stdin.read())
for name in libraries:
    try:
        __import__(name)
    except Exception:
        pass
failures, running = {}, {}
def reap():
    pid, status = os.wait()
    name, read = running.pop(pid)
    message = os.read(read, 1 << 16).decode()
    os.close(read)
    if status:
        failures[name] = message or f"exit status {status}"
for name in modules:
    while len(running) >= max(os.cpu_count() or 1, 2):
        reap()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            __import__(name)
        except BaseException:
            os.write(write, traceback.format_exc(limit=-4).encode()[-4000:])
            os._exit(1)
        os._exit(0)
    os.close(write)
    running[pid] = (name, read)
while running:
    reap()
print(json.dumps(failures))
"""

LIBRARIES = """
import importlib, json, sys
for name in json.loads(sys.stdin.read()):
    importlib.import_module(name)
own = set(json.loads(sys.argv[1]))
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] not in own and not m.startswith('_'))))
"""


def test_every_module_imports_alone():
    """``python -c "import forms.review"`` once failed on a circular import that no test noticed,
    because every test had loaded the application first."""
    modules = _modules()
    environment = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "test-only")}
    own = [*PACKAGES, "wsgi"]
    libraries = subprocess.run(
        [sys.executable, "-c", LIBRARIES, json.dumps(own)],
        input=json.dumps(modules),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = subprocess.run(
        [sys.executable, "-c", ALONE],
        input=json.dumps([modules, json.loads(libraries)]),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == {}


def test_every_package_is_in_the_wheel():
    """pyproject.toml names the packages a wheel carries: a new one (a wing) left out would be missing
    from an installed server, not from this checkout."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for package in PACKAGES
        for path in (ROOT / package).rglob("__init__.py")
    }
    assert found - listed == set()
