"""Create forms that make one record however often they are sent. Each form carries a single-use
token (``forms.base.SingleUse``); the service that creates takes it first (``take``) and says what it
made (``made``). A second sending, a double click or a page sent again, finds the token taken and is
told what the first made (``AlreadyMade``), also when both arrive at once: the second waits for the
first on the token's key (PostgreSQL) or on the write lock (SQLite)."""

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from ...errors import AlreadyMade, NotFound
from ...extensions import db
from ...models import FormUse
from .permissions import Actor

KEEP = timedelta(days=2)  # a form left open longer is sent as a new one


def take(user: Actor, token: str | None, now: datetime) -> None:
    """Claim ``token`` for what is about to be made; AlreadyMade when it was claimed before."""
    if not token:
        return  # a client that sends none (the command line, an API) is not protected, nor hindered
    used = db.session.get(FormUse, token)
    if used is None:
        db.session.execute(delete(FormUse).where(FormUse.created_at < now - KEEP))
        try:
            with db.session.begin_nested():
                db.session.add(FormUse(token=token, user_id=user.id, created_at=now))
                db.session.flush()
            return
        except IntegrityError:  # claimed meanwhile, by a request that has committed since
            used = db.session.get(FormUse, token)
    if used is None or used.user_id != user.id:
        raise NotFound()
    raise AlreadyMade(used.kind, used.made_id)


def made(token: str | None, kind: str, made_id: int) -> None:
    """Record what the first use of ``token`` made, for a second sending to be led to it."""
    if token:
        used = db.session.get(FormUse, token)
        if used is not None:
            used.kind, used.made_id = kind, made_id
