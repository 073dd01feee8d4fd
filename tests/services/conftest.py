import pytest
from flask_babel import force_locale


@pytest.fixture(autouse=True)
def english():
    """Service tests read messages in English, whatever the default locale."""
    with force_locale("en"):
        yield
