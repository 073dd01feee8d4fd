from datetime import date

import pytest

from catalogue.extensions import db
from catalogue.services.catalogues import workflow
from tests.conftest import shanghai
from tests.factories import CONTACT, add_items, approved, publish

REVIEWED = shanghai(date(2017, 7, 10), 10)  # when the finance office's pages are looked at


@pytest.fixture
def published(world):
    """Campaign 2017 published for the province: 云南省民政厅 with 60 items, 云南省教育厅 with 2."""

    now = shanghai(date(2017, 7, 10), 10)
    approved(world, world.clerk, world.civil, 60, now)
    approved(world, world.other_clerk, world.education, 2, now, prefix="A0102")
    return publish(world)


@pytest.fixture
def submitted(world):
    """云南省民政厅's catalogue of 2017, one item, submitted."""
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, REVIEWED)
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=REVIEWED
    )
    db.session.commit()
    return item.catalogue


@pytest.fixture
def finance(logged_in):
    """The province's finance office, logged in, the clock held at REVIEWED."""
    return logged_in("finance-530000", REVIEWED)
