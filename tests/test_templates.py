"""Templates show what a service decided; they never restate a rule by comparing a status, a workflow
move, a role or a budget basis with a literal, nor call a service for each row."""

import re
from pathlib import Path

from catalogue.models import ROLES
from core import budget, statuses

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
VOCABULARY = {
    *statuses.PROGRESS,
    *statuses.TRANSITIONS,
    *budget.REQUEST_STATUSES,
    *ROLES,
    budget.FROM_LIST,
    budget.FROM_REQUEST,
    *statuses.IMPORT_MODES,
}
# ``== 'approved'``, ``!= "submitted"``, ``in ('return', …)``
COMPARED = re.compile(r"""(?:==|!=)\s*['"](\w+)['"]|\bin\s*\(\s*((?:['"]\w+['"]\s*,?\s*)+)\)""")


def _compared_literals(text: str) -> set[str]:
    found = set()
    for equal, listed in COMPARED.findall(text):
        found |= {equal} if equal else set(re.findall(r"\w+", listed))
    return found & VOCABULARY


def test_no_template_compares_the_domain_vocabulary():
    offending = {
        str(path.relative_to(TEMPLATES)): sorted(_compared_literals(path.read_text()))
        for path in TEMPLATES.rglob("*.html")
        if _compared_literals(path.read_text())
    }
    assert offending == {}


def test_the_guard_sees_the_comparisons_it_forbids():
    assert _compared_literals("{% if row.status != 'approved' %}") == {"approved"}
    assert _compared_literals("{{ 'x' if event.action in ('return', 'approve') else 'y' }}") == {"return", "approve"}
    assert _compared_literals("{% if wanted.status == 'active' %}") == set()  # a filter's own value


def test_no_service_is_handed_to_the_templates(app):
    """A service given to the templates would be called from them, a row at a time (the negative list's
    hits once were): what they show comes computed, with the page's state (``state.hits``)."""
    handed = {**app.jinja_env.globals, **app.jinja_env.filters}
    assert [
        name for name, value in handed.items() if getattr(value, "__module__", "").startswith("catalogue.services")
    ] == []
