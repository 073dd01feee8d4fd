"""Demo data: Yunnan's 2017 campaign (2014 scheme, province and prefectures), mostly done and
published; an open 2027 campaign (2020 scheme, all three tiers) to try; the province's tier
catalogue (2026 edition) and 元谋县's own 2028 campaign that uses it (参照省州目录).

Everything goes through the services with a simulated ``now``, so the demo catalogues
carry the same audit trail real ones would.
"""

from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from . import demo_budget, demo_tiers
from .clock import SHANGHAI, local_day, now
from .extensions import db
from .models import Campaign, Department, User
from .services.accounts import users
from .services.campaigns import campaigns
from .services.campaigns import departments as departments_service
from .services.catalogues import items, workflow
from .services.kernel import reference
from .services.publishing import publications

PREFECTURES_WITH_ITEMS = ("530100", "530300", "530400", "532900")
# Public-welfare class-one institutions (公益一类): not eligible purchasers.
NOT_ELIGIBLE = ("530000072", "530000078", "530000080")  # 疾病预防控制中心, 儿童福利院, 环境监测中心站
# Counties with their bureaus, clerks and a finance office in the demo: 元谋县 first.
DEMO_COUNTIES = ("532328", "530102", "530181", "530302", "532901", "532923")

DEMO_CONTACT = workflow.Contact("李娜", "0871-00000000")  # the 经办人 the demo submissions name


def at(day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI)


def refusal(production: bool):
    """Why the demo must not be loaded here, or None: never into production, never beside real
    accounts (their database would gain some 700 accounts whose password is known)."""
    if production:
        return _("This is a production installation (CATALOGUE_ENV=production): the demo data is not loaded.")
    if db.session.scalar(select(User.id).limit(1)) is not None:
        return _("The database already holds accounts: the demo data is loaded only into an empty database.")
    return None


def already_seeded():
    """The demo campaigns are there (reference data alone is not the demo)."""
    return db.session.scalar(select(Campaign).where(Campaign.code == "2017")) is not None


def _level2_groups(samples):
    """Level-2 names per level-1 code, in the order they first appear (they number the codes)."""
    groups = {}
    for sample in samples:
        names = groups.setdefault(sample["level1_code"], [])
        if sample["level2"] not in names:
            names.append(sample["level2"])
    return groups


def _sample_items(department_name, samples):
    """Items whose typical department appears in the name, plus a few every department buys."""
    own = [s for s in samples if s["typical_department"] and s["typical_department"] in department_name]
    generic = [s for s in samples if not s["typical_department"]]
    start = sum(map(ord, department_name)) % len(generic)
    chosen = own[:8] + [generic[(start + k) % len(generic)] for k in range(3 if own else 5)]
    level2_index = _level2_groups(samples)
    numbering = {}
    result = []
    for sample in chosen:
        group = level2_index[sample["level1_code"]].index(sample["level2"]) + 1
        key = (sample["level1_code"], group)
        numbering[key] = numbering.get(key, 0) + 1
        result.append(
            {
                "code": f"{sample['level1_code']}{group:02d}{numbering[key]:03d}",
                "level1_code": sample["level1_code"],
                "level2": sample["level2"],
                "level3": sample["level3"],
                "description": f"由{department_name}向具备条件的社会力量购买：{sample['level3']}。",
            }
        )
    return result


def _sample_items_2020(department_name, samples, level2_names):
    """2020-scheme items: the department's own kind of service, then a few every department buys."""
    own = [s for s in samples if s["typical_department"] and s["typical_department"] in department_name]
    generic = [s for s in samples if not s["typical_department"]]
    start = sum(map(ord, department_name)) % len(generic)
    chosen = own[:6] + [generic[(start + k) % len(generic)] for k in range(2 if own else 4)]
    numbering, result = {}, []
    for sample in chosen:
        prefix = sample["level2_code"]
        numbering[prefix] = numbering.get(prefix, 0) + 1
        result.append(
            {
                "code": f"{prefix}{numbering[prefix]:03d}",
                "level1_code": prefix[0],
                "level2": level2_names[prefix],
                "level3": sample["level3"],
                "description": f"由{department_name}向具备条件的社会力量购买：{sample['level3']}。",
            }
        )
    return result


def _county_departments(regions):
    """The typical bureaus of the demo counties: 元谋县民政局 is 532328006."""
    known = {d.code for d in db.session.scalars(select(Department))}
    created = []
    for county in DEMO_COUNTIES:
        region = regions[county]
        for row in reference.read_rows("county-bureaus.csv"):
            code = f"{county}{row['code_suffix']}"
            if code not in known:
                created.append(Department(code=code, name=f"{region.name}{row['name_suffix']}", region=region))
    db.session.add_all(created)
    db.session.flush()
    return created


