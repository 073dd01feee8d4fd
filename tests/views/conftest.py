from datetime import date

import pytest

from catalogue.services import publishing
from tests.conftest import shanghai
from tests.factories import approved


@pytest.fixture
def published(world):
    """Campaign 2017 published for the province: 云南省民政厅 with 60 items, 云南省教育厅 with 2."""
    from catalogue.extensions import db

    now = shanghai(date(2017, 7, 10), 10)
    approved(world, world.clerk, world.civil, 60, now)
    approved(world, world.other_clerk, world.education, 2, now, prefix="A0102")
    publication = publishing.publish(
        world.finance,
        world.province,
        world.campaign,
        title=None,
        document_number="云财综〔2017〕100号",
        effective_date=date(2017, 9, 1),
        now=shanghai(date(2017, 8, 15)),
    )
    db.session.commit()
    return publication
