"""Every kind of page, in Chinese and in English, checked by axe-core in Chromium; public and clerk
pages at a phone's 390 px; the publication page printed.

axe-core comes from the npm registry (tests/e2e/package.json, installed by ``make test``). It is
loaded into the page past the Content-Security-Policy (which forbids the inline script that loading
it takes), and the whole page is checked against WCAG 2.1 AA.
"""

import os
from datetime import date

import pytest
from playwright.sync_api import expect

from catalogue.extensions import db
from catalogue.services.budget import requests as catalogue_requests
from catalogue.services.publishing import publications as publishing
from tests import factories
from tests.conftest import shanghai
from tests.e2e.conftest import hand_in, log_in
from tests.tools import pdf_pages

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(open_world):
    """A published list of 2099 (云南省民政厅, approved), a draft of 云南省教育厅; and the list of 2017
    before it (one item more), for the comparison of the two campaigns."""
    world, moment = open_world, shanghai(date(2099, 7, 1), 10)
    factories.approved(world, world.clerk, world.civil, 4, shanghai(date(2017, 7, 1), 10))
    factories.publish(world)
    campaign = db.session.scalar(db.select(factories.Campaign).where(factories.Campaign.code == "2099"))
    factories.approved(world, world.clerk, world.civil, 3, moment, campaign=campaign)
    factories.add_items(world.other_clerk, campaign, world.education, 2, moment)
    publication = publishing.publish(
        world.finance,
        world.province,
        campaign,
        title=None,
        document_number="云财综〔2099〕1号",
        effective_date=date(2099, 9, 1),
        now=shanghai(date(2099, 8, 1)),
    )
    request = catalogue_requests.file_request(
        world.clerk,
        world.civil,
        data={
            "code": "A0101090", "level1_code": "A", "level2": "社会救助", "level3": "临时救助对象核查",
            "reason": "审批权限下放。", "budget_year": 2099, "estimated_amount": "120000",
        },
        now=shanghai(date(2099, 9, 2)),
    )  # fmt: skip
    catalogue_requests.submit_request(
        world.clerk, request, expected_version=request.version, now=shanghai(date(2099, 9, 2))
    )
    db.session.commit()
    publication.request_id = request.id  # for the pages below
    return publication


def public_pages(publication):
    return [
        "/",
        f"/publications/{publication.id}",
        f"/publications/{publication.id}?q=服务&department=530000007",
        f"/publications/{publication.id}/compare",
        "/search",
        "/search?q=民政厅",
        "/login",
    ]


CLERK_PAGES = [
    "/department/",
    "/department/campaigns/2099",
    "/department/campaigns/2099/items/new",
    "/department/campaigns/2099/import",
    "/department/campaigns/2099/submit",
    "/department/campaigns/2099/history",
    "/department/campaigns/2099/order",
    "/inbox/",
    "/account/password",
]
CIVIL_PAGES = ["/requests/", "/requests/new", "/budget/", "/budget/new", "/budget/import"]
FINANCE_PAGES = [
    "/requests/queue",
    "/budget/totals",
    "/finance/",
    "/finance/campaigns/2099/progress",
    "/finance/campaigns/2099/progress?sort=status&order=desc&q=云南",
    "/audit/?campaign=2099&department=530000007",
    "/finance/campaigns/2099/departments/530000002",
    "/finance/campaigns/2099/publish",
    "/finance/campaigns/2099/publications",
    "/finance/campaigns/new",
    "/finance/editions",
    "/accounts/",
    "/accounts/new",
    "/audit/",
]


