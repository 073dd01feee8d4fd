"""Budget lines from a spreadsheet: the form's rules for every row, a preview with every error at its
cell, then all lines or none."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete

from imports.budget_lines import cell_error, looks_like_wan, read_lines

from ...errors import NotFound, Refused
from ...extensions import db
from ...models import BudgetUpload, Department
from ...transaction import flush
from ..kernel.permissions import Actor, require_clerk_of
from ..kernel.uploads import check_size
from . import budget_lines

KEEP_UPLOADS = timedelta(days=2)


@dataclass
class LinePlan:
    rows: list = field(default_factory=list)  # (TableRow, clean, entry, errors: list[CellError], missing code)
    skipped: list = field(default_factory=list)  # (sheet, row, reason)
    sheets: list = field(default_factory=list)  # (name, read, reason)
    notes: list = field(default_factory=list)  # CellNote: the unit each sheet states, and what it did
    unsure_unit: list = field(default_factory=list)  # sheets stating no unit whose amounts look like 万元
    warnings: list = field(default_factory=list)  # per row, in order: the negative list's hits

    @property
    def errors(self):
        return [error for *_rest, errors, _missing in self.rows for error in errors]

    @property
    def has_errors(self):
        return bool(self.errors)

    @property
    def missing(self):
        """The codes not in the effective catalogue, each once: what to ask the finance office for."""
        return sorted({missing for *_rest, missing in self.rows if missing})

    @property
    def total(self):
        return sum((clean["amount"] for _row, clean, *_rest in self.rows if clean.get("amount")), start=Decimal(0))


def plan_lines(user: Actor, department: Department, content: bytes, *, year: int, now: datetime) -> LinePlan:
    """What recording the lines of ``content`` would do (a row without a 预算年度 is for ``year``);
    FileRejected if the file cannot be read."""
    require_clerk_of(user, department)
    check_size(len(content))
    found = read_lines(content)
    plan = LinePlan(skipped=found.skipped, sheets=found.sheets, notes=found.notes, unsure_unit=looks_like_wan(found))
    for row in found.rows:
        data = {**row.data, "budget_year": row.data.get("budget_year") or year}
        clean, entry, problems, missing = budget_lines.problems(department, data, now)
        errors = [cell_error(row, name, message) for name, messages in problems.items() for message in messages]
        plan.rows.append((row, clean, entry, errors, missing))
        line_year = clean["budget_year"] if isinstance(clean["budget_year"], int) else year  # a wrong one: its error
        plan.warnings.append(budget_lines.line_hits(clean["project_name"], clean["notes"], line_year))
    return plan


def store(user: Actor, department: Department, *, filename: str, content: bytes, now: datetime) -> BudgetUpload:
    require_clerk_of(user, department)
    db.session.execute(delete(BudgetUpload).where(BudgetUpload.created_at < now - KEEP_UPLOADS))
    upload = BudgetUpload(
        user_id=user.id,
        department=department,
        filename=(filename or "budget.xlsx")[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        created_at=now,
    )
    db.session.add(upload)
    flush()
    return upload


def get_upload(user: Actor, upload_id: int) -> BudgetUpload:
    upload = db.session.get(BudgetUpload, upload_id)
    if upload is None or upload.user_id != user.id:
        raise NotFound()
    require_clerk_of(user, upload.department)
    return upload


def record_all(user: Actor, upload: BudgetUpload, *, year: int, now: datetime, in_yuan: bool = False) -> list:
    """Record every line of the upload, or none if any row is wrong. A file that states no unit and
    whose amounts look like 万元 is recorded only once someone confirms they are in yuan (``in_yuan``)."""
    plan = plan_lines(user, upload.department, upload.content, year=year, now=now)
    if plan.has_errors:
        raise Refused(_l("The file still has errors; correct them and upload it again."))
    if plan.unsure_unit and not in_yuan:
        raise Refused(
            _l(
                "The file does not say whether its amounts are in yuan or 万元: confirm that they are in yuan, "
                "or state 单位：万元 above the table and upload it again."
            )
        )
    if not plan.rows:
        raise Refused(_l("The file holds no budget line."))
    lines = [
        budget_lines.record(user, upload.department, clean, entry, now) for _row, clean, entry, _e, _m in plan.rows
    ]
    db.session.execute(delete(BudgetUpload).where(BudgetUpload.id == upload.id))
    return lines
