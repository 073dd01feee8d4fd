"""Every user's inbox: what concerns them, newest first."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..clock import now
from ..services.kernel import notifications

bp = Blueprint("inbox", __name__, url_prefix="/inbox")


@bp.get("/")
@login_required
def index():
    return render_template("inbox.html", items=notifications.inbox(current_user), text=notifications.text)


@bp.post("/read")
@login_required
def read_all():
    notifications.mark_read(current_user, now=now())
    return redirect(url_for(".index"))


@bp.post("/<int:notification_id>/open")
@login_required
def open_one(notification_id):
    """Mark it read and go to the page it is about."""
    found = notifications.get(current_user, notification_id)
    notifications.mark_read(current_user, now=now(), notification_id=found.id)
    return redirect(notifications.path(found))
