"""Purchase-of-services budget lines (政府购买服务预算).

"已纳入《目录》但没有安排预算的事项，不得实施" (财综〔2020〕57号): a line cites a code of the department's
effective catalogue on the day it is recorded, or it is refused, with the way to ask for the service.
Finance sees the totals of its region."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core import budget, budget_keys
from core.caching import BoundedCache
from core.characters import refusals
from core.negative_list import Hit, screen_fields

from ...clock import local_day
from ...errors import Invalid, NotFound
from ...extensions import db
from ...models import BudgetLine, Department
from ...transaction import check_version, flush
from ..kernel import audit
from ..kernel.generations import Generation
from ..kernel.once import made, take
from ..kernel.permissions import Actor, require_clerk_of
from . import effective

PROJECT_MAX, NOTES_MAX = 200, 1000


def line_hits(project_name: str, notes: str, year: int) -> list[Hit]:
    """What the negative list says of a budget line's project (its name read as a service's name,
    its notes as the description), under the measures in force for its year: a works project booked
    under a service's code (办公楼维修改造工程 under 物业管理服务) is what 87号 was written against.
    By the rules alone: a project is named as budgets name them (…补助资金, …专项经费), not as the
    items the resemblance learned from, and the item it cites was screened as an item."""
    fields = {"level3": project_name or "", "description": notes or ""}
    return screen_fields(fields, "2020" if year >= 2020 else "2014", resemble=False)


class NotInCatalogue(Invalid):
    """The code is not in the department's effective catalogue: the form offers to ask for it."""

    def __init__(self, errors: dict, code: str):
        super().__init__(errors)
        self.code = code


def years(now: datetime) -> list[int]:
    """The budget years a line may be recorded for: last year to two years ahead."""
    return list(range(now.year - 1, now.year + 3))


def problems(
    department: Department, data: dict, now: datetime
) -> tuple[dict, effective.Entry | None, dict, str | None]:
    """A line's cleaned fields, its catalogue entry, the errors of each field and, when the code is
    not in the effective catalogue, that code: what the form and the spreadsheet both show."""
    clean: dict[str, Any] = {
        "project_name": (data.get("project_name") or "").strip(),
        "code": (data.get("code") or "").strip().upper(),
        "notes": (data.get("notes") or "").strip(),
        "funding_source": data.get("funding_source") or "",
        "budget_year": data.get("budget_year"),
    }
    errors = refusals(
        [
            ("project_name", clean["project_name"], _l("Project name"), False),
            ("code", clean["code"], _l("Catalogue code"), False),
            ("notes", clean["notes"], _l("Notes"), True),
        ]
    )
    if not clean["project_name"] and "project_name" not in errors:
        errors["project_name"] = [_l("Give the project's name.")]
    elif len(clean["project_name"]) > PROJECT_MAX:
        errors["project_name"] = [_l("At most %(max)d characters.", max=PROJECT_MAX)]
    if len(clean["notes"]) > NOTES_MAX:
        errors["notes"] = [_l("At most %(max)d characters.", max=NOTES_MAX)]
    if clean["budget_year"] not in years(now):
        first, *_rest, last = years(now)
        errors["budget_year"] = [_l("Give the budget year, from %(first)d to %(last)d.", first=first, last=last)]
    if clean["funding_source"] not in budget.FUNDING_SOURCES:
        errors["funding_source"] = [_l("Choose the funding source.")]
    clean["amount"], message = budget.amount(data.get("amount"))
    if message:
        errors["amount"] = [message]
    keys, key_errors = budget_keys.check(data)
    clean.update(keys)
    for name, messages in key_errors.items():
        errors.setdefault(name, messages)
    entry, missing = None, None
    if not clean["code"] and "code" not in errors:
        errors["code"] = [_l("Give the catalogue code the project buys under.")]
    elif "code" not in errors:
        day = local_day(now)
        entry = effective.lookup(department, clean["code"], day)
        if entry is None:
            missing = clean["code"]
            errors["code"] = [
                _l(
                    "%(code)s is not in your department's effective catalogue on %(day)s; only catalogued services may "
                    "be budgeted. Ask the finance office to file it first.",
                    code=clean["code"],
                    day=day.isoformat(),
                )
            ]
    return clean, entry, errors, missing


def _checked(department: Department, data: dict, now: datetime) -> tuple[dict, effective.Entry]:
    clean, entry, errors, missing = problems(department, data, now)
    if missing:
        raise NotInCatalogue(errors, missing)
    if errors or entry is None:
        raise Invalid(errors)
    return clean, entry


def add_line(user: Actor, department: Department, *, data: dict, now: datetime, once: str | None = None) -> BudgetLine:
    """A budget line from the form (``once``: its single-use token)."""
    require_clerk_of(user, department)
    take(user, once, now)
    clean, entry = _checked(department, data, now)
    line = record(user, department, clean, entry, now)
    made(once, "budget_line", line.id)
    return line


def record(user: Actor, department: Department, clean: dict, entry: effective.Entry, now: datetime) -> BudgetLine:
    """Write a checked line, with what its code was in the catalogue, and audit it."""
    line = BudgetLine(
        department=department,
        created_by_id=user.id,
        created_at=now,
        basis=entry.basis,
        publication_id=entry.publication.id if entry.publication else None,
        request_id=entry.request.id if entry.request else None,
        level1_name=entry.level1_name,
        level2=entry.level2,
        level3=entry.level3,
        **clean,
    )
    db.session.add(line)
    flush()
    audit.record(user, "add_budget_line", line, after=_snapshot(line), at=now)
    return line


def _snapshot(line: BudgetLine) -> dict:
    return {
        "budget_year": line.budget_year,
        "project_name": line.project_name,
        "code": line.code,
        "amount": str(line.amount),
        "funding_source": line.funding_source,
        **{name: getattr(line, name) for name in budget_keys.NAMES if getattr(line, name)},
    }


