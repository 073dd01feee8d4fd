"""The demo's tiers: the province's tier catalogue (2026 edition), 楚雄州's that follows it, 元谋县's that
follows 楚雄州's ("参照省州目录"), 元谋县's 2028 campaign on its own, and the services a county bureau lists
of its own, which those catalogues lack (carried forward, they are marked in red)."""

import csv
import io
from datetime import date

from .services.campaigns import campaigns
from .services.kernel import reference
from .services.publishing import editions

# Services a county lists of its own, which the province's tier catalogue does not: carried into 元谋县's
# 2028 campaign (which follows that tier catalogue), they are kept and marked for the clerk to correct.
OWN_SERVICES = {"元谋县教育体育局": (("A02", "乡村学校少年宫运营服务"), ("A09", "民族传统体育项目推广服务"))}


def own_services(department_name, level2_names):
    return [
        {
            "code": f"{prefix}{900 + number:03d}",
            "level1_code": prefix[0],
            "level2": level2_names[prefix],
            "level3": name,
            "description": f"{department_name}根据本县实际列入的服务：{name}。",
        }
        for number, (prefix, name) in enumerate(OWN_SERVICES.get(department_name, ()), start=1)
    ]


def province_edition(finance, scheme, when):
    """The province's tier catalogue: the demo's 2020 level-3 services under the scheme's level 2,
    numbered, uploaded as a spreadsheet like any office would."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["编码", "一级目录", "二级目录", "三级目录"])
    level1 = {node.code: node.name for node in scheme.nodes if node.level == 1}
    by_level2 = {}
    for row in reference.read_rows("sample-items-2020.csv"):
        names = by_level2.setdefault(row["level2_code"], [])
        if row["level3"] not in names:
            names.append(row["level3"])
    for node in (n for n in scheme.nodes if n.level == 2 and n.code in by_level2):
        writer.writerow([node.code, level1[node.code[0]], node.name, ""])
        for number, name in enumerate(by_level2[node.code], start=1):
            writer.writerow([f"{node.code}{number:02d}", "", "", name])
    data = {
        "name": "云南省省级政府购买服务指导性目录（2026年版）",
        "document_number": "云财综〔2026〕12号（示例）",
        "base_id": scheme.id,
        "source": "file",
    }
    content = buffer.getvalue().encode("utf-8-sig")
    return editions.publish(finance, finance.region, data=data, content=content, now=when)


# What each lower tier adds of its own under a level-2 name of the catalogue it follows.
PREFECTURE_OWN = (("A08", "彝族刺绣技艺传承服务"),)
COUNTY_OWN = (("A11", "土林景区周边环境巡查服务"),)


def following(finance, base, own, name, document_number, when):
    """A lower tier's catalogue following ``base``: every level-3 service of it, codes left empty to be
    taken from it, and the tier's own services numbered 90 and up under their level-2 names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["编码", "一级目录", "二级目录", "三级目录"])
    by_id = {node.id: node for node in base.nodes}
    level2_names = {node.code: node.name for node in base.nodes if node.level == 2}
    level1_names = {node.code: node.name for node in base.nodes if node.level == 1}
    for node in (n for n in base.nodes if n.level == 3):
        level2 = by_id[node.parent_id]
        writer.writerow(["", by_id[level2.parent_id].name, level2.name, node.name])
    for number, (prefix, service) in enumerate(own, start=90):
        writer.writerow([f"{prefix}{number:02d}", level1_names[prefix[0]], level2_names[prefix], service])
    data = {"name": name, "document_number": document_number, "base_id": base.id, "source": "file"}
    content = buffer.getvalue().encode("utf-8-sig")
    return editions.publish(finance, finance.region, data=data, content=content, now=when)


def prefecture_and_county(finance, province, when):
    """楚雄州's tier catalogue following the province's, and 元谋县's following 楚雄州's."""
    prefecture = following(
        finance["532300"],
        province,
        PREFECTURE_OWN,
        "楚雄州州级政府购买服务指导性目录（2026年版）",
        "楚财综〔2026〕5号（示例）",
        when,
    )
    return following(
        finance["532328"],
        prefecture,
        COUNTY_OWN,
        "元谋县政府购买服务指导性目录（2027年版）",
        "元财综〔2027〕1号（示例）",
        when,
    )


def county_campaign(finance, edition, when):
    """元谋县's finance office runs its county's 2028 campaign on its own tier catalogue, which follows
    楚雄州's, which follows the province's."""
    data = {
        "code": "2028-532328",
        "name": "元谋县2028年度政府购买服务指导性目录编制",
        "notice_number": "元财综〔2027〕3号（示例）",
        "scheme_id": edition.id,
        "county_date": date(2028, 3, 31),
        "county_enforced": True,
    }
    return campaigns.save_campaign(finance, None, data=data, now=when)
