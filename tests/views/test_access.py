"""No leak across departments, regions and tiers: every route, as every kind of user, against objects
that belong to someone else. A new route fails here until it is added to the matrix below.

The victims: 云南省民政厅's catalogue in the province's campaign 2017 (an item, an upload), and a
campaign run by 昆明市 for its own departments. Whoever a route's objects do not belong to gets a
404 (it is not admitted to exist), a 403 (the role never may) or, anonymous, the log-in page; and
no page shows anyone the victims' marked text unless they may see it.
"""

import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from openpyxl import load_workbook
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import BudgetLine, BudgetUpload, CatalogueRequest, ImportUpload, Item, Publication, User
from catalogue.services.accounts import importing as account_import
from catalogue.services.catalogues import importing as imports
from catalogue.services.catalogues import items
from catalogue.services.kernel import notifications
from exports import XLSX_MIMETYPE
from tests.conftest import shanghai
from tests.factories import campaign, item_data, user
from tests.imports.builders import HEADER, ROWS, xlsx

NOW = shanghai(date(2017, 7, 10), 10)
SECRET_ITEM = "民政厅内部核查事项甲"  # in 民政厅's catalogue: its clerk, the province's office, admin
SECRET_CAMPAIGN = "昆明市内部编制任务乙"  # 昆明's own campaign: its office, its departments, admin
SECRET_NAME = "民政厅经办人丙"  # the name on 民政厅's clerk's account: the province's office, admin
SECRET_NOTE = "民政厅通知丁"  # in a notification to 民政厅's clerk: that clerk only
SECRET_REQUEST = "民政厅目录外事项理由戊"  # 民政厅's out-of-catalogue request: its clerk, the province's office, admin
SECRET_BUDGET = "民政厅预算项目己"  # 民政厅's budget line: its clerk, the province's office, admin
ROLES = (
    None,
    "clerk-civil",  # the victims' own clerk
    "clerk-education",  # another department of the same region
    "clerk-kunming",  # a prefecture department
    "clerk-yuanmou",  # a county department (of another prefecture)
    "finance-530000",  # the province's office
    "finance-530100",  # 昆明's office: another region, the tier below
    "finance-532328",  # 元谋县's office: another region and tier
    "admin",
)
PUBLIC = {
    "public.home",
    "public.publication",
    "public.compare",
    "public.download",
    "api.openapi",
    "api.publications",
    "api.publication",
    "api.items",
    "api.search_items",
    "api.catalogue_check",
    "public.search",
    "open_data.catalog",
    "editions.show",
    "health.healthz",
    "health.readyz",
    "static",
    "auth.login",
    "main.index",
    "main.set_locale",
    "account.set_password",  # with a token of the link (here none is valid: 404 for everyone)
}
CLERKS = {"clerk-civil", "clerk-education", "clerk-kunming", "clerk-yuanmou"}
FINANCE = {"finance-530000", "finance-530100", "finance-532328"}
CLERK_PAGES = {"department.catalogue", "department.history", "department.history_xlsx", "department.add_item"}
CLERK_PAGES |= {"department.submit", "department.carry_forward", "imports.upload", "imports.template"}
CLERK_PAGES |= {"imports.own_catalogue", "department.receipt", "department.withdraw", "department.order"}
# endpoint -> who may reach the victims' object through it (the roles allowed; everyone else is refused)
MATRIX = {
    **{endpoint: set(ROLES) for endpoint in PUBLIC},
    "auth.logout": set(ROLES) - {None},
    "account.password": set(ROLES) - {None},  # one's own
    "department.home": CLERKS,  # each clerk's own campaigns: what it lists is checked by the marked texts
    # a campaign's pages for a clerk: 昆明's own campaign is seen by its departments only
    **{endpoint: {"clerk-kunming"} for endpoint in CLERK_PAGES},
    "department.edit_item": {"clerk-civil"},
    "department.delete_item": {"clerk-civil"},
    "department.move_item": {"clerk-civil"},
    "imports.preview": {"clerk-civil"},
    "imports.apply": {"clerk-civil"},
    "imports.errors_workbook": {"clerk-civil"},
    "finance.home": FINANCE | {"admin"},
    "finance.new_campaign": FINANCE | {"admin"},
    "editions.manage": FINANCE | {"admin"},
    # 昆明's campaign: its own office and the administrator
    **{
        endpoint: {"finance-530100", "admin"}
        for endpoint in (
            "finance.progress",
            "finance.progress_xlsx",
            "finance.progress_bulk",
            "finance.edit_campaign",
            "publishing.publish",
        )
    },
    "publishing.overview": {"admin"},
    # accounts: the managers' pages, 民政厅's clerk's account (the province's office and admin), and
    # a spreadsheet of accounts the province's office uploaded (its own)
    **{endpoint: FINANCE | {"admin"} for endpoint in ("accounts.index", "accounts.new", "accounts.upload")},
    **{
        endpoint: {"finance-530000", "admin"} for endpoint in ("accounts.edit", "accounts.set_active", "accounts.reset")
    },
    "accounts.preview": {"finance-530000"},
    "audit.index": FINANCE | {"admin"},  # each office its region's: checked by the marked texts
    "audit.export": FINANCE | {"admin"},
    # one's own inbox; a notification to 民政厅's clerk
    "inbox.index": set(ROLES) - {None},
    "inbox.read_all": set(ROLES) - {None},
    "inbox.open_one": {"clerk-civil"},  # the province's view of every publication: 昆明's campaign is not its
    # 民政厅 in the province's campaign: the province's office and the administrator
    **{
        endpoint: {"finance-530000", "admin"}
        for endpoint in (
            "finance.review",
            "finance.begin_review",
            "finance.approve",
            "finance.set_eligible",
            "finance.grant_extension",
            "finance.remove_extension",
            "finance.history",
            "finance.history_xlsx",
            "finance.reopen",
            "finance.return_catalogue",
            "finance.dismiss_warning",
        )
    },
    # out-of-catalogue requests and budget lines: each clerk's own pages; 民政厅's request and line
    **dict.fromkeys(("requests.index", "requests.new", "budget.index", "budget.new"), CLERKS),
    "requests.show": {"clerk-civil", "finance-530000", "admin"},
    **{endpoint: {"clerk-civil"} for endpoint in ("requests.edit", "requests.submit", "requests.withdraw")},
    **{endpoint: {"finance-530000", "admin"} for endpoint in ("requests.approve", "requests.refuse")},
    "budget.delete": {"clerk-civil"},
    "budget.keys": {"clerk-civil"},
    "budget.upload": CLERKS,
    "budget.preview": {"clerk-civil"},  # 民政厅's clerk's own upload
    **{endpoint: FINANCE | {"admin"} for endpoint in ("requests.queue", "budget.totals", "budget.totals_xlsx")},
}
# Who may read each marked text anywhere.
MAY_SEE = {
    SECRET_NOTE: {"clerk-civil"},
    SECRET_NAME: {"finance-530000", "admin"},
    SECRET_ITEM: {"clerk-civil", "finance-530000", "admin"},
    SECRET_CAMPAIGN: {"clerk-kunming", "finance-530100", "admin"},
    SECRET_REQUEST: {"clerk-civil", "finance-530000", "admin"},
    SECRET_BUDGET: {"clerk-civil", "finance-530000", "admin"},
}


