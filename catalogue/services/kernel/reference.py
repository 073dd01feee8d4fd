"""Reference data shipped with the application: regions, departments, classification schemes.

Each loader adds only what is missing, so it can run on a database that already holds some of it.
"""

import csv
from collections.abc import Sequence
from importlib import resources

from sqlalchemy import select

from ...errors import NotFound
from ...extensions import db
from ...models import Department, Region, Scheme, SchemeNode
from ...transaction import flush

SCHEME_NAMES = {
    "2014": "政府购买服务管理办法（暂行）六大类（2014）",
    "2020": "中央本级政府购买服务指导性目录两大类（2020）",
}
DEPARTMENT_FILES = ("departments-province-2017.csv", "departments-prefecture-2017.csv")


def read_rows(name: str) -> list[dict]:
    text = resources.files("catalogue").joinpath(f"data/{name}").read_text("utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


REGION_FILES = ("regions.csv", "regions-county.csv")  # parents come before their children


def load_regions() -> dict[str, Region]:
    """Every region by code: the province, its prefectures and their counties."""
    regions = {region.code: region for region in db.session.scalars(select(Region))}
    for row in (row for name in REGION_FILES for row in read_rows(name)):
        if row["code"] not in regions:
            regions[row["code"]] = Region(
                code=row["code"],
                name=row["name"],
                short_name=row["short_name"],
                tier=row["tier"],
                parent=regions.get(row["parent_code"]),
            )
            db.session.add(regions[row["code"]])
    flush()
    return regions


def load_departments(regions: dict[str, Region]) -> list[Department]:
    """The departments of the shipped lists, in their order."""
    known = {department.code: department for department in db.session.scalars(select(Department))}
    departments = []
    for name in DEPARTMENT_FILES:
        for row in read_rows(name):
            department = known.get(row["code"])
            if department is None:
                department = Department(code=row["code"], name=row["name"], region=regions[row["region_code"]])
                db.session.add(department)
            departments.append(department)
    flush()
    return departments


def load_schemes() -> dict[str, Scheme]:
    """Every shipped classification scheme by code; a scheme already present is left as it is."""
    schemes = {scheme.code: scheme for scheme in db.session.scalars(select(Scheme))}
    present = set(schemes)
    nodes: dict[tuple[str, str], SchemeNode] = {}
    for row in read_rows("schemes.csv"):
        if row["scheme"] in present:
            continue
        scheme = schemes.get(row["scheme"])
        if scheme is None:
            scheme = schemes[row["scheme"]] = Scheme(code=row["scheme"], name=SCHEME_NAMES[row["scheme"]])
            db.session.add(scheme)
        node = SchemeNode(
            code=row["code"],
            level=int(row["level"]),
            name=row["name"],
            parent=nodes.get((row["scheme"], row["parent_code"])),
            code_source=row["code_source"],
        )
        scheme.nodes.append(node)
        nodes[(row["scheme"], row["code"])] = node
    flush()
    return schemes


def load_reference() -> tuple[dict[str, Region], list[Department], dict[str, Scheme]]:
    """Regions, departments and schemes: what a new deployment needs before anyone logs in."""
    regions = load_regions()
    return regions, load_departments(regions), load_schemes()


def list_regions() -> Sequence[Region]:
    return db.session.scalars(select(Region).order_by(Region.code)).all()


def get_department(code: str) -> Department:
    department = db.session.scalar(select(Department).where(Department.code == code))
    if department is None:
        raise NotFound()
    return department
