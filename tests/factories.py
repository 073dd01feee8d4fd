"""Objects for tests, made through the same code paths as real data where it matters."""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from catalogue.clock import SHANGHAI
from catalogue.extensions import db
from catalogue.models import Campaign, Department, Item, Region, Scheme, TierDeadline, User
from catalogue.services.accounts import users as accounts
from catalogue.services.catalogues import items, workflow
from catalogue.services.kernel import reference
from catalogue.services.publishing import publications as publishing

PASSWORD = "correct horse battery"
PROVINCE_DEADLINE = date(2017, 7, 31)
PREFECTURE_DEADLINE = date(2018, 3, 31)

CONTACT = workflow.Contact("张敏", "0871-63000000")  # the 经办人 a submission names
CONTACT_FORM = {"contact_person": CONTACT.person, "contact_phone": CONTACT.phone}  # the same, as the form posts it


@dataclass
class World:
    province: Region
    kunming: Region
    civil: Department  # 云南省民政厅
    education: Department  # 云南省教育厅
    kunming_civil: Department  # 昆明市民政局
    clerk: User
    other_clerk: User
    prefecture_clerk: User
    finance: User  # provincial finance office
    kunming_finance: User
    admin: User
    campaign: Campaign  # 2017: the province and the prefectures, 2014 scheme
    scheme: Scheme
    yuanmou: Region  # 元谋县, under 楚雄州
    yuanmou_civil: Department  # 元谋县民政局
    county_clerk: User
    county_finance: User


_HASHES = {}


def user(username, role, department=None, region=None):
    """An account whose password is PASSWORD (hashed once per run: hashing is slow on purpose)."""
    if "hash" not in _HASHES:
        _HASHES["hash"] = accounts.hash_password(PASSWORD)
    return accounts.create_user(
        username=username,
        password=None,
        role=role,
        password_hash=_HASHES["hash"],
        department_code=department.code if department else None,
        region_code=region.code if region else None,
    )


def campaign(
    scheme,
    code="2017",
    province=PROVINCE_DEADLINE,
    prefecture=PREFECTURE_DEADLINE,
    province_enforced=True,
    prefecture_enforced=True,
    county=None,
    county_enforced=True,
    owner=None,
):
    """A campaign run by the province (or ``owner``), with a deadline for each tier given a date."""
    owner = owner or db.session.scalar(select(Region).where(Region.parent_id.is_(None)))
    result = Campaign(
        code=code,
        name=f"{code}年度政府购买服务指导性目录编制",
        notice_number="云财综〔2016〕48号",
        scheme=scheme,
        region=owner,
    )
    deadlines = (
        ("province", province, province_enforced),
        ("prefecture", prefecture, prefecture_enforced),
        ("county", county, county_enforced),
    )
    result.deadlines = [
        TierDeadline(tier=tier, due_date=day, enforced=enforced) for tier, day, enforced in deadlines if day is not None
    ]
    db.session.add(result)
    db.session.flush()
    return result


def world():
    regions = reference.load_regions()
    schemes = reference.load_schemes()
    departments = {
        code: Department(code=code, name=name, region=regions[region])
        for code, name, region in (
            ("530000007", "云南省民政厅", "530000"),
            ("530000002", "云南省教育厅", "530000"),
            ("530100007", "昆明市民政局", "530100"),
            ("532328006", "元谋县民政局", "532328"),
        )
    }
    db.session.add_all(departments.values())
    db.session.flush()
    result = World(
        province=regions["530000"],
        kunming=regions["530100"],
        civil=departments["530000007"],
        education=departments["530000002"],
        kunming_civil=departments["530100007"],
        clerk=user("clerk-civil", "clerk", departments["530000007"]),
        other_clerk=user("clerk-education", "clerk", departments["530000002"]),
        prefecture_clerk=user("clerk-kunming", "clerk", departments["530100007"]),
        finance=user("finance-530000", "finance", region=regions["530000"]),
        kunming_finance=user("finance-530100", "finance", region=regions["530100"]),
        admin=user("admin", "admin"),
        campaign=campaign(schemes["2014"]),
        scheme=schemes["2014"],
        yuanmou=regions["532328"],
        yuanmou_civil=departments["532328006"],
        county_clerk=user("clerk-yuanmou", "clerk", departments["532328006"]),
        county_finance=user("finance-532328", "finance", region=regions["532328"]),
    )
    db.session.commit()
    return result


def item_data(code="A0101001", level1="A", level2="社会救助", level3="困难群众救助对象核查服务", **extra):
    return {"code": code, "level1_code": level1, "level2": level2, "level3": level3, **extra}


def add_items(clerk, campaign, department, count, now):
    added = [
        items.add_item(
            clerk, campaign, department, data=item_data(code=f"A0101{n:03d}", level3=f"服务事项{n}"), now=now
        )
        for n in range(1, count + 1)
    ]
    db.session.commit()
    return added


def fetch(model, **where):
    return db.session.scalar(select(model).filter_by(**where))


def approved(world, clerk, department, count, now, campaign=None, prefix="A0101"):
    """A department's catalogue with ``count`` items, submitted and approved by its finance office.

    The first item is added through the service (it starts the catalogue); the others are written
    directly, as the item rules are not what these tests are about.
    """
    campaign = campaign or world.campaign
    first = items.add_item(
        clerk, campaign, department, data=item_data(code=f"{prefix}001", level3=f"{department.name}服务1"), now=now
    )
    catalogue = first.catalogue
    db.session.add_all(
        [
            Item(
                catalogue=catalogue,
                code=f"{prefix}{n:03d}",
                level1=first.level1,
                level2=first.level2,
                level3=f"{department.name}服务{n}",
                position=n,
                updated_at=now,
            )
            for n in range(2, count + 1)
        ]
    )
    db.session.flush()
    workflow.submit(clerk, campaign, department, contact=CONTACT, expected_version=catalogue.version, now=now)
    reviewer = world.finance if department.region.tier == "province" else world.kunming_finance
    workflow.approve(reviewer, catalogue, now=now)
    db.session.commit()
    return catalogue


def publish(world, number="云财综〔2017〕100号", effective=date(2017, 9, 1), region=None, campaign=None, **kwargs):
    """The province's list (or ``region``'s) of ``campaign`` (2017) published and committed, as its
    finance office publishes it."""
    region = region or world.province
    finance = world.finance if region is world.province else world.kunming_finance
    publication = publishing.publish(
        finance,
        region,
        campaign or world.campaign,
        title=kwargs.pop("title", None),
        document_number=number,
        effective_date=effective,
        now=kwargs.pop("now", None) or datetime.combine(date(2017, 8, 15), time(10), tzinfo=SHANGHAI),
        **kwargs,
    )
    db.session.commit()
    return publication
