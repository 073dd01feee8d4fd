"""The read-only open-data API: publications, their files and items, as JSON."""

from flask import Blueprint, current_app, jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest
from werkzeug.http import generate_etag, quote_etag

from core.tiers import CODES as TIERS
from exports.publication import ITEM_FIELDS

from .. import page_cache
from ..links import public_url
from ..security import vary_on
from ..services.publishing import public, search
from ..services.publishing.publications import metadata
from .api_spec import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")
CACHE_SECONDS = 300


def _integer(name, default, low, high):
    value = request.args.get(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadRequest(_("%(name)s must be a whole number.", name=name)) from None
    if not low <= number <= high:
        raise BadRequest(_("%(name)s must be between %(low)d and %(high)d.", name=name, low=low, high=high))
    return number


def _tier():
    """The tier asked for, or None when the parameter is left out; given empty or unknown, a 400."""
    tier = request.args.get("tier")
    if tier is not None and tier not in TIERS:
        raise BadRequest(_("tier must be one of: %(values)s.", values=", ".join(TIERS)))
    return tier


def _summary(publication):
    data = metadata(publication)
    data.update(
        effective_date=publication.effective_date.isoformat(),
        superseded=publication.superseded,
        url=public_url("api.publication", publication_id=publication.id),
        html_url=public_url("public.publication", publication_id=publication.id),
    )
    return data


@bp.get("/publications")
@page_cache.cached_page(public.generation)  # performance: as the public pages (page_cache)
def publications():
    tier = _tier()
    listed = public.publications(
        region_code=request.args.get("region") or None, tier=tier, campaign_code=request.args.get("campaign") or None
    )
    return jsonify({"publications": [_summary(p) for p in listed]})


@bp.get("/publications/<int:publication_id>")
@page_cache.cached_page(public.generation)  # performance: as the public pages (page_cache)
def publication(publication_id):
    found = public.get_publication(publication_id)
    data = _summary(found)
    data["changes"] = found.changes
    data["files"] = [
        {
            "format": f.format,
            "department_code": f.department_code or None,
            "department_name": f.department_name or None,
            "size": f.size,
            "sha256": f.sha256,
            "url": public_url(
                "public.download", publication_id=found.id, fmt=f.format, department=f.department_code or None
            ),
        }
        for f in found.files
    ]
    data["filed_requests"] = [
        {
            "id": filed.id,
            "department_code": filed.department.code,
            "department_name": filed.department.name,
            "code": filed.code,
            "level1_name": filed.level1_name,
            "level2": filed.level2,
            "level3": filed.level3,
            "level4": filed.level4,
            "filing_number": filed.filing_number,
            "approved_at": filed.decided_at.isoformat(),
        }
        for filed in public.filed_requests(found)
    ]
    return jsonify(data)


@bp.get("/publications/<int:publication_id>/items")
@page_cache.cached_page(public.generation)  # performance: as the public pages (page_cache)
def items(publication_id):
    found = public.get_publication(publication_id)
    page = _integer("page", 1, 1, 100_000)
    per_page = _integer("per_page", public.PER_PAGE, 1, public.MAX_PER_PAGE)
    results = public.search_items(
        found,
        q=(request.args.get("q") or "").strip()[:100],
        department=request.args.get("department") or "",
        level1=request.args.get("level1") or "",
        page=page,
        per_page=per_page,
    )
    return jsonify(
        {
            "items": [
                {**{name: getattr(item, name) for name in ITEM_FIELDS}, "code_source": found.code_source}
                for item in results.rows
            ],
            "page": results.page,
            "per_page": results.per_page,
            "total": results.total,
            "pages": results.pages,
        }
    )


@bp.get("/items")
@page_cache.cached_page(public.generation)  # performance: as the public pages (page_cache)
def search_items():
    """Items of every current publication, as the public search page finds them."""
    tier = _tier() or ""
    results = search.search(
        q=request.args.get("q") or "",
        region=(request.args.get("region") or "").strip()[:12],
        tier=tier,
        campaign=(request.args.get("campaign") or "").strip()[:20],
        level1=(request.args.get("level1") or "").strip()[:200],
        page=_integer("page", 1, 1, 100_000),
        per_page=_integer("per_page", search.PER_PAGE, 1, search.MAX_PER_PAGE),
    )
    return jsonify(
        {
            "items": [
                {
                    **{name: getattr(row, name) for name in ITEM_FIELDS},
                    "code_source": row.code_source,
                    "publication": {
                        "id": row.publication_id,
                        "title": row.publication_title,
                        "version": row.version,
                        "url": public_url("api.publication", publication_id=row.publication_id),
                    },
                    "region_code": row.region_code,
                    "region_name": row.region_name,
                    "tier": row.tier,
                    "campaign_code": row.campaign_code,
                    "campaign_name": row.campaign_name,
                }
                for row in results.rows
            ],
            "page": results.page,
            "per_page": results.per_page,
            "total": results.total,
            "total_is_lower_bound": results.capped,
            "pages": results.pages,
        }
    )


@bp.after_request
def open_data_headers(response):
    """Read-only open data: any site may read it (CORS), caches may keep it a while, and a client
    that has it already gets 304. An answer holding a sentence (the catalogue check's ``message``,
    every error's) is in the language of ``lang`` or else of ``Accept-Language`` (``i18n``), which
    ``Vary`` names: a shared cache keeps one answer per language, never another's."""
    asked = request._get_current_object()  # performance: looked up through its proxy once
    if asked.method in ("GET", "HEAD"):
        headers = response.headers
        headers["Access-Control-Allow-Origin"] = "*"
        # the catalogue check's budget status changes with any line recorded: revalidated each time
        fresh = asked.endpoint == "api.catalogue_check"
        if fresh or response.status_code != 200:
            vary_on(response, "Accept-Language")
        if response.status_code == 200:
            headers["Cache-Control"] = "public, no-cache" if fresh else f"public, max-age={CACHE_SECONDS}"
            # performance: the ETag made as add_etag makes it and If-None-Match looked for as werkzeug
            # would, but neither found missing by a KeyError raised and caught (werkzeug's own, an HTTP
            # error made with its text), nor the header looked for again to be replaced
            if not headers.getlist("ETag"):
                headers.add("ETag", quote_etag(generate_etag(response.get_data())))
            if "HTTP_IF_NONE_MATCH" in asked.environ:  # the rest of make_conditional: ranges and dates
                response.make_conditional(asked)
    return response


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(public_url("api.publications").removesuffix("/publications"), current_app.config))
