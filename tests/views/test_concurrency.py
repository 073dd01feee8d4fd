"""Requests that arrive together: one wins, the others get a clear refusal, none gets a 500."""

import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from catalogue.extensions import db
from catalogue.models import BudgetLine, Item, Publication, User
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import PASSWORD, approved, campaign, publish

pytestmark = pytest.mark.committed
PARALLEL = 8


@pytest.fixture
def server(app):
    """The application on a free port, one thread per request (as gunicorn's threads would)."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=5)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(base, path, data, cookie=""):
    request = urllib.request.Request(
        base + path, data=urllib.parse.urlencode(data, doseq=True).encode(), headers={"Cookie": cookie}
    )
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_parallel_publishes_of_one_campaign_make_one_version(server, world):
    approved(world, world.clerk, world.civil, 40, shanghai(date(2017, 7, 1)))
    approved(world, world.other_clerk, world.education, 40, shanghai(date(2017, 7, 1)), prefix="A0102")
    _status, headers = post(server, "/login", {"username": "finance-530000", "password": PASSWORD})
    cookie = headers["Set-Cookie"].split(";")[0]
    plan = publishing.plan(world.finance, world.province, world.campaign, now=shanghai(date(2017, 8, 15)))
    db.session.commit()  # end this reading transaction: what the server writes is seen below
    form = {
        "title": "",
        "document_number": "云财综〔2017〕100号",
        "effective_date": "2017-09-01",
        "fingerprint": plan.fingerprint,  # all confirm the same check, as from tabs or double clicks
    }
    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(
            pool.map(lambda _n: post(server, "/finance/campaigns/2017/publish", form, cookie)[0], range(PARALLEL))
        )
    assert sorted(answers) == [302] + [409] * (PARALLEL - 1), answers
    db.session.expire_all()
    assert db.session.scalars(select(Publication.version)).all() == [1]


def login(server, username):
    _status, headers = post(server, "/login", {"username": username, "password": PASSWORD})
    return headers["Set-Cookie"].split(";")[0]


def sent_together(server, path, form, cookie):
    """The same form sent PARALLEL times at once, as a double click or a page sent again sends it."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(lambda _n: post(server, path, form, cookie)[0], range(PARALLEL)))


def count(model):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_one_budget_line_however_often_its_form_is_sent(server, world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    publish(world)  # in force from 2017-09-01: the lines below cite it
    line = {"budget_year": str(date.today().year + 1), "project_name": "救助对象核查", "code": "A0101001"}
    line.update({"amount": "50000", "funding_source": "general", "once": "token-of-one-form"})
    answers = sent_together(server, "/budget/new", line, login(server, "clerk-civil"))
    assert answers == [302] * PARALLEL and count(BudgetLine) == 1


def test_one_item_and_one_request_however_often_their_forms_are_sent(server, world):
    campaign(world.scheme, code="2099", province=date(2099, 12, 31), prefecture=None)
    db.session.commit()
    cookie = login(server, "clerk-civil")
    item = {"code": "A0101001", "level1_code": "A", "level2": "社会救助", "level3": "困难群众救助对象核查服务"}
    answers = sent_together(server, "/department/campaigns/2099/items/new", {**item, "once": "item-form"}, cookie)
    assert answers == [302] * PARALLEL and count(Item) == 1


def test_one_account_however_often_its_form_is_sent(server, world):
    account = {"username": "wang.fang", "name": "王芳", "role": "clerk", "department": "530000007", "region": ""}
    account.update({"email": "", "phone": "", "credential": "password", "once": "account-form"})
    answers = sent_together(server, "/accounts/new", account, login(server, "finance-530000"))
    assert sorted(answers) == [200] + [302] * (PARALLEL - 1), answers  # the one that made it shows the password
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(User).where(User.username == "wang.fang")) == 1