def _fill(clerk, campaign, department, rows, when):
    items.add_items(clerk, campaign, department, rows=rows, now=when)


def _users(password_hash, regions, departments):
    admin = User(username="admin", role="admin", password_hash=password_hash)
    db.session.add(admin)
    finance = {
        code: User(username=f"finance-{code}", role="finance", region=region, password_hash=password_hash)
        for code, region in regions.items()
        if region.tier != "county" or code in DEMO_COUNTIES
    }
    clerks = {
        d.code: User(username=f"clerk-{d.code}", role="clerk", department=d, password_hash=password_hash)
        for d in departments
    }
    db.session.add_all([*finance.values(), *clerks.values()])
    db.session.flush()
    return admin, finance, clerks


def _campaign(admin, code, name, notice, scheme, deadlines, when):
    """A campaign of the province with ``deadlines`` (a date per tier it covers), all enforced."""
    data = {"code": code, "name": name, "notice_number": notice, "scheme_id": scheme.id}
    for tier, day in deadlines.items():
        data.update({f"{tier}_date": day, f"{tier}_enforced": True})
    return campaigns.save_campaign(admin, None, data=data, now=when)


def _run_2017(campaign, departments, finance, clerks, samples):
    for index, department in enumerate(departments):
        tier_day = campaign.deadline_for_tier(department.region.tier).due_date
        if index % 29 == 17:
            continue  # never started: shows as overdue
        clerk = clerks[department.code]
        _fill(clerk, campaign, department, _sample_items(department.name, samples), at(tier_day - timedelta(days=40)))
        if index % 23 == 11:
            continue  # left in draft: overdue
        catalogue = items.find_catalogue(campaign, department)
        workflow.submit(
            clerk,
            campaign,
            department,
            contact=DEMO_CONTACT,
            expected_version=catalogue.version,
            now=at(tier_day - timedelta(days=20 - index % 15)),
        )
        reviewer = finance[department.region.code]
        if index % 19 == 5:
            workflow.return_catalogue(
                reviewer,
                catalogue,
                now=at(tier_day - timedelta(days=3)),
                comment="“会议服务”与本部门职能关联不明确，请补充说明后重新报送。",
            )
        elif index % 31 != 9:
            workflow.approve(reviewer, catalogue, now=at(tier_day - timedelta(days=2)), comment="审核通过。")


def _run_2027(campaign, departments, finance, clerks, samples, level2_names):
    """A spread of statuses across the three tiers, a few days before today."""
    today = local_day(now())
    plan = {
        "云南省教育厅": "submit",
        "云南省文化厅": "approve",
        "云南省司法厅": "draft",
        "云南省体育局": "approve",
        "云南省民政厅": "return",
        "昆明市民政局": "submit",
        "昆明市教育局": "draft",
        "大理白族自治州民政局": "approve",
        "元谋县民政局": "submit",
        "元谋县教育体育局": "approve",
        "元谋县卫生健康局": "draft",
        "元谋县农业农村局": "return",
        "五华区民政局": "submit",
        "大理市文化和旅游局": "draft",
    }
    by_name = {d.name: d for d in departments}
    for name, action in plan.items():
        department = by_name.get(name)
        if department is None:
            continue
        clerk = clerks[department.code]
        reviewer = finance[department.region.code]
        rows = _sample_items_2020(name, samples, level2_names) + demo_tiers.own_services(name, level2_names)
        _fill(clerk, campaign, department, rows, at(today - timedelta(days=12)))
        catalogue = items.find_catalogue(campaign, department)
        if action == "draft":
            continue
        workflow.submit(
            clerk,
            campaign,
            department,
            contact=DEMO_CONTACT,
            expected_version=catalogue.version,
            now=at(today - timedelta(days=8)),
        )
        if action == "approve":
            workflow.approve(reviewer, catalogue, now=at(today - timedelta(days=3)), comment="审核通过。")
        elif action == "return":
            workflow.return_catalogue(
                reviewer,
                catalogue,
                now=at(today - timedelta(days=4)),
                comment="请按2020年目录核对二级目录名称，补充服务内容说明后重新报送。",
            )