def update_keys(user: Actor, line: BudgetLine, *, data: dict, expected_version: int | None, now: datetime) -> bool:
    """Give or correct a line's integration keys (the contract and the performance target come when
    the purchase is made); the rest of the line stays. ``expected_version`` is the line's version the
    page showed: a line changed since is refused (StaleEdit), so that another clerk's keys are not
    put back. A key left as saved is not checked again. Whether anything changed (audited if so)."""
    require_clerk_of(user, line.department)
    check_version(line.version, expected_version)
    keys, errors = budget_keys.check(data)
    before = {name: getattr(line, name) for name in budget_keys.NAMES}
    changed = {name: value for name, value in keys.items() if value != before[name]}
    # a key saved before a rule was tightened (a class the 2018 economic classification dropped) stays
    # as it is while the person leaves it: only what they change is held to today's rules
    errors = {name: messages for name, messages in errors.items() if name in changed}
    if errors:
        raise Invalid(errors)
    if not changed:
        return False
    for name, value in changed.items():
        setattr(line, name, value)
    flush()
    audit.record(
        user,
        "edit_budget_line",
        line,
        before={name: before[name] for name in changed},
        after=changed,
        at=now,
    )
    return True


def get_line(user: Actor, line_id: int) -> BudgetLine:
    line = db.session.get(BudgetLine, line_id)
    if line is None or not (user.is_clerk and user.department_id == line.department_id):
        raise NotFound()
    return line


def delete_line(user: Actor, line: BudgetLine, *, now: datetime) -> None:
    require_clerk_of(user, line.department)
    audit.record(user, "delete_budget_line", line, before=_snapshot(line), at=now)
    db.session.delete(line)
    flush()


# Performance: the catalogue check answers from per-process caches without a statement most of the
# time; the budget lines it reports are kept per department under their own generation (lines are
# only added or deleted: their count and highest id change with either).
BUDGET_GENERATION = Generation(select(func.count(BudgetLine.id), func.max(BudgetLine.id)))
_budgeted = BoundedCache(16 * 1024 * 1024)


def budgeted(department, code: str, year: int) -> tuple[int, Decimal]:
    """How many budget lines of ``department`` cite ``code`` for ``year``, and their sum: "已纳入《目录》
    但没有安排预算的事项，不得实施" (财综〔2020〕57号), so a budget system asks both questions at once."""
    key = (BUDGET_GENERATION.read(), department.id)
    hit = _budgeted.get(key)
    if hit is None:
        sums = {
            (row.code, row.budget_year): (row.lines, Decimal(row.total).quantize(budget.FEN))
            for row in db.session.execute(
                select(
                    BudgetLine.code,
                    BudgetLine.budget_year,
                    func.count(BudgetLine.id).label("lines"),
                    func.sum(BudgetLine.amount).label("total"),
                )
                .where(BudgetLine.department_id == department.id)
                .group_by(BudgetLine.code, BudgetLine.budget_year)
            )
        }
        hit = (sums, 200 + 100 * len(sums))
        _budgeted.put(key, *hit)
    return hit[0].get((code, year), (0, Decimal("0.00")))


def lines_of(user: Actor, department: Department, year: int) -> Sequence[BudgetLine]:
    require_clerk_of(user, department)
    return db.session.scalars(
        select(BudgetLine)
        .where(BudgetLine.department_id == department.id, BudgetLine.budget_year == year)
        .order_by(BudgetLine.code, BudgetLine.id)
    ).all()


@dataclass
class Totals:
    year: int
    lines: list = field(default_factory=list)
    total: Decimal = Decimal("0.00")
    by_department: dict = field(default_factory=dict)  # name -> amount
    by_category: dict = field(default_factory=dict)  # (level1, level2) -> amount
    by_source: dict = field(default_factory=dict)  # funding source -> amount
    flagged: list = field(default_factory=list)  # lines whose code left the effective catalogue
    warned: dict = field(default_factory=dict)  # line id -> its negative-list hits


def totals(user: Actor, year: int, *, now: datetime) -> Totals:
    """The budget lines of the year of the departments ``user`` reviews, summed three ways; a line
    is flagged when its code is no longer in its department's effective catalogue today."""
    if not (user.is_finance or user.is_admin):
        raise NotFound()
    query = (
        select(BudgetLine)
        .join(Department, BudgetLine.department_id == Department.id)
        .where(BudgetLine.budget_year == year)
        .order_by(Department.code, BudgetLine.code, BudgetLine.id)
    )
    if user.is_finance:
        query = query.where(Department.region_id == user.region_id)
    result = Totals(year, list(db.session.scalars(query)))
    sums: dict[str, defaultdict[Any, Decimal]] = {
        "department": defaultdict(Decimal),
        "category": defaultdict(Decimal),
        "source": defaultdict(Decimal),
    }
    today = local_day(now)
    catalogues = {}
    for line in result.lines:
        result.total += line.amount
        sums["department"][line.department.name] += line.amount
        sums["category"][(line.level1_name, line.level2)] += line.amount
        sums["source"][line.funding_source] += line.amount
        if line.department_id not in catalogues:
            catalogues[line.department_id] = {e.code for e in effective.effective_catalogue(line.department, today)}
        if line.code not in catalogues[line.department_id]:
            result.flagged.append(line)
        hits = line_hits(line.project_name, line.notes, line.budget_year)
        if hits:
            result.warned[line.id] = hits
    result.by_department = dict(sorted(sums["department"].items()))
    result.by_category = dict(sorted(sums["category"].items()))
    result.by_source = {source: sums["source"][source] for source in budget.FUNDING_SOURCES if source in sums["source"]}
    return result