@pytest.fixture
def victims(world):
    with time_machine.travel(NOW, tick=False):
        user("clerk-kunming2", "clerk", world.kunming_civil)  # keeps 昆明 populated beyond the victim
        kunming = campaign(world.scheme, code="K2018", owner=world.kunming, province=None, prefecture=date(2018, 6, 30))
        kunming.name = SECRET_CAMPAIGN
        item = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(level3=SECRET_ITEM), now=NOW)
        upload = imports.store_upload(
            world.clerk, world.campaign, world.civil, filename="民政.xlsx", content=xlsx([HEADER, *ROWS]), now=NOW
        )
        world.clerk.name = SECRET_NAME
        (note,) = notifications.notify(
            [world.clerk], "approved", {"campaign": SECRET_NOTE}, ("department.home", {}), now=NOW
        )
        accounts_file = xlsx([["用户名", "角色", "部门编码"], ["new-clerk", "clerk", "530000007"]])
        account_upload = account_import.store(world.finance, filename="账号.xlsx", content=accounts_file, now=NOW)
        request = CatalogueRequest(
            department=world.civil, campaign=world.campaign, status="submitted", code="A0101099", level1_code="A",
            level1_name="基本公共服务", level2="社会救助", level3="核查", reason=SECRET_REQUEST, budget_year=2018,
            estimated_amount=Decimal("1000.00"), created_at=NOW, updated_at=NOW, submitted_at=NOW,
        )  # fmt: skip
        line = BudgetLine(
            department=world.civil, budget_year=2018, project_name=SECRET_BUDGET, code="A0101099", basis="request",
            amount=Decimal("1000.00"), funding_source="general", created_at=NOW,
        )  # fmt: skip
        budget_file = BudgetUpload(
            user_id=world.clerk.id, department=world.civil, filename="预算.csv", sha256="0" * 64, created_at=NOW,
            content=f"项目名称,目录编码,金额\n{SECRET_BUDGET},A0101099,1000\n".encode(),
        )  # fmt: skip
        db.session.add_all([request, line, budget_file])
        db.session.commit()
    return {
        "item": item.id,
        "upload": upload.id,
        "kunming": "K2018",
        "user": world.clerk.id,
        "account_upload": account_upload.id,
        "notification": note.id,
        "request": request.id,
        "line": line.id,
        "budget_upload": budget_file.id,
    }


