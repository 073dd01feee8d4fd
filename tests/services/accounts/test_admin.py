"""Who manages which accounts, and what each change does: a first credential shown once, sessions
ended where the holder's rights change, every change audited."""

from datetime import date

import pytest

from catalogue.errors import Forbidden, Invalid, NotFound
from catalogue.extensions import db
from catalogue.models import AuditEvent
from catalogue.services.accounts import admin as account_admin
from catalogue.services.accounts.users import authenticate, user_of_token
from catalogue.services.kernel.permissions import can_manage_account, manageable_users
from tests.conftest import shanghai

NOW = shanghai(date(2026, 11, 1), 10)
CLERK = {"username": "wang.fang", "name": "王芳", "role": "clerk", "department": "530000007", "email": "wf@example.cn"}


def test_a_finance_office_manages_its_clerks_and_the_offices_below(world):
    finance = world.finance
    assert can_manage_account(finance, world.clerk) and can_manage_account(finance, world.kunming_finance)
    assert can_manage_account(finance, world.county_finance)  # 元谋县 is below the province too
    assert not can_manage_account(finance, world.prefecture_clerk)  # 昆明's clerks are 昆明's
    assert not can_manage_account(finance, finance) and not can_manage_account(finance, world.admin)
    assert not can_manage_account(world.kunming_finance, world.clerk)
    listed = {u.username for u in db.session.scalars(manageable_users(world.kunming_finance))}
    assert listed == {"clerk-kunming"}
    with pytest.raises(Forbidden):
        manageable_users(world.clerk)


def test_a_new_account_with_an_initial_password_must_choose_its_own(world):
    issued = account_admin.create_account(world.finance, data=CLERK, credential="password", now=NOW)
    user = authenticate("wang.fang", issued.password)
    assert user is issued.user and user.must_change_password and user.email == "wf@example.cn"
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="create_account"))
    assert event.actor_id == world.finance.id and event.after["department"] == "530000007"


def test_a_new_account_with_a_link_has_no_password_anyone_knows(world):
    issued = account_admin.create_account(world.finance, data=CLERK, credential="link", now=NOW)
    assert issued.password is None and user_of_token(issued.token) is issued.user


@pytest.mark.parametrize(
    "change, field",
    [
        ({"role": "admin"}, "role"),  # a finance office creates no administrator
        ({"department": "530100007"}, "department"),  # 昆明's department is not the province's
        ({"username": "clerk-civil"}, "username"),  # taken
        ({"username": "a b"}, "username"),
        ({"email": "not an address"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"name": "王\x00芳"}, "name"),
    ],
)
def test_what_a_manager_may_not_create_is_refused_with_its_field(world, change, field):
    with pytest.raises(Invalid) as refused:
        account_admin.create_account(world.finance, data={**CLERK, **change}, credential="password", now=NOW)
    assert field in refused.value.errors


def test_an_edit_ends_the_holders_sessions_and_is_audited(world):
    token = world.clerk.session_token
    account_admin.update_account(world.finance, world.clerk, data={**CLERK, "name": "李四"}, now=NOW)
    assert world.clerk.name == "李四" and world.clerk.session_token != token
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="edit_account"))
    assert (event.before["name"], event.after["name"]) == ("", "李四")


def test_deactivated_accounts_cannot_log_in_and_no_one_deactivates_themselves(world):
    account_admin.set_active(world.finance, world.clerk, active=False, now=NOW)
    assert authenticate("clerk-civil", "correct horse battery") is None
    with pytest.raises(Invalid):
        account_admin.set_active(world.admin, world.admin, active=False, now=NOW)


def test_a_reset_replaces_the_password_and_ends_the_sessions(world):
    token = world.clerk.session_token
    issued = account_admin.reset_password(world.finance, world.clerk, credential="password", now=NOW)
    assert authenticate("clerk-civil", "correct horse battery") is None
    assert authenticate("clerk-civil", issued.password) is world.clerk and world.clerk.must_change_password
    assert world.clerk.session_token != token


def test_another_regions_office_is_told_the_account_does_not_exist(world):
    with pytest.raises(NotFound):
        account_admin.reset_password(world.kunming_finance, world.clerk, credential="password", now=NOW)


def test_the_account_list_filters_what_one_manages_and_reads_search_words_literally(world):
    def names(**args):
        wanted = account_admin.AccountFilter.from_args(args)
        return [user.username for user in account_admin.find_accounts(world.finance, wanted).rows]

    assert "clerk-civil" in names() and "clerk-kunming" not in names()
    assert names(q="CLERK-CIV") == ["clerk-civil"]  # either case
    assert names(q="clerk_civil") == [] and names(q="%") == []  # _ and % are letters, not wildcards
    assert set(names(role="finance")) == {"finance-530100", "finance-532328"}
    assert names(role="superuser") == names()  # a filter not understood is left out
    world.clerk.active = False
    assert "clerk-civil" in names(status="inactive") and "clerk-civil" not in names(status="active")


def test_an_account_one_does_not_manage_is_not_found(world):
    assert account_admin.get_account(world.finance, world.clerk.id) is world.clerk
    for user_id in (world.prefecture_clerk.id, 2**31 - 1):  # another office's clerk; no account
        with pytest.raises(NotFound):
            account_admin.get_account(world.finance, user_id)
