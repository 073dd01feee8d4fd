"""The keys a budget line carries for the budget-management integration system (预算管理一体化), so
that a budget system accepts it as one of its own project lines.

Source: the data elements of the integration standard (预算管理一体化规范; the search here found the
2023 text titled 财办〔2023〕12号 but not its body), as the systems built on it name them: seen in the
budget-compilation front end of the integration platform (repository Ghhhhy/platformweb-fb, tables
governmentPurchaseServiceSummary.js and governmentProcurementBudgetSummary.js: agency, pro_code,
exp_func, dep_bgt_eco, gov_bgt_eco, gpdir, fund_type, mof_div_code, fiscal_year) and in the
Ministry's master-data entities (gov.mof.fasp3 …: EXP_FUNC_CODE, GOV_BGT_ECO_CODE, FUND_TYPE_CODE).
The code formats are those of the classifications themselves: 政府收支分类科目 (function 类 3 digits,
款 and 项 2 each; the government economic classification's 类 start with 5, the departmental one's
with 3, 款 2 digits) and 政府采购品目分类目录 (A goods, B works, C services). The fund type is the
line's funding source; the region and the year are the department's and the line's own.

Every key is optional when a line is recorded (a project may enter the project library later); a key
given must have its format, and a procurement item must be a service's.

The classes (类) of the two economic classifications are those of the reform in force since 2018
(财政部《支出经济分类科目改革方案》, 财预〔2017〕98号, whose table 附表1 pairs the government's 501–599
with the departments' 301–399): a code under any other class, such as the 304 of the scheme before,
is one the budget system no longer has, and is refused. Every class of the functional
classification of expenditure starts with 2 (a 1… code is a revenue class); its names are shown for
the classes of the yearly 政府收支分类科目 that are known here, and a class not known here is
accepted as written, since the Ministry adds classes from year to year.
"""

import re
from dataclasses import dataclass

from .text import LazyText, _l


@dataclass(frozen=True)
class Key:
    name: str  # the field's name here
    element: str  # the integration standard's data element
    label: LazyText  # as pages show it
    heading: str  # as workbooks name it, always Chinese
    aliases: tuple  # headings a spreadsheet may give it
    pattern: re.Pattern | None
    message: LazyText | None  # when the pattern does not match
    max_length: int


KEYS = (
    Key(
        "project_code",
        "PRO_CODE",
        _l("Project code (项目代码, from the project library)"),
        "项目代码",
        ("项目代码", "项目编码", "项目库代码", "项目库编码"),
        re.compile(r"[0-9A-Za-z-]{1,40}"),
        _l("The project code is letters, digits and hyphens as the project library gives it (at most 40)."),
        40,
    ),
    Key(
        "agency_code",
        "AGENCY_CODE",
        _l("Budget unit code (预算单位代码)"),
        "预算单位代码",
        ("预算单位代码", "预算单位编码", "单位代码", "单位编码"),
        re.compile(r"[0-9A-Za-z]{1,30}"),
        _l("The budget unit code is letters and digits (at most 30)."),
        30,
    ),
    Key(
        "function_code",
        "EXP_FUNC_CODE",
        _l("Functional classification (支出功能分类科目)"),
        "支出功能分类科目代码",
        ("支出功能分类科目代码", "支出功能分类科目", "功能分类科目", "功能科目", "支出功能分类"),
        re.compile(r"2\d{2}(?:\d{2}){0,2}"),
        _l(
            "The functional classification of expenditure is 3, 5 or 7 digits (类, 款, 项) starting with 2, "
            "e.g. 2080201 (a code starting with 1 is a revenue class)."
        ),
        7,
    ),
    Key(
        "government_economic_code",
        "GOV_BGT_ECO_CODE",
        _l("Government economic classification (政府预算支出经济分类)"),
        "政府预算支出经济分类代码",
        ("政府预算支出经济分类代码", "政府预算支出经济分类", "政府预算经济分类", "政府经济分类"),
        re.compile(r"5\d{2}(?:\d{2})?"),
        _l("The government economic classification is 3 or 5 digits starting with 5, e.g. 50205."),
        5,
    ),
    Key(
        "department_economic_code",
        "DEP_BGT_ECO_CODE",
        _l("Departmental economic classification (部门预算支出经济分类)"),
        "部门预算支出经济分类代码",
        ("部门预算支出经济分类代码", "部门预算支出经济分类", "部门预算经济分类", "部门经济分类"),
        re.compile(r"3\d{2}(?:\d{2})?"),
        _l("The departmental economic classification is 3 or 5 digits starting with 3, e.g. 30227."),
        5,
    ),
    Key(
        "procurement_code",
        "GPDIR_CODE",
        _l("Government procurement item (政府采购品目代码)"),
        "政府采购品目代码",
        ("政府采购品目代码", "政府采购品目", "采购品目代码", "采购品目"),
        re.compile(r"[ABC]\d{2,10}"),
        _l("The procurement item code is A, B or C and 2 to 10 digits, e.g. C23090000."),
        11,
    ),
    Key(
        "contract_number",
        "CONTRACT_NO",
        _l("Contract number (合同编号)"),
        "合同编号",
        ("合同编号", "合同号"),
        None,
        None,
        60,
    ),
    Key(
        "performance_target",
        "PERF_GOAL",
        _l("Performance target (绩效目标)"),
        "绩效目标",
        ("绩效目标", "绩效指标"),
        None,
        None,
        500,
    ),
)
NAMES = tuple(key.name for key in KEYS)

