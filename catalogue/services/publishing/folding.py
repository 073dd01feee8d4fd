"""Folding filed out-of-catalogue requests into a list's next version: "调整实施" made part of the
published catalogue. A folded request is an ordinary item of that version and of every later one
(unless the department's own catalogue now holds the same code); the change report names each."""

from collections.abc import Sequence

from sqlalchemy import select

from core.budget import APPROVED

from ...extensions import db
from ...models import Campaign, CatalogueRequest, Department, Publication, Region


def filed_for(region: Region, campaign: Campaign, department_codes: set[str]) -> Sequence[CatalogueRequest]:
    """The filed requests of these departments of the region that extend this campaign's lists."""
    if not department_codes:
        return []
    return db.session.scalars(
        select(CatalogueRequest)
        .join(Department, CatalogueRequest.department_id == Department.id)
        .where(
            Department.region_id == region.id,
            Department.code.in_(department_codes),
            CatalogueRequest.campaign_id == campaign.id,
            CatalogueRequest.status == APPROVED,
        )
        .order_by(Department.code, CatalogueRequest.decided_at, CatalogueRequest.id)
    ).all()


def waiting(region: Region, campaign: Campaign, department_codes: set[str]) -> list[CatalogueRequest]:
    """The filed requests no version carries yet."""
    return [request for request in filed_for(region, campaign, department_codes) if request.folded_into_id is None]


def as_item(request: CatalogueRequest) -> dict:
    department = request.department
    return {
        "department_code": department.code,
        "department_name": department.name,
        "code": request.code,
        "level1_code": request.level1_code,
        "level1_name": request.level1_name,
        "level2": request.level2,
        "level3": request.level3,
        "level4": request.level4,
        "description": request.description,
        "remarks": f"目录外事项备案（{request.filing_number}）",
    }


def merged(items: list[dict], requests: list[CatalogueRequest]) -> list[dict]:
    """``items`` with each request's item after its department's last one (a code the department's
    catalogue holds already wins)."""
    if not requests:
        return items
    taken = {(item["department_code"], item["code"]) for item in items}
    extra: dict[str, list[dict]] = {}
    for request in requests:
        item = as_item(request)
        if (item["department_code"], item["code"]) not in taken:
            extra.setdefault(item["department_code"], []).append(item)
    result = []
    for index, item in enumerate(items):
        result.append(item)
        following = items[index + 1]["department_code"] if index + 1 < len(items) else None
        if following != item["department_code"]:  # the department's last item
            result.extend(extra.pop(item["department_code"], []))
    for rest in extra.values():  # a department whose catalogue has no item left
        result.extend(rest)
    return result


def report(requests: list[CatalogueRequest]) -> list[dict]:
    """What the change report says of the requests a version folds in for the first time."""
    return [
        {
            "department_name": request.department.name,
            "code": request.code,
            "level3": request.level3,
            "filing_number": request.filing_number,
        }
        for request in requests
    ]


def mark(requests: list[CatalogueRequest], publication: Publication) -> None:
    for request in requests:
        if request.folded_into_id is None:
            request.folded_into_id = publication.id
