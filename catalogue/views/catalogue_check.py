"""GET /api/v1/catalogue-check: is a service in a department's catalogue on a day, and is it
budgeted for that day's year (the department's budget lines citing it)? Both are needed before a
catalogued service is carried out (财综〔2020〕57号). For budget and payment systems; public,
read-only, cached like the rest of the API (its blueprint's headers)."""

from datetime import date

from flask import jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest, NotFound

from ..clock import local_day, now
from ..services.budget import budget_lines, effective
from .api import bp

CODE_MAX = 20


def _arguments():
    args = request.args
    department_code = args.get("department") or ""
    code = (args.get("code") or "").upper()
    if not department_code:
        raise BadRequest(_("department is required: the department's code, e.g. 530000007."))
    if not code or len(code) > CODE_MAX or not (code.isascii() and code.isalnum()):
        raise BadRequest(_("code is required: the catalogue code, letters and digits, e.g. A0101001."))
    given = args.get("date")
    if given:
        try:
            day = date.fromisoformat(given)
        except ValueError:
            raise BadRequest(_("date must be a day as YYYY-MM-DD.")) from None
    else:
        day = local_day(now())
    department = effective.department_by_code(department_code)
    if department is None:
        raise NotFound(_("No department has the code %(code)s.", code=department_code))
    return department, code, day


@bp.get("/catalogue-check")
def catalogue_check():
    department, code, day = _arguments()
    entry = effective.lookup(department, code, day)
    lines, amount = budget_lines.budgeted(department, code, day.year)
    publication = entry.publication if entry else None
    filed = entry.request if entry else None
    return jsonify(
        {
            "in_catalogue": entry is not None,
            "basis": entry.basis if entry else None,
            "publication": {
                "id": publication.id,
                "version": publication.version,
                "document_number": publication.document_number,
                "effective_date": publication.effective_date.isoformat(),
            }
            if publication
            else None,
            "request": {
                "id": filed.id,
                "filing_number": filed.filing_number,
                "approved_at": filed.decided_at.isoformat(),
            }
            if filed
            else None,
            "item": entry.item() if entry else None,
            "budget": {"year": day.year, "budgeted": lines > 0, "lines": lines, "amount": str(amount)},
            "message": effective.explain(department, code, day, entry),
            "department": department.code,
            "date": day.isoformat(),
        }
    )