# 类 of the functional classification of expenditure (支出功能分类科目), as the yearly tables name them
FUNCTION_CLASSES = {
    "201": _l("General public services expenditure"),
    "202": _l("Foreign affairs expenditure"),
    "203": _l("National defence expenditure"),
    "204": _l("Public security expenditure"),
    "205": _l("Education expenditure"),
    "206": _l("Science and technology expenditure"),
    "207": _l("Culture, tourism, sport and media expenditure"),
    "208": _l("Social security and employment expenditure"),
    "209": _l("Social insurance funds expenditure"),
    "210": _l("Health expenditure"),
    "211": _l("Energy conservation and environmental protection expenditure"),
    "212": _l("Urban and rural communities expenditure"),
    "213": _l("Agriculture, forestry and water expenditure"),
    "214": _l("Transport expenditure"),
    "215": _l("Resource exploration, industry and information expenditure"),
    "216": _l("Commerce and services expenditure"),
    "217": _l("Finance expenditure"),
    "219": _l("Aid to other regions expenditure"),
    "220": _l("Natural resources, oceans and meteorology expenditure"),
    "221": _l("Housing security expenditure"),
    "222": _l("Grain, edible oil and materials reserves expenditure"),
    "223": _l("State capital operations expenditure"),
    "224": _l("Disaster prevention and emergency management expenditure"),
    "227": _l("Reserve fund"),
    "229": _l("Other expenditure"),
    "230": _l("Transfer expenditure"),
    "231": _l("Debt principal repayment expenditure"),
    "232": _l("Debt interest expenditure"),
    "233": _l("Debt issuance cost expenditure"),
}
# 类 of the government economic classification (政府预算支出经济分类科目, 财预〔2017〕98号)
GOVERNMENT_ECONOMIC_CLASSES = {
    "501": _l("Wage and benefit expenditure of government agencies"),
    "502": _l("Goods and services expenditure of government agencies"),
    "503": _l("Capital expenditure of government agencies (I)"),
    "504": _l("Capital expenditure of government agencies (II)"),
    "505": _l("Recurrent subsidies to public institutions"),
    "506": _l("Capital subsidies to public institutions"),
    "507": _l("Subsidies to enterprises"),
    "508": _l("Capital expenditure on enterprises"),
    "509": _l("Subsidies to individuals and households"),
    "510": _l("Subsidies to social security funds"),
    "511": _l("Debt interest and cost expenditure"),
    "512": _l("Debt principal repayment expenditure"),
    "513": _l("Transfer expenditure"),
    "514": _l("Reserve fund and reserves"),
    "599": _l("Other expenditure"),
}
# 类 of the departmental economic classification (部门预算支出经济分类科目, 财预〔2017〕98号)
DEPARTMENT_ECONOMIC_CLASSES = {
    "301": _l("Wage and benefit expenditure"),
    "302": _l("Goods and services expenditure"),
    "303": _l("Subsidies to individuals and households"),
    "307": _l("Debt interest and cost expenditure"),
    "309": _l("Capital expenditure (capital construction)"),
    "310": _l("Capital expenditure"),
    "311": _l("Subsidies to enterprises (capital construction)"),
    "312": _l("Subsidies to enterprises"),
    "313": _l("Subsidies to social security funds"),
    "399": _l("Other expenditure"),
}
CLASSES = {
    "function_code": FUNCTION_CLASSES,
    "government_economic_code": GOVERNMENT_ECONOMIC_CLASSES,
    "department_economic_code": DEPARTMENT_ECONOMIC_CLASSES,
}
CLOSED = ("government_economic_code", "department_economic_code")  # a class not listed does not exist


def class_name(name: str, value: str) -> LazyText | None:
    """The name of the class (类) a classification code of key ``name`` falls in, where known."""
    return CLASSES.get(name, {}).get((value or "")[:3])


NOT_A_SERVICE = {"A": _l("goods"), "B": _l("works")}


def check(data: dict) -> tuple[dict, dict]:
    """The keys of ``data`` cleaned (stripped; codes upper-cased), and the errors of each wrong one."""
    clean, errors = {}, {}
    for key in KEYS:
        value = str(data.get(key.name) or "").strip()
        if key.pattern is not None:
            value = value.upper() if key.name == "procurement_code" else value
        clean[key.name] = value
        if not value:
            continue
        if key.pattern is not None and not key.pattern.fullmatch(value):
            errors[key.name] = [key.message]
        elif len(value) > key.max_length:
            errors[key.name] = [_l("At most %(max)d characters.", max=key.max_length)]
        elif key.name in CLOSED and value[:3] not in CLASSES[key.name]:
            errors[key.name] = [
                _l(
                    "%(code)s is under class %(class)s, which the economic classification in force since 2018 "
                    "does not have. Its classes are %(classes)s.",
                    code=value,
                    **{"class": value[:3]},
                    classes="、".join(CLASSES[key.name]),
                )
            ]
        elif key.name == "procurement_code" and value[0] in NOT_A_SERVICE:
            errors[key.name] = [
                _l(
                    "%(code)s is a procurement item of %(kind)s: a purchase of services cites a service's item "
                    "(C…); goods and works are bought by government procurement, not as services.",
                    code=value,
                    kind=NOT_A_SERVICE[value[0]],
                )
            ]
    return clean, errors
