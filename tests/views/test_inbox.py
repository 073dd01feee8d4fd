"""The inbox: the unread count in the header, the messages in the reader's language, and opening one
marks it read and leads to the page it is about."""

from datetime import date

from catalogue.extensions import db
from catalogue.models import Notification
from catalogue.services.kernel import notifications
from tests.conftest import shanghai

NOW = shanghai(date(2017, 7, 1), 10)
EN = {"Accept-Language": "en"}


def test_unread_count_list_and_open(logged_in, world):
    clerk = logged_in("clerk-civil", NOW)
    notifications.notify(
        [world.clerk], "approved", {"campaign": "2017年度"}, ("department.catalogue", {"code": "2017"}), now=NOW
    )
    db.session.commit()
    header = clerk.get("/department/", headers=EN).get_data(as_text=True)
    assert 'aria-label="1 unread">1</span>' in header
    page = clerk.get("/inbox/", headers=EN).get_data(as_text=True)
    assert "Your catalogue for 2017年度 was approved by the finance office." in page
    note = db.session.scalar(db.select(Notification))
    opened = clerk.post(f"/inbox/{note.id}/open")
    assert opened.headers["Location"] == "/department/campaigns/2017"
    assert db.session.get(Notification, note.id).read_at is not None
    assert "unread" not in clerk.get("/department/", headers=EN).get_data(as_text=True)


def test_someone_elses_notification_is_not_found(logged_in, world):
    (note,) = notifications.notify([world.other_clerk], "approved", {"campaign": "x"}, ("department.home", {}), now=NOW)
    db.session.commit()
    clerk = logged_in("clerk-civil", NOW)
    assert clerk.post(f"/inbox/{note.id}/open").status_code == 404
