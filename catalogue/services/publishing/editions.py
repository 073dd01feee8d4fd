"""Tier catalogues (本级指导性目录): a finance office publishes the levels 1 to 3 of its tier as an
edition of an official scheme, or following the tier catalogue of a region above (the prefecture's
following the province's, the county's the prefecture's: "参照省州目录"), from a spreadsheet or from
its latest publication. A campaign of its region, or of a region below, may then use it: department
items descend from its nodes, and its codes bind them (core.item_rules); the nearest catalogue
decides, and the chain it follows is shown with it."""

from collections.abc import Sequence
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core.characters import refusals
from imports.edition import EditionNode, EditionPlan, plan_edition

from ...errors import Invalid, NotFound
from ...extensions import db
from ...models import Publication, PublishedItem, Region, Scheme, SchemeNode
from ...transaction import flush
from ..catalogues.item_rules import scheme_index
from ..kernel import audit
from ..kernel.coverage import ancestors_or_self
from ..kernel.permissions import Actor, require_publisher
from ..kernel.uploads import check_size
from .publications import document_number_errors

NAME_MAX = 200
SOURCES = ("file", "publication")


class FileHasErrors(Invalid):
    """The spreadsheet is not a tier catalogue as it stands; ``plan`` has every error with its cell."""

    def __init__(self, plan: EditionPlan):
        super().__init__({"file": [_l("The file has errors: correct them and upload it again.")]})
        self.plan = plan


def official_schemes() -> Sequence[Scheme]:
    return db.session.scalars(select(Scheme).where(Scheme.region_id.is_(None)).order_by(Scheme.code)).all()


def editions_of(region: Region) -> Sequence[Scheme]:
    """The tier catalogues ``region``'s finance office has published, newest first."""
    query = select(Scheme).where(Scheme.region_id == region.id).order_by(Scheme.published_at.desc(), Scheme.id.desc())
    return db.session.scalars(query).all()


def all_editions() -> Sequence[Scheme]:
    """Every published tier catalogue (public documents), by region, newest first."""
    query = (
        select(Scheme)
        .join(Region, Scheme.region_id == Region.id)
        .order_by(Region.code, Scheme.published_at.desc(), Scheme.id.desc())
    )
    return db.session.scalars(query).all()


def bases_for(region: Region) -> list[Scheme]:
    """What ``region``'s tier catalogue may follow: an official scheme, or the tier catalogue of a
    region above it (the prefecture's following the province's, the county's the prefecture's)."""
    above = [r.id for r in ancestors_or_self(region)[1:]]
    editions = select(Scheme).where(Scheme.region_id.in_(above)).order_by(Scheme.published_at.desc())
    return [*official_schemes(), *db.session.scalars(editions)]


def schemes_for(region: Region) -> list[Scheme]:
    """What a campaign run by ``region``'s office may use: the official schemes, and the tier
    catalogues of its own region and of the regions above it."""
    above = [r.id for r in ancestors_or_self(region)]
    editions = select(Scheme).where(Scheme.region_id.in_(above)).order_by(Scheme.published_at.desc())
    return [*official_schemes(), *db.session.scalars(editions)]


def usable_by(scheme: Scheme, region: Region):
    """None if a campaign of ``region`` may use ``scheme``, else why not."""
    owner = scheme.region  # none for an official scheme, which every campaign may use
    if owner is None or owner.id in {r.id for r in ancestors_or_self(region)}:
        return None
    return _l(
        "%(scheme)s is the tier catalogue of %(owner)s: a campaign of %(region)s may use its own region's "
        "or an upper tier's.",
        scheme=scheme.name,
        owner=owner.name,
        region=region.name,
    )


def get_edition(code: str) -> Scheme:
    """A published tier catalogue (a public document: anyone may read it)."""
    scheme = db.session.scalar(select(Scheme).where(Scheme.code == code, Scheme.region_id.is_not(None)))
    if scheme is None:
        raise NotFound()
    return scheme


def latest_publication(region: Region) -> Publication | None:
    """The newest list ``region`` has published that is still in force."""
    query = (
        select(Publication)
        .where(Publication.region_id == region.id, Publication.superseded.is_(False))
        .order_by(Publication.published_at.desc(), Publication.id.desc())
    )
    return db.session.scalars(query).first()


def preview_file(user: Actor, region: Region, *, base: Scheme, content: bytes, sheet: str | None = None):
    """The tier catalogue a spreadsheet holds, with every error and note, before anything is stored."""
    require_publisher(user, region)
    check_size(len(content))
    return plan_edition(content, scheme_index(base), sheet)


