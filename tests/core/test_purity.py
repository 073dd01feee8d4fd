"""The pure packages load no application (core, imports and exports not Flask nor SQLAlchemy either,
forms no ``catalogue``), whatever they import at run time; no import hides inside a function.
The rest of the import graph's rules are import-linter's contracts (tests/test_layers.py)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("catalogue", "flask", "flask_babel", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "jinja2")
PACKAGES = ("catalogue", "core", "exports", "forms", "imports")


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("core", FORBIDDEN), ("imports", FORBIDDEN), ("exports", FORBIDDEN), ("forms", ("catalogue",))],
)
def test_importing_loads_no_application(package, forbidden):
    code = (
        f"import sys, importlib, pkgutil, {package}\n"
        f"for module in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(module.name)\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


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