def _url(rule, victims):
    values = {}
    for name in rule.arguments:
        if name == "code":
            if rule.endpoint == "editions.show":
                return None  # no tier catalogue in this world: covered by tests/views/test_editions.py
            province_campaign = rule.endpoint.startswith("finance.") and "department_code" in rule.arguments
            values[name] = "2017" if province_campaign else victims["kunming"]
        elif name == "department_code":
            values[name] = "530000007"
        elif name == "item_id":
            values[name] = victims["item"]
        elif name == "upload_id":
            kind = rule.endpoint.split(".")[0]
            values[name] = {"accounts": victims["account_upload"], "budget": victims["budget_upload"]}.get(
                kind, victims["upload"]
            )
        elif name == "user_id":
            values[name] = victims["user"]
        elif name == "notification_id":
            values[name] = victims["notification"]
        elif name == "request_id":
            values[name] = victims["request"]
        elif name == "line_id":
            values[name] = victims["line"]
        elif name == "publication_id":
            values[name] = 1
        elif name == "fmt":
            values[name] = "csv"
        elif name == "filename":
            values[name] = "style.css"
        elif name == "token":
            values[name] = "not-a-token"
        else:
            raise AssertionError(f"{rule.rule}: no victim for <{name}>; add one to tests/views/test_access.py")
    return _build(rule, values)


def _build(rule, values):
    path = rule.rule
    for name, value in values.items():
        for pattern in (f"<int:{name}>", f"<path:{name}>", f"<{name}>"):
            path = path.replace(pattern, str(value))
    return path


def _text(response):
    """What a person could read in the response: a workbook's cells, or the text."""
    if response.mimetype == XLSX_MIMETYPE:
        workbook = load_workbook(io.BytesIO(response.data), read_only=True)
        return "\n".join(str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v)
    return response.get_data().decode("utf-8", errors="replace")


def test_every_route_is_in_the_matrix(app):
    unknown = {rule.endpoint for rule in app.url_map.iter_rules()} - set(MATRIX)
    assert not unknown, f"add these routes to the access matrix: {sorted(unknown)}"


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_no_route_leaks_anothers_objects(app, client, auth, world, victims, role):
    with time_machine.travel(NOW, tick=False):
        if role:
            auth.login(role)
        for rule in app.url_map.iter_rules():
            url = _url(rule, victims)
            if url is None:
                continue
            allowed = role in MATRIX[rule.endpoint]
            methods = ("GET",) if "GET" in rule.methods else ("POST",)
            for method in methods:
                if method == "POST" and (allowed or rule.endpoint in ("auth.logout", "main.set_locale", "auth.login")):
                    continue  # an allowed change is not a leak (and would change the victims)
                response = client.open(url, method=method)
                body = _text(response)
                if not allowed:
                    refused = response.status_code in (403, 404) or (
                        role is None and response.status_code == 302 and "/login" in response.headers["Location"]
                    )
                    assert refused, f"{role} {method} {url}: {response.status_code}"
                assert response.status_code != 500, f"{role} {method} {url}"
                for secret, readers in MAY_SEE.items():
                    assert role in readers or secret not in body, f"{role} {method} {url} shows {secret}"
    assert db.session.scalar(select(Item.level3).where(Item.id == victims["item"])) == SECRET_ITEM
    assert db.session.get(ImportUpload, victims["upload"]) is not None
    clerk = db.session.get(User, victims["user"])
    assert clerk.active and clerk.name == SECRET_NAME and not clerk.must_change_password
    assert db.session.scalar(select(Publication.id)) is None
