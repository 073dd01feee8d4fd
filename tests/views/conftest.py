from datetime import date

import pytest

from tests.conftest import shanghai
from tests.factories import approved, publish


@pytest.fixture
def published(world):
    """Campaign 2017 published for the province: 云南省民政厅 with 60 items, 云南省教育厅 with 2."""

    now = shanghai(date(2017, 7, 10), 10)
    approved(world, world.clerk, world.civil, 60, now)
    approved(world, world.other_clerk, world.education, 2, now, prefix="A0102")
    return publish(world)
