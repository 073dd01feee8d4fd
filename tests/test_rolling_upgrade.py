"""Rolling upgrades: this code (the "old" release) against a schema a newer release migrated.

A temporary copy of the migrations gets a newer additive migration (expand): this code keeps serving
and /readyz says the schema is ahead but compatible; init-db from this release runs nothing and says
so. A further contract migration (``contract = True``) takes this code out of service, with a
message that says to deploy the newer release, and init-db fails. Runs on SQLite and PostgreSQL.
"""

import shutil
import time

import pytest
from flask_migrate import downgrade, upgrade

from catalogue.commands import init_db
from catalogue.extensions import db

EXPAND = """
import sqlalchemy as sa
from alembic import op

revision = "t001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("region", sa.Column("rolling_probe", sa.String(10), nullable=True))


def downgrade():
    with op.batch_alter_table("region") as batch:
        batch.drop_column("rolling_probe")
"""

CONTRACT = """
import sqlalchemy as sa
from alembic import op

revision = "t002"
down_revision = "t001"
branch_labels = None
depends_on = None
contract = True


def upgrade():
    op.create_table("rolling_contract", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("rolling_contract")
"""


@pytest.fixture
def newer_release(app, tmp_path):
    """A copy of the migrations with the next release's two, applied step by step; undone after."""
    directory = tmp_path / "migrations"
    shutil.copytree(app.extensions["migrate"].directory, directory)
    head = app.config["SCHEMA_HEAD"]
    (directory / "versions" / "t001_expand.py").write_text(EXPAND.format(head=head))
    (directory / "versions" / "t002_contract.py").write_text(CONTRACT)
    db.session.remove()
    yield str(directory)
    db.session.remove()
    downgrade(directory=str(directory), revision=head)
    app.extensions["schema_current"], app.extensions["schema_checked_until"] = False, 0.0


def ask(app):
    """A fresh look, as a process that has not checked the schema yet (and, as a request does, with a
    session of its own: the test's app context outlives requests)."""
    db.session.remove()
    app.extensions["schema_current"], app.extensions["schema_checked_until"] = False, 0.0
    client = app.test_client()
    return client.get("/readyz"), client.get("/login", headers={"Accept-Language": "en"})


@pytest.mark.committed
def test_older_code_keeps_serving_an_expanded_schema_and_stops_at_a_contract(app, newer_release):
    head = app.config["SCHEMA_HEAD"]
    upgrade(directory=newer_release, revision="t001")
    ready, page = ask(app)
    assert ready.status_code == 200 and page.status_code == 200
    assert ready.get_json() == {
        "status": "ready",
        "schema": "t001",
        "code": head,
        "compatibility": "schema ahead, compatible",
    }
    said = app.test_cli_runner().invoke(init_db, env={"LANG": "en"})
    assert said.exit_code == 0 and "no migration ran" in said.output

    upgrade(directory=newer_release, revision="t002")
    ready, page = ask(app)
    assert ready.status_code == 503
    assert ready.get_json() == {
        "status": "not ready",
        "reason": "schema ahead",
        "schema": "t002",
        "code": head,
        "oldest_code": "t002",
    }
    text = page.get_data(as_text=True)
    assert page.status_code == 503 and "deploy the newer release" in text and "t002" in text
    refused = app.test_cli_runner().invoke(init_db)
    assert refused.exit_code == 1 and "t002" in refused.output


@pytest.mark.committed
def test_a_process_serving_a_newer_schema_notices_a_contract_within_seconds(app, newer_release, monkeypatch):
    upgrade(directory=newer_release, revision="t001")
    client = app.test_client()
    ask(app)
    assert client.get("/login").status_code == 200
    upgrade(directory=newer_release, revision="t002")
    moment = time.monotonic() + 6  # past AHEAD_RECHECK_SECONDS
    monkeypatch.setattr("catalogue.health.time.monotonic", lambda: moment)
    db.session.remove()
    assert client.get("/login").status_code == 503


@pytest.mark.committed
def test_downgrading_writes_the_marker_back(app, newer_release):
    upgrade(directory=newer_release, revision="t002")
    downgrade(directory=newer_release, revision=app.config["SCHEMA_HEAD"])
    db.session.remove()
    assert db.session.execute(db.text("SELECT oldest_code FROM schema_compatibility")).scalar() == "0023"
