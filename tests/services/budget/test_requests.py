"""Out-of-catalogue requests: filed against the list in force, edited until submitted, withdrawn until
decided, filed (备案) or refused by the region's finance office; in the effective catalogue from the
moment it is filed, to the second (Asia/Shanghai)."""

from datetime import date

import pytest

from catalogue.errors import Invalid, NotFound, Refused, StaleEdit
from catalogue.extensions import db
from catalogue.models import Notification
from catalogue.services.budget import effective, requests
from catalogue.services.publishing import publications as publishing
from tests.conftest import shanghai
from tests.factories import approved, publish

NOW = shanghai(date(2018, 1, 10), 10)
DATA = {
    "code": "A0101090",
    "level1_code": "A",
    "level2": "社会救助",
    "level3": "临时救助对象核查服务",
    "description": "委托第三方核查临时救助对象。",
    "reason": "2018年起临时救助审批权限下放，需核查的对象大幅增加。",
    "budget_year": 2018,
    "estimated_amount": "120000.00",
}


@pytest.fixture
def published(world):
    approved(world, world.clerk, world.civil, 2, shanghai(date(2017, 7, 1)))
    return publish(world)


def filed(world, **changes):
    return requests.file_request(world.clerk, world.civil, data={**DATA, **changes}, now=NOW)


def test_a_request_is_a_draft_of_the_list_in_forces_campaign(world, published):
    request = filed(world)
    assert (request.status, request.campaign, request.level1_name) == ("draft", world.campaign, "基本公共服务")
    assert str(request.estimated_amount) == "120000.00"


def test_without_a_published_list_there_is_nothing_to_extend(world):
    with pytest.raises(Refused, match="no published catalogue"):
        filed(world)


def test_every_wrong_field_is_named(world, published):
    with pytest.raises(Invalid) as error:
        filed(world, code="A0101001", level2="", reason=" ", budget_year=1999, estimated_amount="12.345")
    assert set(error.value.errors) == {"code", "level2", "reason", "budget_year", "estimated_amount"}
    assert "already in your effective catalogue" in str(error.value.errors["code"][0])


def test_only_the_departments_clerks_file_and_see_it(world, published):
    with pytest.raises(NotFound):
        requests.file_request(world.other_clerk, world.civil, data=DATA, now=NOW)
    request = filed(world)
    with pytest.raises(NotFound):
        requests.get_request(world.other_clerk, request.id)
    with pytest.raises(NotFound):
        requests.get_request(world.kunming_finance, request.id)
    assert requests.get_request(world.finance, request.id) is request


def test_edited_until_submitted_and_a_stale_form_is_refused(world, published):
    request = filed(world)
    requests.update_request(world.clerk, request, data={**DATA, "level3": "改后"}, expected_version=1, now=NOW)
    with pytest.raises(StaleEdit):
        requests.update_request(world.clerk, request, data=DATA, expected_version=1, now=NOW)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    with pytest.raises(Refused, match="no longer be changed"):
        requests.update_request(world.clerk, request, data=DATA, expected_version=request.version, now=NOW)
    assert db.session.scalar(db.select(Notification.kind).where(Notification.user_id == world.finance.id))


def test_withdrawn_until_decided(world, published):
    request = filed(world)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    requests.withdraw_request(world.clerk, request, now=NOW)
    assert request.status == "withdrawn"
    other = filed(world, code="A0101091")
    requests.submit_request(world.clerk, other, expected_version=other.version, now=NOW)
    requests.approve_request(world.finance, other, filing_number="云财备〔2018〕1号", comment="", now=NOW)
    with pytest.raises(Refused):
        requests.withdraw_request(world.clerk, other, now=NOW)


