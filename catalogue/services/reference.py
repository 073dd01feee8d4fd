"""Reference data shipped with the application: regions, departments, classification schemes."""
import csv
from importlib import resources

from sqlalchemy import select

from ..extensions import db
from ..models import Department, Region, Scheme, SchemeNode

SCHEME_NAMES = {
    "2014": "政府购买服务管理办法（暂行）六大类（2014）",
    "2020": "中央本级政府购买服务指导性目录两大类（2020）",
}


def read_rows(name):
    text = resources.files("catalogue").joinpath(f"data/{name}").read_text("utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


def load_regions():
    by_code = {}
    for row in read_rows("regions.csv"):
        region = Region(code=row["code"], name=row["name"], short_name=row["short_name"],
                        tier=row["tier"], parent=by_code.get(row["parent_code"]))
        db.session.add(region)
        by_code[region.code] = region
    db.session.flush()
    return by_code


def load_departments(regions, files=("departments-province-2017.csv", "departments-prefecture-2017.csv")):
    departments = []
    for name in files:
        for row in read_rows(name):
            departments.append(Department(code=row["code"], name=row["name"], region=regions[row["region_code"]]))
    db.session.add_all(departments)
    db.session.flush()
    return departments


def load_schemes():
    schemes = {}
    nodes = {}
    for row in read_rows("schemes.csv"):
        scheme = schemes.get(row["scheme"])
        if scheme is None:
            scheme = schemes[row["scheme"]] = Scheme(code=row["scheme"], name=SCHEME_NAMES[row["scheme"]])
            db.session.add(scheme)
        node = SchemeNode(code=row["code"], level=int(row["level"]), name=row["name"])
        scheme.nodes.append(node)
        db.session.flush()
        if row["parent_code"]:
            node.parent_id = nodes[(row["scheme"], row["parent_code"])].id
        nodes[(row["scheme"], row["code"])] = node
    db.session.flush()
    return schemes


def scheme_by_code(code):
    return db.session.scalar(select(Scheme).where(Scheme.code == code))
