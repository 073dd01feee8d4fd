"""Telling people what concerns them. A notification is written in the same transaction as its cause
(so a rolled-back change notifies nobody) and mailed only after that transaction commits, in the
recipient's language, when they have an e-mail address and the server has SMTP settings
(``MAIL_SERVER``). A failed send is tried again (``flask send-reminders`` and ``flask send-mail``
retry what is pending) and never breaks the request that caused it.
"""

import logging
from collections.abc import Sequence
from datetime import datetime

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_mailman import EmailMessage
from sqlalchemy import func, select, update

from ... import clock
from ...errors import NotFound
from ...extensions import db
from ...models import Catalogue, Department, User
from ...models.notification import MAIL_FAILED, MAIL_NONE, MAIL_PENDING, MAIL_SENT, Notification
from ...transaction import after_commit, writing

log = logging.getLogger(__name__)
MAX_MAIL_ATTEMPTS = 5

TEXTS = {
    "submitted": _l("%(department)s submitted its catalogue for %(campaign)s."),
    "returned": _l("Your catalogue for %(campaign)s was returned by the finance office: %(comment)s"),
    "withdrawn": _l("%(department)s withdrew its catalogue for %(campaign)s to change it; it will submit again."),
    "urged": _l("The finance office reminds %(department)s to submit its catalogue for %(campaign)s, due on %(date)s."),
    "approved": _l("Your catalogue for %(campaign)s was approved by the finance office."),
    "reopened": _l("Your approved catalogue for %(campaign)s was reopened by the finance office: %(comment)s"),
    "extension": _l("%(department)s has until %(date)s for its catalogue of %(campaign)s (an extension)."),
    "deadline-7": _l("The catalogue of %(department)s for %(campaign)s is due on %(date)s, in 7 days."),
    "deadline-1": _l("The catalogue of %(department)s for %(campaign)s is due tomorrow, %(date)s."),
    "request-submitted": _l("%(department)s asks to buy a service outside its catalogue: %(code)s %(name)s."),
    "request-approved": _l("Your out-of-catalogue request %(code)s %(name)s was filed as %(number)s."),
    "request-refused": _l("Your out-of-catalogue request %(code)s %(name)s was refused: %(comment)s"),
}
SUBJECT = _l("Guiding catalogue: %(text)s")


def text(notification: Notification) -> str:
    """The message in the current language."""
    return str(TEXTS[notification.kind]) % notification.params


def path(notification: Notification) -> str:
    """The address of the page the notification concerns (also outside a request: a mail from cron)."""
    values = notification.params.get("link", {})
    if has_request_context():
        return url_for(notification.link, **values)
    with current_app.test_request_context():
        return url_for(notification.link, **values)


def mail_enabled() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def notify(users, kind: str, params: dict, link: tuple, *, now: datetime, key: str | None = None) -> list:
    """Write ``kind`` to each active user of ``users`` (once per ``key``, when given) in this transaction;
    mail it after the commit to those with an address. ``link`` is (endpoint, values): the page it
    concerns, made into an address when shown or mailed."""
    endpoint, values = link
    params = {**params, "link": values}
    written = []
    for user in {u.id: u for u in users if u.active}.values():
        if key and db.session.scalar(
            select(Notification.id).where(Notification.user_id == user.id, Notification.key == key)
        ):
            continue
        mailed = mail_enabled() and bool(user.email)
        notification = Notification(
            user=user,
            kind=kind,
            params=params,
            link=endpoint,
            key=key,
            created_at=now,
            mail_status=MAIL_PENDING if mailed else MAIL_NONE,
        )
        db.session.add(notification)
        written.append(notification)
    if any(n.mail_status == MAIL_PENDING for n in written):
        db.session.flush()
        after_commit(send_mail, [n.id for n in written if n.mail_status == MAIL_PENDING])
    return written


def _already(user: User, key: str) -> bool:
    return (
        db.session.scalar(select(Notification.id).where(Notification.user_id == user.id, Notification.key == key))
        is not None
    )


