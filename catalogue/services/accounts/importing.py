"""Creating accounts from a spreadsheet: the same rules as the account form for every row, a preview
with every error at its cell, then all accounts or none, each with its first credential."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete

from imports.accounts import AccountRow, cell_error, read_accounts

from ...errors import Invalid, NotFound, Refused
from ...extensions import db
from ...models import AccountUpload
from ..kernel.permissions import Actor, require_account_manager
from ..kernel.uploads import check_size
from .admin import Credential, check_account, create_account

KEEP_UPLOADS = timedelta(days=2)


@dataclass
class AccountPlan:
    rows: list = field(default_factory=list)  # (AccountRow, errors: list[CellError])
    skipped: list = field(default_factory=list)  # (sheet, row, reason)
    sheets: list = field(default_factory=list)  # (name, read, reason)

    @property
    def errors(self):
        return [error for _row, errors in self.rows for error in errors]

    @property
    def has_errors(self):
        return any(errors for _row, errors in self.rows)


def plan_accounts(manager: Actor, content: bytes) -> AccountPlan:
    """What creating the accounts of ``content`` would do; FileRejected if it cannot be read."""
    require_account_manager(manager)
    check_size(len(content))
    found = read_accounts(content)
    plan = AccountPlan(skipped=found.skipped, sheets=found.sheets)
    seen: dict[str, AccountRow] = {}
    for row in found.rows:
        _clean, problems = check_account(manager, row.data)
        errors = [cell_error(row, name, message) for name, messages in problems.items() for message in messages]
        username = row.data.get("username", "")
        if username in seen:
            first = seen[username]
            message = _l("The user name %(name)s is already in row %(row)d.", name=username, row=first.row)
            errors.append(cell_error(row, "username", message))
        seen.setdefault(username, row)
        plan.rows.append((row, errors))
    return plan


def store(manager: Actor, *, filename: str, content: bytes, now: datetime) -> AccountUpload:
    require_account_manager(manager)
    db.session.execute(delete(AccountUpload).where(AccountUpload.created_at < now - KEEP_UPLOADS))
    upload = AccountUpload(
        user_id=manager.id,
        filename=(filename or "accounts.xlsx")[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        created_at=now,
    )
    db.session.add(upload)
    db.session.flush()
    return upload


def get_upload(manager: Actor, upload_id: int) -> AccountUpload:
    require_account_manager(manager)
    upload = db.session.get(AccountUpload, upload_id)
    if upload is None or upload.user_id != manager.id:
        raise NotFound()
    return upload


def create_from(manager: Actor, upload: AccountUpload, *, credential: str, now: datetime) -> list[Credential]:
    """Create every account of the upload, or none if any row is wrong."""
    plan = plan_accounts(manager, upload.content)
    if plan.has_errors:
        raise Refused(_l("The file still has errors; correct them and upload it again."))
    if not plan.rows:
        raise Refused(_l("The file holds no account to create."))
    issued = []
    for row, _errors in plan.rows:
        try:
            issued.append(create_account(manager, data=row.data, credential=credential, now=now))
        except Invalid as error:  # a name taken since the preview: nothing is kept
            raise Refused(_l("The accounts changed since the preview: upload the file again.")) from error
    db.session.execute(delete(AccountUpload).where(AccountUpload.id == upload.id))
    return issued
