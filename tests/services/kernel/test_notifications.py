"""Notifications: written with their cause, in the inbox at once, mailed after the commit in the
reader's language through a real SMTP server, retried when sending fails, never sent for a change
that was rolled back; deadline reminders once each."""

from datetime import date

import pytest

from catalogue.extensions import db, mail
from catalogue.models import Notification
from catalogue.models.notification import MAIL_FAILED, MAIL_SENT
from catalogue.services.catalogues import items, workflow
from catalogue.services.desk import reminders
from catalogue.services.kernel import notifications
from catalogue.transaction import unit_of_work
from tests.conftest import shanghai
from tests.factories import CONTACT, item_data
from tests.smtp import SMTPServer, free_port

NOW = shanghai(date(2017, 7, 1), 10)


def mail_to(app, port):
    """Point the application's mail at ``port`` (Flask-Mailman reads its settings when set up)."""
    app.config.update(MAIL_SERVER="127.0.0.1" if port else "", MAIL_PORT=port or 25)
    mail.init_app(app)


@pytest.fixture
def smtp(app):
    server = SMTPServer().start()
    mail_to(app, server.port)
    yield server
    server.stop()
    mail_to(app, None)


def submit(world):
    with unit_of_work():
        catalogue = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=NOW).catalogue
        workflow.submit(
            world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
        )
    return catalogue


def test_a_submission_reaches_its_finance_office_by_inbox_and_mail_in_their_language(world, smtp):
    world.finance.email, world.finance.locale = "caizheng@example.cn", "zh_Hans_CN"
    world.kunming_finance.email = "km@example.cn"  # another region's office: not concerned
    db.session.commit()
    submit(world)
    (note,) = db.session.scalars(db.select(Notification).filter_by(user_id=world.finance.id)).all()
    assert note.kind == "submitted" and note.mail_status == MAIL_SENT
    (mail,) = smtp.messages
    assert mail["To"] == "caizheng@example.cn"
    body = mail.get_content()
    assert "云南省民政厅已报送“2017年度政府购买服务指导性目录编制”的目录。" in body
    assert "/finance/campaigns/2017/departments/530000007" in body


def test_a_return_reaches_the_departments_clerks_in_english_when_they_chose_it(world, smtp):
    world.clerk.email, world.clerk.locale = "clerk@example.cn", "en"
    db.session.commit()
    catalogue = submit(world)
    with unit_of_work():
        workflow.return_catalogue(world.finance, catalogue, now=NOW, comment="请补充说明")
    (mail,) = smtp.messages
    assert "was returned by the finance office: 请补充说明" in mail.get_content()


def test_a_rolled_back_change_notifies_nobody(world, smtp):
    world.finance.email = "caizheng@example.cn"
    db.session.commit()
    with pytest.raises(RuntimeError), unit_of_work():
        catalogue = items.add_item(world.clerk, world.campaign, world.civil, data=item_data(), now=NOW).catalogue
        workflow.submit(
            world.clerk, world.campaign, world.civil, contact=CONTACT, expected_version=catalogue.version, now=NOW
        )
        raise RuntimeError("the request failed after the submission")
    assert db.session.scalar(db.select(db.func.count(Notification.id))) == 0 and smtp.messages == []


def test_a_failed_send_is_kept_and_retried_and_never_breaks_the_change(app, world):
    port = free_port()
    mail_to(app, port)  # nothing listens there yet
    world.finance.email = "caizheng@example.cn"
    db.session.commit()
    try:
        catalogue = submit(world)
        assert catalogue.status == "submitted"
        note = db.session.scalar(db.select(Notification))
        assert (note.mail_status, note.mail_attempts) == (MAIL_FAILED, 1)
        server = SMTPServer(port).start()
        try:
            assert notifications.retry_mail() == 1 and len(server.messages) == 1
        finally:
            server.stop()
        assert db.session.get(Notification, note.id).mail_status == MAIL_SENT
    finally:
        mail_to(app, None)


def test_deadline_reminders_come_7_days_and_1_day_before_once_each(world):
    first = reminders.send_reminders(now=shanghai(date(2017, 7, 24), 8))
    again = reminders.send_reminders(now=shanghai(date(2017, 7, 25), 8))
    last = reminders.send_reminders(now=shanghai(date(2017, 7, 30), 8))
    kinds = sorted(n.kind for n in db.session.scalars(db.select(Notification).filter_by(user_id=world.clerk.id)))
    assert (first > 0, again, last > 0) == (True, 0, True) and kinds == ["deadline-1", "deadline-7"]


def test_a_department_that_submitted_gets_no_reminder(world):
    submit(world)
    reminders.send_reminders(now=shanghai(date(2017, 7, 24), 8))
    kinds = [n.kind for n in db.session.scalars(db.select(Notification).filter_by(user_id=world.clerk.id))]
    assert "deadline-7" not in kinds
