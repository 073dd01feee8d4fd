import pytest
from flask_babel import force_locale

from core.item_rules import SchemeIndex

INDEX = SchemeIndex(
    "2014",
    {
        "A": "基本公共服务",
        "B": "社会管理性服务",
        "C": "行业管理与协调性服务",
        "D": "技术性服务",
        "E": "政府履职所需辅助性事项",
        "F": "其他适宜由社会力量承担的服务事项",
    },
    {},
    era="2014",
)


@pytest.fixture(autouse=True)
def english(app):
    with app.test_request_context(), force_locale("en"):
        yield


@pytest.fixture
def index():
    return INDEX
