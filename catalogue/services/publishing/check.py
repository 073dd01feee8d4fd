"""What publishing would do now, checked before anything is public: the departments and items, the
change report, the refusals; and the fingerprint that lets the confirmation refuse a changed state."""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core.statuses import APPROVED

from ...errors import Refused
from ...extensions import db
from ...models import Publication, Scheme
from ..catalogues.diffing import diff_campaigns, diff_items
from ..catalogues.progress import ProgressRow


@dataclass
class Consolidation:
    """What publishing would take: the region's departments and the items of the approved catalogues,
    with what a reviewer checks before publishing (duplicates, warnings, codes off their category)."""

    rows: list[ProgressRow]  # progress rows of the region's departments
    items: list[dict]  # items of the approved catalogues
    by_department: Counter = field(default_factory=Counter)
    by_level1: Counter = field(default_factory=Counter)
    duplicates: dict = field(default_factory=dict)  # level-3 name -> items of several departments
    negative: list = field(default_factory=list)  # (item, hits)
    mismatched: list = field(default_factory=list)  # items whose code letter is not their level-1 code

    @property
    def not_approved(self) -> list[ProgressRow]:
        return [row for row in self.rows if row.status != APPROVED]


@dataclass
class PublishPlan:
    """The list a publish would make: ``items`` numbered as they would be, ``current`` the version it
    would supersede, ``changes`` the report against ``baseline`` (the current version, or for a first
    edition the list of the campaign before, compared over the departments in both)."""

    consolidation: Consolidation
    items: list[dict]
    current: Publication | None
    baseline: Publication | None
    changes: dict | None
    department_total: int  # eligible departments the campaign expects of the region (or 1: its own list)
    fingerprint: str
    current_items: list[dict] = field(default_factory=list)  # the items of ``current``
    requests: list = field(default_factory=list)  # the filed requests it carries as items

    @property
    def new_requests(self) -> list:
        """The requests this version carries for the first time."""
        return [request for request in self.requests if request.folded_into_id is None]

    @property
    def version(self) -> int:
        return self.current.version + 1 if self.current else 1

    @property
    def department_count(self) -> int:
        return len(self.consolidation.by_department)

    @property
    def missing(self) -> int:
        """Departments the campaign expects that the list does not hold."""
        return max(self.department_total - self.department_count, 0)

    @property
    def against_campaign(self) -> bool:
        return self.baseline is not None and self.baseline is not self.current


def fingerprint(current: Publication | None, items: list[dict]) -> str:
    """Changes when the version in force or anything of the items does: a confirmation built on an
    earlier state (a second tab, a double click) no longer matches. It starts with the id of the
    version in force, so a refusal can say which changed."""
    document = json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    return f"{current.id if current else 0}-{hashlib.sha256(document.encode('utf-8')).hexdigest()}"


def identical(current: Publication | None, items: list[dict], current_items, title: str, effective_date: date) -> bool:
    """The same items, title and effective date as the version in force: nothing to correct."""
    return current is not None and (current_items, current.title, current.effective_date) == (
        items,
        title,
        effective_date,
    )


def document_number_in_use(document_number: str) -> str | None:
    """The title of a list or tier catalogue already published under this 文号, if any."""
    lists = select(Publication.title, Publication.version).where(Publication.document_number == document_number)
    found = db.session.execute(lists.limit(1)).first()
    if found is not None:
        return f"{found.title} (v{found.version})"
    return db.session.scalar(select(Scheme.name).where(Scheme.document_number == document_number).limit(1))


def refuse_reused_document_number(document_number: str) -> None:
    used_by = document_number_in_use(document_number)
    if used_by is not None:
        raise Refused(
            _l(
                "The document number %(number)s is already used by “%(title)s”; every publication has its own.",
                number=document_number,
                title=used_by,
            )
        )


def refuse_stale(plan: PublishPlan, expected_fingerprint: str | None) -> None:
    """The confirmation must be of the state it was shown."""
    if expected_fingerprint is None or expected_fingerprint == plan.fingerprint:
        return
    if expected_fingerprint.partition("-")[0] != plan.fingerprint.partition("-")[0] and plan.current is not None:
        raise Refused(
            _l(
                "Version %(version)d was published meanwhile; nothing was published. Check the list again before "
                "publishing.",
                version=plan.current.version,
            )
        )
    raise Refused(_l("The catalogues changed after you checked the list; nothing was published. Check the list again."))


def changes_against(current, current_items, previous_campaign, previous_items, items) -> tuple:
    """(baseline, report): against the version in force, or for a first edition against the list of
    the campaign before (over the departments in both)."""
    if current is not None:
        return current, diff_items(current_items, items)
    if previous_campaign is not None:
        return previous_campaign, diff_campaigns(previous_items, items)
    return None, None