def violations(page, script):
    page.add_script_tag(content=script)
    found = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: tags});
            return result.violations.map(v =>
                `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }""",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    )
    return [f"{page.url} {line}" for line in found]


def check(page, script, path):
    response = page.goto(path)
    assert response.status < 400, f"{path}: {response.status}"
    return violations(page, script)


def context(chromium, live_server, locale, **options):
    return chromium.new_context(
        locale=locale, base_url=live_server, bypass_csp=True, viewport={"width": 1280, "height": 900}, **options
    )


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_every_page_type_passes_axe(chromium, live_server, site, axe_script, locale):
    browser = context(chromium, live_server, locale)
    page = browser.new_page()
    found = []
    for path in public_pages(site):
        found += check(page, axe_script, path)
    page.goto(f"/publications/{site.id}/compare")
    assert page.locator("main h2").count() >= 1  # the comparison has its sections (headings in order: axe)
    log_in(page, "clerk-education")
    for path in CLERK_PAGES:
        found += check(page, axe_script, path)
    page.goto("/department/campaigns/2099/items/new")
    page.click("main button[type=submit]")  # nothing filled in: the form with its errors
    page.locator("[aria-invalid=true]").nth(1).wait_for()  # at least two, once the answer has loaded
    found += violations(page, axe_script)
    page.goto("/department/campaigns/2099")
    page.click("main a.danger >> nth=0")  # the confirmation a delete asks for
    found += violations(page, axe_script)
    page.goto("/department/campaigns/2099/submit")
    hand_in(page, "", "12")
    page.click("main form.panel button[type=submit]")  # the submission with its errors
    expect(page.locator("[aria-invalid=true]")).to_have_count(2)
    found += violations(page, axe_script)
    hand_in(page)
    page.click("main form.panel button[type=submit]")  # the receipt
    expect(page.locator(".receipt")).to_have_count(1)  # waits for the redirect's page: count() would not
    found += violations(page, axe_script)
    found += check(page, axe_script, "/department/campaigns/2099")  # submitted: it may be withdrawn
    page.click("header >> text=退出" if locale == "zh-CN" else "header >> text=Log out")
    log_in(page, "clerk-civil")
    for path in [*CIVIL_PAGES, f"/requests/{site.request_id}"]:
        found += check(page, axe_script, path)
    page.click("header >> text=退出" if locale == "zh-CN" else "header >> text=Log out")
    log_in(page, "finance-530000")
    for path in [*FINANCE_PAGES, f"/requests/{site.request_id}"]:
        found += check(page, axe_script, path)
    page.goto("/finance/campaigns/2099/publish")
    page.fill("#document_number", "云财综〔2099〕2号")
    page.fill("#effective_date", "2099-10-01")
    page.click("main form.panel button[type=submit]")  # the check before publishing
    found += violations(page, axe_script)
    browser.close()
    assert not found, "\n".join(found)


def test_fields_in_error_are_marked_and_described(page, open_world):
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099/items/new")
    page.click("main button[type=submit]")
    field = page.locator("#code")
    assert field.get_attribute("aria-invalid") == "true"
    assert "code-error" in field.get_attribute("aria-describedby")
    assert page.locator("#code-error").inner_text()


def test_row_actions_are_named_with_the_items_code(page, open_world):
    campaign = db.session.scalar(db.select(factories.Campaign).where(factories.Campaign.code == "2099"))
    factories.add_items(open_world.clerk, campaign, open_world.civil, 2, shanghai(date(2099, 7, 1)))
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    assert page.get_by_role("link", name="修改 A0101001").count() == 1  # the code is read, not shown
    assert page.get_by_role("link", name="删除 A0101002").count() == 1
    assert page.get_by_role("button", name="下移 A0101001").count() == 1


def test_a_rows_move_button_moves_it_through_the_pages_one_form(page, open_world):
    """The buttons of every row submit one form outside the table (form= and formaction=)."""
    campaign = db.session.scalar(db.select(factories.Campaign).where(factories.Campaign.code == "2099"))
    factories.add_items(open_world.clerk, campaign, open_world.civil, 3, shanghai(date(2099, 7, 1)))
    log_in(page, "clerk-civil")
    page.goto("/department/campaigns/2099")
    page.get_by_role("button", name="下移 A0101001").click()
    page.wait_for_url("**/department/campaigns/2099#item-*")
    codes = page.locator("table.items tbody td.code").all_inner_texts()
    assert codes == ["A0101002", "A0101001", "A0101003"]


def no_sideways_scroll(page):
    """Nothing reaches past the phone's width. (Compared with the layout viewport: a phone browser
    widens ``innerWidth``, zooming the whole page out, to show what sticks out.)"""
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def header_links_on_one_line(page):
    """Each link of the header stays whole (a word is never split over two lines)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.masthead a, .masthead button')]
            .filter(e => e.offsetParent && e.getClientRects().length > 1).map(e => e.textContent.trim())"""
    )


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_public_and_clerk_pages_fit_a_phone(chromium, live_server, site, locale):
    browser = chromium.new_context(locale=locale, base_url=live_server, viewport=PHONE, is_mobile=True)
    page = browser.new_page()
    wide = []
    for path in public_pages(site):
        page.goto(path)
        if not no_sideways_scroll(page) or header_links_on_one_line(page):
            wide.append((path, header_links_on_one_line(page)))
    log_in(page, "clerk-civil")
    for path in ("/department/", "/department/campaigns/2099", "/department/campaigns/2099/items/new", "/budget/"):
        page.goto(path)
        if not no_sideways_scroll(page) or header_links_on_one_line(page):
            wide.append((path, page.evaluate("document.documentElement.scrollWidth"), header_links_on_one_line(page)))
    page.click("header >> text=退出" if locale == "zh-CN" else "header >> text=Log out")
    log_in(page, "clerk-education")  # a draft: the catalogue with its editing actions on every row
    for path in ("/department/campaigns/2099", "/department/campaigns/2099/submit"):
        page.goto(path)
        if not no_sideways_scroll(page) or header_links_on_one_line(page):
            wide.append((path, page.evaluate("document.documentElement.scrollWidth"), header_links_on_one_line(page)))
        assert page.locator("main a.danger >> nth=0").is_visible() if path.endswith("2099") else True
    if os.environ.get("E2E_SCREENSHOTS"):
        os.makedirs("test-results", exist_ok=True)
        page.goto(f"/publications/{site.id}")
        page.screenshot(path=f"test-results/phone-publication-{locale}.png", full_page=True)
    browser.close()
    assert not wide, wide


def test_the_publication_prints_without_header_or_search_and_the_table_on_page_one(page, site, tmp_path):
    page.goto(f"/publications/{site.id}")
    page.emulate_media(media="print")
    assert not page.locator("header.masthead").is_visible() and not page.locator("form.filters").is_visible()
    path = tmp_path / "printed.pdf"
    path.write_bytes(page.pdf(format="A4"))
    first = "".join(pdf_pages(path)[0].split())
    assert (
        "云南省省级政府购买服务指导性目录（2099年）" in first and "三级目录" in first and "云南省民政厅服务1" in first
    )
    assert "退出" not in first and "检索" not in first