def from_publication(user: Actor, region: Region) -> tuple[Publication, EditionPlan]:
    """The levels 1 to 3 of ``region``'s latest publication, as a tier catalogue (names, no codes)."""
    require_publisher(user, region)
    publication = latest_publication(region)
    if publication is None:
        raise Invalid({"source": [_l("%(region)s has not published a list yet.", region=region.name)]})
    plan, seen = EditionPlan(publication.title), set()
    query = select(PublishedItem).where(PublishedItem.publication_id == publication.id).order_by(PublishedItem.number)
    for item in db.session.scalars(query):
        for node in (
            EditionNode(1, item.level1_code, item.level1_name, None, item.number),
            EditionNode(2, "", item.level2, (item.level1_code,), item.number),
            EditionNode(3, "", item.level3, (item.level1_code, item.level2), item.number),
        ):
            if node.key not in seen:
                seen.add(node.key)
                plan.nodes.append(node)
    return publication, plan


def _checked(region: Region, data: dict) -> tuple[str, str, Scheme]:
    name = (data.get("name") or "").strip()
    document_number = (data.get("document_number") or "").strip()
    errors = refusals(
        [
            ("name", name, _l("Name"), False),
            ("document_number", document_number, _l("Document number (文号)"), False),
        ]
    )
    if not name:
        errors.setdefault("name", [_l("Give the tier catalogue its name.")])
    elif len(name) > NAME_MAX:
        errors.setdefault("name", [_l("At most %(max)d characters.", max=NAME_MAX)])
    errors.update(document_number_errors(document_number, errors))
    base = db.session.get(Scheme, data.get("base_id")) if data.get("base_id") else None
    if base is None:
        errors["base_id"] = [_l("Choose the official scheme or the upper tier's catalogue this one follows.")]
    elif base.region is not None and base.region_id not in {r.id for r in ancestors_or_self(region)[1:]}:
        errors["base_id"] = [
            _l(
                "%(scheme)s is the tier catalogue of %(owner)s: %(region)s's may follow an official scheme or the "
                "catalogue of a region above it.",
                scheme=base.name,
                owner=base.region.name,
                region=region.name,
            )
        ]
    if errors or base is None:
        raise Invalid(errors)
    return name, document_number, base


def publish(
    user: Actor,
    region: Region,
    *,
    data: dict,
    content: bytes | None = None,
    sheet: str | None = None,
    now: datetime,
) -> Scheme:
    """Publish ``region``'s tier catalogue: ``data`` has name, document_number, base_id and source
    ("file": the levels of ``content``; "publication": those of the region's latest list)."""
    require_publisher(user, region)
    name, document_number, base = _checked(region, data)
    if data.get("source") == "publication":
        publication, plan = from_publication(user, region)
        base = publication.campaign.scheme.official
    else:
        if not content:
            raise Invalid({"file": [_l("Choose the spreadsheet of the tier catalogue.")]})
        plan = preview_file(user, region, base=base, content=content, sheet=sheet)
        if plan.has_errors:
            raise FileHasErrors(plan)
    count = db.session.execute(select(func.count(Scheme.id)).where(Scheme.region_id == region.id)).scalar_one()
    scheme = Scheme(
        code=f"{region.code}-{count + 1}",
        name=name,
        region=region,
        base=base,
        document_number=document_number,
        published_at=now,
        published_by_id=user.id,
    )
    nodes: dict[tuple, SchemeNode] = {}
    for node in plan.nodes:
        stored = SchemeNode(
            code=node.code or None,
            level=node.level,
            name=node.name,
            parent=nodes.get(node.parent),
            code_source="edition",
        )
        scheme.nodes.append(stored)
        nodes[node.key] = stored
    db.session.add(scheme)
    flush()
    audit.record(
        user,
        "publish_edition",
        scheme,
        after={"name": name, "document_number": document_number, "nodes": len(plan.nodes)},
        at=now,
    )
    return scheme


def tree(scheme: Scheme) -> list[tuple[SchemeNode, list[tuple[SchemeNode, list[SchemeNode]]]]]:
    """The nodes as level 1 → level 2 → level 3, in the order the catalogue lists them."""
    below: dict[int | None, list[SchemeNode]] = {}
    for node in scheme.nodes:
        below.setdefault(node.parent_id, []).append(node)
    return [
        (level1, [(level2, below.get(level2.id, [])) for level2 in below.get(level1.id, [])])
        for level1 in below.get(None, [])
    ]
