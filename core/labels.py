"""Every label table: what a stored code is called on a page, in a file or in a message."""

from . import budget, budget_keys, statuses, tiers
from .text import _l

STATUS_LABELS = {
    statuses.NOT_STARTED: _l("not started"),
    statuses.DRAFT: _l("draft"),
    statuses.SUBMITTED: _l("submitted"),
    statuses.RETURNED: _l("returned"),
    statuses.APPROVED: _l("approved"),
}
ROW_STATUS_LABELS = {
    statuses.ROW_NEW: _l("new"),
    statuses.ROW_CHANGED: _l("changed"),
    statuses.ROW_UNCHANGED: _l("unchanged"),
    statuses.ROW_REMOVED: _l("removed"),
    statuses.ROW_ERROR: _l("error"),
    statuses.ROW_HEADING: _l("heading"),
    statuses.ROW_NOTE: _l("note"),
    statuses.ROW_EXAMPLE: _l("example"),
    statuses.ROW_OTHER: _l("other department"),
    statuses.ROW_HIDDEN: _l("hidden"),
}
TIER_LABELS = {tier.code: tier.label for tier in tiers.TIERS}
ROLE_LABELS = {"clerk": _l("department clerk"), "finance": _l("finance office"), "admin": _l("administrator")}
FIELD_LABELS = {
    "code": _l("Code"),
    "level1_code": _l("Level-1 category"),
    "level2": _l("Level-2 name"),
    "level3": _l("Level-3 name"),
    "level4": _l("Level-4 (specific service)"),
    "description": _l("Description"),
    "remarks": _l("Remarks"),
}
ACTION_LABELS = {
    "create": _l("started the catalogue"),
    "add_item": _l("added an item"),
    "edit_item": _l("edited an item"),
    "delete_item": _l("deleted an item"),
    "move_item": _l("moved an item"),
    "reorder": _l("reordered the items"),
    "submit": _l("submitted"),
    "approve": _l("approved"),
    "return": _l("returned"),
    "reopen": _l("reopened"),
    "withdraw": _l("withdrew the submission"),
    "start_review": _l("began reviewing"),
    "remind": _l("sent a reminder"),
    "grant_extension": _l("granted an extension"),
    "remove_extension": _l("removed the extension"),
    "create_campaign": _l("created the campaign"),
    "edit_campaign": _l("edited the campaign"),
    "import": _l("imported a spreadsheet"),
    "publish": _l("published"),
    "set_eligible": _l("changed whether the department is an eligible purchaser"),
    "carry_forward": _l("started from the catalogue approved in an earlier campaign"),
    "publish_edition": _l("published the tier catalogue"),
    "login": _l("logged in"),
    "login_failed": _l("failed to log in"),
    "logout": _l("logged out"),
    "create_account": _l("created the account"),
    "edit_account": _l("edited the account"),
    "deactivate_account": _l("deactivated the account"),
    "reactivate_account": _l("reactivated the account"),
    "reset_password": _l("reset the password"),
    "set_password": _l("set the password"),
    "file_request": _l("asked for an out-of-catalogue service"),
    "update_request": _l("edited an out-of-catalogue request"),
    "submit_request": _l("submitted an out-of-catalogue request"),
    "withdraw_request": _l("withdrew an out-of-catalogue request"),
    "approve_request": _l("filed (备案) an out-of-catalogue request"),
    "dismiss_warning": _l("dismissed a negative-list warning"),
    "refuse_request": _l("refused an out-of-catalogue request"),
    "add_budget_line": _l("recorded a budget line"),
    "delete_budget_line": _l("deleted a budget line"),
    "edit_budget_line": _l("gave a budget line's budget-system keys"),
}
# How an import treated the catalogue (the audit record's "mode").
IMPORT_MODE_LABELS = {
    "update": _l("added and updated items, kept the others"),
    "replace": _l("replaced the catalogue with the file"),
}
# Keys of audit records' before/after that are not item fields.
# Whose a code is: scheme nodes (models/scheme.py) and published items (models/publication.py).
CODE_SOURCE_LABELS = {
    "official": _l("official code of the scheme"),
    "product": _l("numbered by this system, not an official code"),
    "edition": _l("code given by the tier catalogue"),
    "department": _l("the department's own numbering under the official level-1 letter"),
}
HISTORY_LABELS = {
    "status": _l("Status"),
    "position": _l("Position"),
    "order": _l("Order of the items"),
    "due_date": _l("Deadline"),
    "department": _l("Department"),
    "eligible": _l("Eligible purchaser"),
    "from_campaign": _l("Carried from campaign"),
    "items": _l("Items"),
    "to_fix": _l("Items to correct"),
    "nodes": _l("Categories"),
    "address": _l("Address"),
    "username": _l("User name"),
    "name": _l("Name"),
    "role": _l("Role"),
    "region": _l("Region"),
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "active": _l("Active"),
    "credential": _l("First password"),
    "title": _l("Title"),
    "version": _l("Version"),
    "file": _l("File"),
    "mode": _l("How"),
    "new": _l("Added"),
    "changed": _l("Changed"),
    "removed": _l("Removed"),
    "document_number": _l("Document number (文号)"),
    "reason": _l("Reason"),
    "rule": _l("Negative-list rule"),
    "keyword": _l("Words matched"),
    "budget_year": _l("Budget year"),
    "estimated_amount": _l("Estimated amount (yuan)"),
    "project_name": _l("Project name"),
    "amount": _l("Amount (yuan)"),
    "funding_source": _l("Funding source"),
    **{key.name: key.label for key in budget_keys.KEYS},
    "level1_name": FIELD_LABELS["level1_code"],  # as change reports name the category
    "notice_number": _l("Notice number (文号)"),
    "scheme": _l("Classification scheme"),
    **{f"{tier.code}_date": _l("Deadline for %(tier)s departments", tier=tier.label) for tier in tiers.TIERS},
    **{f"{tier.code}_enforced": _l("Enforce the %(tier)s deadline", tier=tier.label) for tier in tiers.TIERS},
    **FIELD_LABELS,
}
# The values of those keys a person reads as words (a status, a source, a yes or no), by key.
YES_NO = {True: _l("yes"), False: _l("no")}
CREDENTIAL_LABELS = {"password": _l("an initial password"), "link": _l("a one-time link")}
VALUE_LABELS = {
    "status": STATUS_LABELS,
    "mode": IMPORT_MODE_LABELS,
    "role": ROLE_LABELS,
    "credential": CREDENTIAL_LABELS,
    "funding_source": budget.FUNDING_LABELS,
    "eligible": YES_NO,
    "active": YES_NO,
    **{f"{tier.code}_enforced": YES_NO for tier in tiers.TIERS},
}


def label(table: dict, key: str) -> str:
    """The label of ``key`` in ``table`` as text, or the key itself when it has none."""
    found = table.get(key)
    return str(found) if found is not None else key
