"""Every state-changing request needs the CSRF token; without it nothing changes."""

import re
from datetime import date

import pytest
import time_machine

from catalogue.extensions import db
from catalogue.models import AuditEvent, Item
from tests.conftest import shanghai
from tests.factories import CONTACT, PASSWORD, add_items

NOW = shanghai(date(2017, 7, 10), 10)


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def post_urls(app, item_id):
    values = {
        "code": "2017",
        "department_code": "530000007",
        "item_id": item_id,
        "upload_id": 1,
        "token": "x",
        "user_id": 1,
        "notification_id": 1,
        "request_id": 1,
        "line_id": 1,
    }
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" in rule.methods:
                yield rule.build(values, append_unknown=False)[1]


def test_every_post_route_refuses_a_request_without_the_token(app, client, auth, world, csrf_on):
    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    app.config["WTF_CSRF_ENABLED"] = False
    auth.login("clerk-civil")
    app.config["WTF_CSRF_ENABLED"] = True
    before = (db.session.scalar(db.select(db.func.count(AuditEvent.id))), item.level3)
    urls = list(post_urls(app, item.id))
    assert len(urls) >= 12
    with time_machine.travel(NOW, tick=False):
        for url in urls:
            response = client.post(
                url,
                data={
                    "version": item.version,
                    "code": "A0101009",
                    "level1_code": "A",
                    "level2": "x",
                    "level3": "y",
                    "direction": "up",
                },
            )
            assert response.status_code == 400, url
    db.session.expire_all()
    assert (db.session.scalar(db.select(db.func.count(AuditEvent.id))), db.session.get(Item, item.id).level3) == before


def test_with_the_token_the_form_works(client, world, csrf_on):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": "clerk-civil", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_the_refusal_is_a_friendly_page(client, world, csrf_on):
    response = client.post(
        "/login", data={"username": "clerk-civil", "password": PASSWORD}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 400 and "The form expired" in response.get_data(as_text=True)


def form_fields(page, action):
    """The hidden inputs of the form posting to ``action`` on ``page``."""
    form = page[page.index(f'action="{action}"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))


def test_every_review_form_carries_the_token_its_form_expects(app, client, auth, world, csrf_on):
    from catalogue.services.catalogues import workflow

    (item,) = add_items(world.clerk, world.campaign, world.civil, 1, NOW)
    workflow.submit(
        world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=item.catalogue.version, now=NOW
    )
    db.session.commit()
    base = "/finance/campaigns/2017/departments/530000007"
    with time_machine.travel(NOW, tick=False):
        app.config["WTF_CSRF_ENABLED"] = False
        auth.login("finance-530000")
        app.config["WTF_CSRF_ENABLED"] = True
        for action, extra in (
            (f"{base}/extension", {"extension-due_date": "2017-08-30"}),
            (f"{base}/return", {"return-comment": "请补充"}),
        ):
            page = client.get(base).get_data(as_text=True)
            response = client.post(action, data=form_fields(page, action) | extra)
            assert response.status_code == 302, (action, response.get_data(as_text=True)[:300])


def test_the_decision_repeated_after_a_long_catalogue_carries_its_token(app, client, auth, world, csrf_on):
    from catalogue.services.catalogues import workflow

    added = add_items(world.clerk, world.campaign, world.civil, 12, NOW)
    version = added[0].catalogue.version
    workflow.submit(world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=version, now=NOW)
    db.session.commit()
    base = "/finance/campaigns/2017/departments/530000007"
    with time_machine.travel(NOW, tick=False):
        app.config["WTF_CSRF_ENABLED"] = False
        auth.login("finance-530000")
        app.config["WTF_CSRF_ENABLED"] = True
        page = client.get(base).get_data(as_text=True)
        below = page[page.index('id="decide-again"') :]  # the form after the items
        response = client.post(f"{base}/approve", data=form_fields(below, f"{base}/approve"))
    assert response.status_code == 302 and added[0].catalogue.status == "approved"
