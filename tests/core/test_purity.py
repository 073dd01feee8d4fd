"""The dependencies point one way: the pure packages load no application, nor Flask, nor SQLAlchemy;
the commands do not reach into the views; no import hides inside a function."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("catalogue", "flask", "flask_babel", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "jinja2")
PACKAGES = ("catalogue", "core", "exports", "forms", "imports")


@pytest.mark.parametrize("package", ["core", "imports", "exports"])
def test_importing_loads_no_application(package):
    code = (
        f"import sys, importlib, pkgutil, {package}\n"
        f"for module in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(module.name)\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


def _imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            yield node, ("." * node.level) + (node.module or "")
        elif isinstance(node, ast.Import):
            yield node, ",".join(alias.name for alias in node.names)


def test_the_commands_do_not_import_the_views():
    for path in (ROOT / "catalogue" / "commands").glob("*.py"):
        assert not [name for _node, name in _imports(path) if "views" in name], path


def test_no_import_inside_a_function():
    hidden = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            for function in ast.walk(tree):
                if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    hidden += [
                        f"{path.relative_to(ROOT)}:{node.lineno}"
                        for node in ast.walk(function)
                        if isinstance(node, ast.Import | ast.ImportFrom)
                    ]
    assert hidden == []
