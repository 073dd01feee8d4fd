"""The demo's budget work: 元谋县 publishes its 2027 list, departments of the three tiers ask for
services outside their catalogues (filed, waiting, refused) and record budget lines for 2027 and
2028 that cite their effective catalogues."""

from datetime import timedelta

from .clock import local_day, now
from .services.budget import budget_lines, effective, requests
from .services.publishing import publications

DEMO_REQUESTS = (
    # department, code, level2, level3, reason, amount, decision (approve / refuse / None: waiting)
    (
        "530000007",
        "A06009",
        "养老服务",
        "失能老年人照护需求评估",
        "长期护理保险试点需要统一的照护需求评估，现行目录未列入。",
        "860000.00",
        "approve",
    ),
    (
        "530000007",
        "B03010",
        "社会工作服务",
        "社会工作督导服务",
        "社工站全覆盖后需要专业督导，2027年起确需购买。",
        "320000.00",
        None,
    ),
    (
        "530000007",
        "E06009",
        "会议服务",
        "年度工作会议会务服务",
        "会议会务可由机关事务管理局统一安排。",
        "50000.00",
        "refuse",
    ),
    (
        "530100007",
        "A06009",
        "养老服务",
        "老年助餐点运营服务",
        "市区新设助餐点，需委托社会组织运营。",
        "450000.00",
        None,
    ),
)


def _line(department_code, ahead, amount, source, position, notes="", keys=None):
    """A budget line ``ahead`` years after the current one (the demo's 2027 and 2028 in 2026), citing
    the ``position``-th code of the department's effective catalogue (the 4th: a filed request), with
    the budget system's ``keys`` where the demo gives them."""
    return {"code": department_code, "ahead": ahead, "amount": amount, "source": source,
            "position": position, "notes": notes, "keys": keys or {}}  # fmt: skip


# a line already in the budget system: its project, unit and classifications (民政管理事务 其他支出;
# 委托业务费 in both economic classifications)
FILED_KEYS = {
    "project_code": "53000027000000000101",
    "agency_code": "126001",
    "function_code": "2080299",
    "government_economic_code": "50205",
    "department_economic_code": "30227",
}


DEMO_LINES = (
    _line("530000007", 1, "1200000.00", "general", 0, keys=FILED_KEYS),
    _line("530000007", 1, "680000.00", "general", 1),
    _line("530000007", 2, "2400000.00", "general", 2),
    _line("530000007", 2, "150000.00", "fund", 3, "福利彩票公益金"),
    _line("530000002", 1, "900000.00", "general", 0),
    _line("530000002", 2, "120000.00", "general", 1),
    _line("530100007", 1, "560000.00", "general", 0),
    _line("530100007", 2, "230000.00", "other", 1),
    _line("532328002", 2, "380000.00", "general", 0),
    _line("532328002", 2, "60000.00", "general", 1),
)


def seed(campaign_2027, regions, finance, clerks, departments, at):
    today = local_day(now())
    publications.publish(  # the county's list of its approved 2027 catalogues
        finance["532328"],
        regions["532328"],
        campaign_2027,
        title=None,
        document_number="元财综〔2027〕8号（示例）",
        effective_date=today - timedelta(days=2),
        now=at(today - timedelta(days=2)),
    )
    by_code = {department.code: department for department in departments}
    for code, item_code, level2, level3, reason, amount, decision in DEMO_REQUESTS:
        _request(by_code[code], clerks[code], finance, item_code, level2, level3, reason, amount, decision, at, today)
    for line in DEMO_LINES:
        department = by_code.get(line["code"])
        if department is not None:
            _budget_line(department, clerks[department.code], line, at, today)


def _request(department, clerk, finance, code, level2, level3, reason, amount, decision, at, today):
    data = {
        "code": code,
        "level1_code": code[0],
        "level2": level2,
        "level3": level3,
        "description": f"由具备条件的社会力量承担{level3}。",
        "reason": reason,
        "budget_year": today.year + 1,
        "estimated_amount": amount,
    }
    filed = requests.file_request(clerk, department, data=data, now=at(today - timedelta(days=9)))
    requests.submit_request(clerk, filed, expected_version=filed.version, now=at(today - timedelta(days=8)))
    reviewer = finance[department.region.code]
    if decision == "approve":
        number = f"{department.region.name[0]}财备〔{today.year}〕1号（示例）"  # 云财备, 昆财备…
        requests.approve_request(
            reviewer, filed, filing_number=number, comment="同意备案。", now=at(today - timedelta(days=6))
        )
    elif decision == "refuse":
        requests.refuse_request(
            reviewer, filed, reason="会议会务由机关事务管理局统一保障，不予备案。", now=at(today - timedelta(days=6))
        )


def _budget_line(department, clerk, line, at, today):
    moment = at(today - timedelta(days=1))
    entries = effective.effective_catalogue(department, moment.date())
    if not entries:
        return
    if line["position"] == 3 and any(e.request for e in entries):
        entry = next(e for e in entries if e.request)  # a line citing a filed request
    else:
        entry = entries[line["position"] % len(entries)]
    data = {
        "budget_year": today.year + line["ahead"],
        "project_name": f"{today.year + line['ahead']}年度{entry.level3}项目",
        "code": entry.code,
        "amount": line["amount"],
        "funding_source": line["source"],
        "notes": line["notes"],
        **line["keys"],
    }
    budget_lines.add_line(clerk, department, data=data, now=moment)