def test_filing_needs_its_number_and_refusing_its_reason(world, published):
    request = filed(world)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    with pytest.raises(Invalid) as error:
        requests.approve_request(world.finance, request, filing_number=" ", comment=None, now=NOW)
    assert set(error.value.errors) == {"filing_number"}
    with pytest.raises(Invalid):
        requests.refuse_request(world.finance, request, reason="", now=NOW)
    with pytest.raises(NotFound):
        requests.approve_request(world.kunming_finance, request, filing_number="x", comment="", now=NOW)
    requests.refuse_request(world.finance, request, reason="可由本级现有目录事项覆盖。", now=NOW)
    assert (request.status, request.decision_comment) == ("refused", "可由本级现有目录事项覆盖。")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [(shanghai(date(2018, 1, 10), 23, 59, 59), True), (shanghai(date(2018, 1, 11), 0, 0, 0), False)],
)
def test_a_filed_request_counts_from_the_moment_it_was_filed(world, published, moment, expected):
    request = filed(world)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    requests.approve_request(world.finance, request, filing_number="云财备〔2018〕1号", comment="", now=moment)
    db.session.commit()
    entry = effective.lookup(world.civil, "A0101090", date(2018, 1, 10))
    assert (entry is not None) is expected
    assert effective.lookup(world.civil, "A0101090", date(2018, 1, 11)).basis == "request"


def test_the_queue_is_the_regions_oldest_first(world, published):
    first, second = filed(world), filed(world, code="A0101091")
    requests.submit_request(world.clerk, second, expected_version=second.version, now=NOW)
    requests.submit_request(world.clerk, first, expected_version=first.version, now=shanghai(date(2018, 1, 11)))
    waiting, _decided = requests.queue(world.finance)
    assert waiting == [second, first]
    assert requests.queue(world.kunming_finance) == ([], [])


def test_a_filed_request_is_folded_into_the_next_version_and_stays(world, published):
    request = filed(world)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    requests.approve_request(world.finance, request, filing_number="云财备〔2018〕1号", comment="", now=NOW)
    db.session.commit()
    plan = publishing.plan(world.finance, world.province, world.campaign, now=NOW, fold_requests=True)
    assert [r.code for r in plan.new_requests] == ["A0101090"]
    assert plan.changes["requests"] == [
        {
            "department_name": "云南省民政厅",
            "code": "A0101090",
            "level3": "临时救助对象核查服务",
            "filing_number": "云财备〔2018〕1号",
        }
    ]
    second = publishing.publish(
        world.finance, world.province, world.campaign, title=None, document_number="云财综〔2018〕5号",
        effective_date=date(2018, 2, 1), now=NOW, fold_requests=True,
    )  # fmt: skip
    db.session.commit()
    assert request.folded_into_id == second.id
    item = next(i for i in publishing.published_items(second) if i["code"] == "A0101090")
    assert item["remarks"] == "目录外事项备案（云财备〔2018〕1号）" and item["department_code"] == "530000007"
    assert effective.lookup(world.civil, "A0101090", date(2018, 2, 1)).basis == "publication"
    third = publishing.publish(  # a later correction keeps it, asked or not
        world.finance, world.province, world.campaign, title=None, document_number="云财综〔2018〕6号",
        effective_date=date(2018, 3, 1), now=NOW,
    )  # fmt: skip
    assert "A0101090" in {i["code"] for i in publishing.published_items(third)}


def test_a_service_the_negative_list_warns_about_is_filed_only_once_the_warnings_are_checked(world, published):
    """Filing puts a request in the effective catalogue at once: its screening cannot wait for a review."""
    request = filed(world, code="A0101091", level3="办公设备采购服务", description="为机关采购打印机、课桌椅等设备。")
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    assert requests.request_hits(request)
    with pytest.raises(Invalid) as refused:
        requests.approve_request(world.finance, request, filing_number="云财备〔2018〕2号", comment="", now=NOW)
    assert set(refused.value.errors) == {"warnings_checked"} and request.status == "submitted"
    requests.approve_request(
        world.finance, request, filing_number="云财备〔2018〕2号", comment="", now=NOW, warnings_checked=True
    )
    assert request.status == "approved"


def test_an_ordinary_service_needs_no_confirmation(world, published):
    request = filed(world)
    requests.submit_request(world.clerk, request, expected_version=request.version, now=NOW)
    assert requests.request_hits(request) == []
    requests.approve_request(world.finance, request, filing_number="云财备〔2018〕3号", comment="", now=NOW)
    assert request.status == "approved"
