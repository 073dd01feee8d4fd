"""The catalogue status vocabulary and its legal moves (the database holds a CHECK on ``STATUSES``)."""

DRAFT, SUBMITTED, RETURNED, APPROVED = "draft", "submitted", "returned", "approved"
STATUSES = (DRAFT, SUBMITTED, RETURNED, APPROVED)
EDITABLE = (DRAFT, RETURNED)  # the department may change its items
DONE = (SUBMITTED, APPROVED)  # handed in: never overdue
NOT_STARTED = "not_started"  # a department without a catalogue yet; shown, never stored
PROGRESS = (NOT_STARTED, *STATUSES)

# action: (statuses it may start from, status it leads to)
TRANSITIONS = {
    "submit": ((DRAFT, RETURNED), SUBMITTED),
    "approve": ((SUBMITTED,), APPROVED),
    "return": ((SUBMITTED,), RETURNED),
    "reopen": ((APPROVED,), RETURNED),
    # the department takes its submission back before the finance office begins reviewing it
    "withdraw": ((SUBMITTED,), DRAFT),
}


# who speaks in each move that may carry a comment (the conversation about a catalogue)
BY_FINANCE = ("return", "approve", "reopen")
BY_DEPARTMENT = ("submit",)


def allowed_actions(status: str) -> set[str]:
    return {action for action, (sources, _target) in TRANSITIONS.items() if status in sources}


# What each row of an uploaded spreadsheet becomes in an import plan.
ROW_NEW, ROW_CHANGED, ROW_UNCHANGED, ROW_REMOVED, ROW_ERROR = "new", "changed", "unchanged", "removed", "error"
# Rows of a file that are not items: each non-empty row is one of these or an item status above.
ROW_HEADING, ROW_NOTE, ROW_EXAMPLE, ROW_OTHER = "heading", "note", "example", "other_department"
ROW_HIDDEN = "hidden"  # hidden in the workbook: not imported unless asked for
ROW_STATUSES = (ROW_NEW, ROW_CHANGED, ROW_UNCHANGED, ROW_REMOVED, ROW_ERROR)
ROW_SKIPPED = (ROW_HEADING, ROW_NOTE, ROW_EXAMPLE, ROW_OTHER, ROW_HIDDEN)
ROW_KINDS = ROW_STATUSES + ROW_SKIPPED

# How a file is applied: add and update only, or replace the catalogue (what the file lacks is removed).
IMPORT_UPDATE, IMPORT_REPLACE = "update", "replace"
IMPORT_MODES = (IMPORT_UPDATE, IMPORT_REPLACE)
