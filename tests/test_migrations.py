"""The schema is made by the migrations only, and they match the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from catalogue.extensions import db


def test_models_and_migrations_agree():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
