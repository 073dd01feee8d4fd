"""Budget lines: the clerk records the department's, citing its effective catalogue; the finance
office reads the totals of its region and downloads them."""

from decimal import Decimal
from io import BytesIO

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from core.budget import BASIS_NAMES, FUNDING_NAMES
from exports import XLSX_MIMETYPE
from exports.budget import budget_workbook
from forms.budget import BudgetLineForm, BudgetUploadForm, LineKeysForm
from forms.items import VersionForm
from imports.errors import FileRejected

from ..clock import local_day, now
from ..errors import AlreadyMade, Invalid, Refused, StaleEdit
from ..services.budget import budget_lines, effective, importing
from ..services.kernel.permissions import REVIEWERS
from .common import already_made, copy_errors, flash_saved, refused, role_required

bp = Blueprint("budget", __name__, url_prefix="/budget")


def _year(moment):
    try:
        year = int(request.args.get("year", moment.year + 1))
    except ValueError:
        year = moment.year + 1
    return year if year in budget_lines.years(moment) else moment.year + 1


@bp.get("/")
@role_required("clerk")
def index():
    moment, department = now(), current_user.department
    year = _year(moment)
    lines = budget_lines.lines_of(current_user, department, year)
    return render_template(
        "budget/index.html",
        department=department,
        year=year,
        years=budget_lines.years(moment),
        lines=lines,
        hits={line.id: budget_lines.line_hits(line.project_name, line.notes, line.budget_year) for line in lines},
        total=sum((line.amount for line in lines), start=Decimal("0.00")),
        delete_form=VersionForm(),
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required("clerk")
def new():
    moment, department = now(), current_user.department
    form = BudgetLineForm()
    form.set_years(budget_lines.years(moment))
    if not form.is_submitted():
        form.budget_year.data = str(_year(moment))
        form.code.data = (request.args.get("code") or "").strip().upper()[:20]
    missing = None
    if form.validate_on_submit():
        try:
            line = budget_lines.add_line(
                current_user, department, data=form.data_for_service(), now=moment, once=form.once.data
            )
        except AlreadyMade as error:
            return already_made(error, url_for("budget.index", year=form.budget_year.data))
        except budget_lines.NotInCatalogue as error:
            copy_errors(form, error.errors)
            missing = error.code
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            flash_saved(
                _("Budget line “%(project)s” recorded under %(code)s.", project=line.project_name, code=line.code),
                budget_lines.line_hits(line.project_name, line.notes, line.budget_year),
                lambda done, warnings: _("%(done)s Check it: %(warnings)s", done=done, warnings=warnings),
            )
            return redirect(url_for("budget.index", year=line.budget_year))
    entries = effective.effective_catalogue(department, local_day(moment))
    status = 400 if form.errors else 200
    return render_template("budget/form.html", form=form, entries=entries, missing=missing), status


@bp.route("/import", methods=["GET", "POST"])
@role_required("clerk")
def upload():
    moment, department = now(), current_user.department
    form = BudgetUploadForm()
    form.set_years(budget_lines.years(moment))
    if not form.is_submitted():
        form.budget_year.data = str(_year(moment))
    rejected = None
    if form.validate_on_submit():
        content, year = form.file.data.read(), form.year(moment.year + 1)
        try:
            importing.plan_lines(current_user, department, content, year=year, now=moment)
        except (FileRejected, Refused) as error:
            rejected = str(error.message if isinstance(error, Refused) else error)
        else:
            stored = importing.store(
                current_user, department, filename=form.file.data.filename, content=content, now=moment
            )
            return redirect(url_for("budget.preview", upload_id=stored.id, year=year))
    status = 400 if form.errors or rejected else 200
    return render_template("budget/upload.html", form=form, rejected=rejected), status


@bp.route("/import/<int:upload_id>", methods=["GET", "POST"])
@role_required("clerk")
def preview(upload_id):
    moment = now()
    stored, year = importing.get_upload(current_user, upload_id), _year(moment)
    try:
        plan = importing.plan_lines(current_user, stored.department, stored.content, year=year, now=moment)
    except FileRejected as error:
        return render_template("budget/upload.html", form=BudgetUploadForm(), rejected=str(error)), 400
    if request.method == "POST":  # the confirmation (its token checked like every POST's)
        try:
            lines = importing.record_all(
                current_user, stored, year=year, now=moment, in_yuan=request.form.get("in_yuan") == "1"
            )
        except Refused as error:
            refused(error)
            return redirect(url_for("budget.preview", upload_id=upload_id, year=year))
        flash(ngettext("%(num)d budget line recorded.", "%(num)d budget lines recorded.", len(lines)), "success")
        return redirect(url_for("budget.index", year=year))
    return render_template("budget/preview.html", upload=stored, plan=plan, year=year)


@bp.route("/<int:line_id>/keys", methods=["GET", "POST"])
@role_required("clerk")
def keys(line_id):
    """A line's budget-system keys, given or corrected after it was recorded."""
    line = budget_lines.get_line(current_user, line_id)
    form = LineKeysForm(obj=None if request.method == "POST" else line)  # a POST's version is the page's
    status = 200
    if form.validate_on_submit():
        try:
            changed = budget_lines.update_keys(
                current_user, line, data=form.keys_data(), expected_version=form.version.data, now=now()
            )
        except StaleEdit as error:
            flash(error.message, "error")  # the page shows the saved keys beside the user's input,
            line, status = budget_lines.get_line(current_user, line_id), 409  # to be saved again, knowingly
            form.version.data, form.version.raw_data = line.version, None  # as if shown now
        except Invalid as error:
            copy_errors(form, error.errors)
        else:
            message = _("The keys of “%(project)s” were saved.", project=line.project_name)
            flash(message if changed else _("Nothing was changed."), "success" if changed else "info")
            return redirect(url_for("budget.index", year=line.budget_year))
    page = render_template("budget/keys.html", form=form, line=line, stale=status == 409)
    return page, 400 if form.errors else status


@bp.post("/<int:line_id>/delete")
@role_required("clerk")
def delete(line_id):
    line = budget_lines.get_line(current_user, line_id)
    year, project = line.budget_year, line.project_name
    budget_lines.delete_line(current_user, line, now=now())
    flash(_("Budget line “%(project)s” deleted.", project=project), "success")
    return redirect(url_for("budget.index", year=year))


def _totals():
    moment = now()
    return budget_lines.totals(current_user, _year(moment), now=moment), moment


@bp.get("/totals")
@role_required(*REVIEWERS)
def totals():
    found, moment = _totals()
    return render_template("budget/totals.html", totals=found, years=budget_lines.years(moment))


@bp.get("/totals.xlsx")
@role_required(*REVIEWERS)
def totals_xlsx():
    found, _moment = _totals()
    flagged = {line.id for line in found.flagged}
    with force_locale("zh_Hans_CN"):  # the workbook is a Chinese document, whatever the page's language
        warned_rules = {line_id: [str(hit.rule) for hit in hits] for line_id, hits in found.warned.items()}
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
            "资金来源": FUNDING_NAMES[line.funding_source],
            "依据": BASIS_NAMES[line.basis],
            "备注": line.notes,
            "提示": "；".join(
                (["该编码已不在部门现行目录中"] if line.id in flagged else [])
                + [f"负面清单：{rule}" for rule in warned_rules.get(line.id, [])]
            ),
        }
        for line in found.lines
    ]
    keyed = [
        {
            "预算年度": line.budget_year,
            "财政区划代码": line.department.region.code,
            "预算单位代码": line.agency_code,
            "预算单位": line.department.name,
            "项目代码": line.project_code,
            "项目名称": line.project_name,
            "支出功能分类科目代码": line.function_code,
            "政府预算支出经济分类代码": line.government_economic_code,
            "部门预算支出经济分类代码": line.department_economic_code,
            "资金性质": FUNDING_NAMES[line.funding_source],
            "政府采购品目代码": line.procurement_code,
            "指导性目录编码": line.code,
            "政府购买服务内容": line.level3,
            "购买金额（元）": line.amount,
            "合同编号": line.contract_number,
            "绩效目标": line.performance_target,
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
        keyed,
    )
    return send_file(
        BytesIO(content),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=f"{found.year}年度政府购买服务预算.xlsx",
    )