def send_mail(ids) -> int:
    """Mail the notifications ``ids`` that still wait; each one's outcome is saved on its own."""
    sent = 0
    for notification in db.session.scalars(select(Notification).where(Notification.id.in_(ids))):
        if notification.mail_status not in (MAIL_PENDING, MAIL_FAILED):
            continue
        user = notification.user
        try:
            with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
                body = text(notification)
                link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path(notification)
                message = EmailMessage(
                    subject=str(SUBJECT) % {"text": body[:60]},
                    body=f"{body}\n\n{link}\n",
                    to=[user.email],
                )
                message.send()
        except Exception:
            log.warning("mail to %s failed (notification %s)", user.email, notification.id, exc_info=True)
            notification.mail_attempts += 1
            notification.mail_status = MAIL_FAILED if notification.mail_attempts < MAX_MAIL_ATTEMPTS else "abandoned"
        else:
            notification.mail_attempts += 1
            notification.mail_status = MAIL_SENT
            notification.mailed_at = clock.now()
            sent += 1
        db.session.commit()  # after the cause's commit: each outcome is kept on its own
    return sent


def retry_mail() -> int:
    """Mail what waits or failed before (``flask send-mail``, and each run of ``send-reminders``)."""
    ids = db.session.scalars(
        select(Notification.id).where(Notification.mail_status.in_((MAIL_PENDING, MAIL_FAILED)))
    ).all()
    return send_mail(ids) if ids else 0


def unread_of(user_id):
    """How many notifications the user ``user_id`` (a value or a bound parameter) has not read."""
    return select(func.count(Notification.id)).where(Notification.user_id == user_id, Notification.read_at.is_(None))


_UNREAD = "unread_when_loaded"  # an attribute of the loaded user, never a column


def known_unread(user: User, count: int) -> None:
    """Remember ``count``, read together with ``user`` (``accounts.logins.load_user``), for the request."""
    setattr(user, _UNREAD, count)


def unread_count(user: User) -> int:
    """How many notifications ``user`` has not read. A request that only reads takes the count read
    with the user at its start (nothing it does changes it); one that writes counts afresh."""
    known = getattr(user, _UNREAD, None)
    if known is not None and not writing.get():
        return known
    return db.session.execute(unread_of(user.id)).scalar_one()


def inbox(user: User, limit: int = 200) -> Sequence[Notification]:
    query = select(Notification).where(Notification.user_id == user.id)
    return db.session.scalars(query.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)).all()


def mark_read(user: User, *, now: datetime, notification_id: int | None = None) -> None:
    """Mark one notification of ``user`` (or all of them) read."""
    query = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    db.session.execute(query.values(read_at=now))


# What the workflow tells whom (called by the services that make the change, in their transaction).


def clerks_of(department: Department) -> Sequence[User]:
    return db.session.scalars(select(User).where(User.department_id == department.id, User.role == "clerk")).all()


def _finance_of(department: Department) -> Sequence[User]:
    return db.session.scalars(select(User).where(User.region_id == department.region_id, User.role == "finance")).all()


def catalogue_moved(catalogue: Catalogue, action: str, *, now: datetime, comment: str = "") -> None:
    """A catalogue was submitted (its finance office is told) or reviewed (its clerks are)."""
    department, campaign = catalogue.department, catalogue.campaign
    params = {"department": department.name, "campaign": campaign.name, "comment": comment}
    if action == "submit":
        link = ("finance.review", {"code": campaign.code, "department_code": department.code})
        notify(_finance_of(department), "submitted", params, link, now=now)
    elif action == "withdraw":
        link = ("finance.review", {"code": campaign.code, "department_code": department.code})
        notify(_finance_of(department), "withdrawn", params, link, now=now)
    elif action in ("return", "approve", "reopen"):
        kind = {"return": "returned", "approve": "approved", "reopen": "reopened"}[action]
        notify(clerks_of(department), kind, params, ("department.catalogue", {"code": campaign.code}), now=now)


def extension_granted(campaign, department, due_date, *, now: datetime) -> None:
    params = {"department": department.name, "campaign": campaign.name, "date": due_date.isoformat()}
    notify(clerks_of(department), "extension", params, ("department.catalogue", {"code": campaign.code}), now=now)


def request_moved(request, state: str, *, now: datetime) -> None:
    """An out-of-catalogue request was submitted (its finance office is told) or decided (its clerks are)."""
    department = request.department
    params = {
        "department": department.name,
        "code": request.code,
        "name": request.level3,
        "number": request.filing_number,
        "comment": request.decision_comment,
    }
    link = ("requests.show", {"request_id": request.id})
    if state == "submitted":
        notify(_finance_of(department), "request-submitted", params, link, now=now)
    else:
        notify(clerks_of(department), f"request-{state}", params, link, now=now)


def get(user: User, notification_id: int) -> Notification:
    found = db.session.get(Notification, notification_id)
    if found is None or found.user_id != user.id:
        raise NotFound()
    return found
