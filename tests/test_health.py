"""Liveness, readiness against the schema the code needs, and a production process that refuses to
start on a laptop's defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade

from catalogue.config import production_problem
from catalogue.extensions import db


def test_healthz_and_readyz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz").get_json()
    assert ready["status"] == "ready" and ready["schema"] == client.application.config["SCHEMA_HEAD"]


@pytest.mark.committed
def test_a_schema_behind_the_code_is_named_with_how_to_upgrade(app):
    db.session.remove()
    downgrade(revision="0010")
    app.extensions["schema_current"] = False
    try:
        client = app.test_client()
        answer = client.get("/readyz")
        assert answer.status_code == 503 and answer.get_json()["reason"] == "schema behind"
        page = client.get("/login", headers={"Accept-Language": "en"})
        text = page.get_data(as_text=True)
        assert page.status_code == 503 and "at revision 0010" in text and "flask --app catalogue init-db" in text
    finally:
        upgrade()


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, None),
        ({"CATALOGUE_ENV": "production"}, "CATALOGUE_ENV=production needs SECRET_KEY"),
        ({"CATALOGUE_ENV": "production", "SECRET_KEY": "x" * 40}, "needs DATABASE_URL"),
        ({"CATALOGUE_ENV": "production", "SECRET_KEY": "x" * 40, "DATABASE_URL": "postgresql://db/x"}, None),
        (
            {
                "CATALOGUE_ENV": "production",
                "SECRET_KEY": "x" * 40,
                "DATABASE_URL": "postgresql://db/x",
                "PDF_FONT_FILE": "/nowhere/font.ttc",
            },
            "needs the published PDFs' font: PDF_FONT_FILE=/nowhere/font.ttc: no such file.",
        ),
    ],
)
def test_production_needs_an_explicit_secret_and_database(environ, expected):
    problem = production_problem(environ)
    assert problem is None if expected is None else expected in problem


def test_a_production_process_without_a_secret_stops_with_one_line(tmp_path):
    flask = Path(sys.executable).parent / "flask"
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    env["CATALOGUE_ENV"] = "production"
    result = subprocess.run([str(flask), "--app", "catalogue", "routes"], env=env, cwd=tmp_path, capture_output=True)
    assert result.returncode != 0
    assert "CATALOGUE_ENV=production needs SECRET_KEY" in result.stderr.decode()
