"""The schema is made by the migrations only, they match the models, and the database itself
refuses what the vocabularies do not know."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from catalogue.extensions import db
from catalogue.models import Catalogue, Item
from catalogue.services import items
from tests.factories import item_data


def test_models_and_migrations_agree():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_the_database_refuses_an_unknown_catalogue_status(world, before_deadline):
    catalogue = items.add_item(
        world.clerk, world.campaign, world.civil, data=item_data(), now=before_deadline
    ).catalogue
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.execute(update(Catalogue).where(Catalogue.id == catalogue.id).values(status="published"))


@pytest.mark.committed
def test_the_status_check_goes_down_and_up_with_data_in_place(world, before_deadline):
    """On SQLite the table is rebuilt to add the check: the rows, and those that refer to them, stay."""
    items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=before_deadline)
    db.session.commit()
    db.session.remove()
    downgrade(revision="0003")
    upgrade()
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1
    assert db.session.scalar(select(Catalogue.status)) == "draft"
