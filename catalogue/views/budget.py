"""Budget lines: the clerk records the department's, citing its effective catalogue; the finance
office reads the totals of its region and downloads them."""

from decimal import Decimal
from io import BytesIO

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from core.budget import FUNDING_LABELS
from exports import XLSX_MIMETYPE
from exports.budget import budget_workbook
from forms.budget import BudgetLineForm
from forms.items import VersionForm

from ..clock import now
from ..services import budget, effective
from ..services.errors import Invalid
from .common import copy_errors, role_required

bp = Blueprint("budget", __name__, url_prefix="/budget")


def _year(moment):
    try:
        year = int(request.args.get("year", moment.year + 1))
    except ValueError:
        year = moment.year + 1
    return year if year in budget.years(moment) else moment.year + 1


@bp.get("/")
@role_required("clerk")
def index():
    moment, department = now(), current_user.department
    year = _year(moment)
    lines = budget.lines_of(current_user, department, year)
    return render_template(
        "budget/index.html",
        department=department,
        year=year,
        years=budget.years(moment),
        lines=lines,
        total=sum((line.amount for line in lines), start=Decimal("0.00")),
        delete_form=VersionForm(),
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required("clerk")
def new():
    moment, department = now(), current_user.department
    form = BudgetLineForm()
    form.set_years(budget.years(moment))
    if not form.is_submitted():
        form.budget_year.data = str(_year(moment))
        form.code.data = (request.args.get("code") or "").strip().upper()[:20]
    missing = None
    if form.validate_on_submit():
        try:
            line = budget.add_line(current_user, department, data=form.data_for_service(), now=moment)
        except budget.NotInCatalogue as error:
            copy_errors(form, error.errors)
            missing = error.code
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash(
                _("Budget line “%(project)s” recorded under %(code)s.", project=line.project_name, code=line.code),
                "success",
            )
            return redirect(url_for("budget.index", year=line.budget_year))
    entries = effective.effective_catalogue(department, moment.astimezone(effective.SHANGHAI).date())
    status = 400 if form.errors else 200
    return render_template("budget/form.html", form=form, entries=entries, missing=missing), status


@bp.post("/<int:line_id>/delete")
@role_required("clerk")
def delete(line_id):
    line = budget.get_line(current_user, line_id)
    year, project = line.budget_year, line.project_name
    budget.delete_line(current_user, line, now=now())
    flash(_("Budget line “%(project)s” deleted.", project=project), "success")
    return redirect(url_for("budget.index", year=year))


def _totals():
    moment = now()
    return budget.totals(current_user, _year(moment), now=moment), moment


@bp.get("/totals")
@role_required("finance", "admin")
def totals():
    found, moment = _totals()
    return render_template("budget/totals.html", totals=found, years=budget.years(moment))


@bp.get("/totals.xlsx")
@role_required("finance", "admin")
def totals_xlsx():
    found, _moment = _totals()
    flagged = {line.id for line in found.flagged}
    rows = [
        {
            "部门编码": line.department.code,
            "部门": line.department.name,
            "项目名称": line.project_name,
            "目录编码": line.code,
            "一级目录": line.level1_name,
            "二级目录": line.level2,
            "三级目录": line.level3,
            "金额（元）": line.amount,
            "资金来源": FUNDING_LABELS[line.funding_source],
            "依据": "目录外事项备案" if line.basis == "request" else "已发布目录",
            "备注": line.notes,
            "提示": "该编码已不在部门现行目录中" if line.id in flagged else "",
        }
        for line in found.lines
    ]
    content = budget_workbook(
        f"{found.year}年度政府购买服务预算",
        rows,
        {
            "department": found.by_department,
            "category": found.by_category,
            "source": found.by_source,
            "total": found.total,
        },
    )
    return send_file(
        BytesIO(content),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=f"{found.year}年度政府购买服务预算.xlsx",
    )
