"""The review page offers the finance office a reason box for each negative-list warning; a
dismissal takes the warning off both sides' pages and shows the reason instead; a missing reason is
said at its box; the department cannot dismiss; the CLI lists the decisions as case-list rows."""

import csv
import io

from catalogue.extensions import db
from catalogue.models import WarningDismissal
from catalogue.services.catalogues import items
from tests.factories import fetch, item_data
from tests.views.conftest import REVIEWED

EN = {"Accept-Language": "en"}
REVIEW = "/finance/campaigns/2017/departments/530000007"


def warned(world):
    item = items.add_item(
        world.clerk,
        world.campaign,
        world.civil,
        data=item_data(level2="机关后勤", level3="办公设备采购服务"),
        now=REVIEWED,
    )
    db.session.commit()
    return item


def dismiss(client, item, reason):
    data = {"dismiss-item_id": str(item.id), "dismiss-rule": "goods", "dismiss-reason": reason}
    return client.post(f"{REVIEW}/warnings", data=data, headers=EN)


def test_the_review_page_offers_a_reason_box_per_warning(world, finance):
    item = warned(world)
    page = finance.get(REVIEW, headers=EN).get_data(as_text=True)
    assert f'id="dismiss-reason-{item.id}-goods"' in page and "Dismiss this warning" in page


def test_a_dismissal_replaces_the_warning_with_its_reason(world, finance):
    item = warned(world)
    response = dismiss(finance, item, "实为设备维修保养服务")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#item-{item.id}")
    page = finance.get(REVIEW, headers=EN).get_data(as_text=True)
    assert "Dismiss this warning" not in page and "实为设备维修保养服务" in page and "dismissed by" in page


def test_a_missing_reason_is_said_at_its_box_and_nothing_is_kept(world, finance):
    item = warned(world)
    response = dismiss(finance, item, "  ")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and f'id="dismiss-reason-{item.id}-goods-error"' in page
    assert "Say why the warning does not apply" in page and fetch(WarningDismissal) is None


def test_the_department_sees_the_decision_but_cannot_make_one(world, logged_in):
    item = warned(world)
    client = logged_in("finance-530000", REVIEWED)
    dismiss(client, item, "维修保养")
    client.post("/logout")
    logged_in("clerk-civil", REVIEWED)
    page = client.get("/department/campaigns/2017", headers=EN).get_data(as_text=True)
    assert "维修保养" in page and "Dismiss this warning" not in page
    assert dismiss(client, item, "自行排除").status_code in (403, 404)


def test_the_cli_lists_dismissals_as_case_list_rows(world, app, finance):
    item = warned(world)
    dismiss(finance, item, "维修保养")
    result = app.test_cli_runner().invoke(args=["negative-list-dismissals", "--region", "530000"])
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert result.exit_code == 0
    assert (row["level3"], row["expected"], row["dismissed_rule"], row["reason"]) == (
        "办公设备采购服务",
        "",
        "goods",
        "维修保养",
    )
    assert app.test_cli_runner().invoke(args=["negative-list-dismissals", "--region", "999999"]).exit_code == 2


def test_a_warning_dismissed_meanwhile_is_said_at_the_top_not_lost(world, finance):
    item = warned(world)
    dismiss(finance, item, "维修保养")
    response = dismiss(finance, item, "另一位审核人的理由")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "already dismissed" in page


def test_a_warning_no_longer_on_the_page_is_said(world, finance):
    item = warned(world)
    data = {"dismiss-item_id": "999999", "dismiss-rule": "goods", "dismiss-reason": "理由"}
    page = finance.post(f"{REVIEW}/warnings", data=data, headers=EN)
    assert page.status_code == 400 and "no longer on this page" in page.get_data(as_text=True)
    assert fetch(WarningDismissal) is None and item.id