def _publish_2017(campaign, regions, finance, clerks, departments):
    """The province publishes, then corrects one department's part, which also publishes its own list
    with the finance office; four prefectures publish."""
    province = regions["530000"]
    publications.publish(
        finance["530000"],
        province,
        campaign,
        title=None,
        document_number="云财综〔2017〕100号",
        effective_date=date(2017, 9, 1),
        now=at(date(2017, 8, 15)),
    )
    civil = next(d for d in departments if d.code == "530000007")
    catalogue = items.find_catalogue(campaign, civil)
    workflow.reopen(finance["530000"], catalogue, now=at(date(2017, 9, 5)), comment="请补充社会工作服务相关事项。")
    campaigns.grant_extension(
        finance["530000"],
        campaign,
        civil,
        due_date=date(2017, 9, 30),
        reason="更正已发布目录",
        now=at(date(2017, 9, 5)),
    )
    clerk = clerks[civil.code]
    first = catalogue.items[0]
    items.update_item(
        clerk,
        first,
        data={**first.snapshot(), "description": first.description + "（含第三方评估）"},
        expected_version=first.version,
        now=at(date(2017, 9, 8)),
    )
    items.add_item(
        clerk,
        campaign,
        civil,
        data={
            "code": "B03009",
            "level1_code": "B",
            "level2": "社会工作服务",
            "level3": "社区社会工作服务",
            "description": "购买社会工作专业服务。",
        },
        now=at(date(2017, 9, 8)),
    )
    workflow.submit(
        clerk, campaign, civil, contact=DEMO_CONTACT, expected_version=catalogue.version, now=at(date(2017, 9, 9))
    )
    workflow.approve(finance["530000"], catalogue, now=at(date(2017, 9, 12)), comment="同意更正。")
    publications.publish(
        finance["530000"],
        province,
        campaign,
        title=None,
        document_number="云财综〔2017〕120号",
        effective_date=date(2017, 10, 1),
        now=at(date(2017, 9, 20)),
        note="更正：补充云南省民政厅社会工作服务事项。",
    )
    publications.publish(  # 分部门会同财政部门印发: 民政厅's own list, with its own 文号
        finance["530000"],
        province,
        campaign,
        title=None,
        document_number="云民发〔2017〕66号",
        effective_date=date(2017, 10, 1),
        now=at(date(2017, 9, 25)),
        department=civil,
    )
    for code, number in (
        ("530100", "昆财综〔2018〕21号"),
        ("530300", "曲财综〔2018〕9号"),
        ("530400", "玉财综〔2018〕15号"),
        ("532900", "大财综〔2018〕12号"),
    ):
        publications.publish(
            finance[code],
            regions[code],
            campaign,
            title=None,
            document_number=number,
            effective_date=date(2018, 5, 1),
            now=at(date(2018, 4, 16)),
        )


def seed(password):
    """Load the demo data; return the number of accounts created."""
    regions, departments, schemes = reference.load_reference()
    departments = [*departments, *_county_departments(regions)]
    admin, finance, clerks = _users(users.hash_password(password), regions, departments)
    for department in departments:
        if department.code in NOT_ELIGIBLE:
            departments_service.set_eligible(finance["530000"], department, eligible=False, now=at(date(2016, 12, 1)))
    c2017 = _campaign(
        admin,
        "2017",
        "2017年度政府购买服务指导性目录编制",
        "云财综〔2016〕48号",
        schemes["2014"],
        {"province": date(2017, 7, 31), "prefecture": date(2018, 3, 31)},
        at(date(2016, 12, 1)),
    )
    with_items = [d for d in departments if d.region.tier == "province" or d.region.code in PREFECTURES_WITH_ITEMS]
    _run_2017(c2017, with_items, finance, clerks, reference.read_rows("sample-items-2014.csv"))
    _publish_2017(c2017, regions, finance, clerks, departments)
    today = local_day(now())
    c2027 = _campaign(
        admin,
        "2027",
        "2027年度政府购买服务指导性目录编制",
        "云财综〔2026〕（示例）",
        schemes["2020"],
        {"province": date(2027, 7, 31), "prefecture": date(2027, 10, 31), "county": date(2027, 12, 31)},
        at(today - timedelta(days=30)),
    )
    level2_names = {node.code: node.name for node in schemes["2020"].nodes if node.level == 2}
    _run_2027(c2027, departments, finance, clerks, reference.read_rows("sample-items-2020.csv"), level2_names)
    edition = demo_tiers.province_edition(finance["530000"], schemes["2020"], at(today - timedelta(days=60)))
    county_edition = demo_tiers.prefecture_and_county(finance, edition, at(today - timedelta(days=40)))
    demo_tiers.county_campaign(finance["532328"], county_edition, at(today - timedelta(days=5)))
    demo_budget.seed(c2027, regions, finance, clerks, departments, at)
    return 1 + len(finance) + len(clerks)
