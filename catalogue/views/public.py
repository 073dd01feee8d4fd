"""The public site: published lists to browse, search and download, without an account."""

from io import BytesIO

from flask import Blueprint, Response, render_template, request, send_file

from core.characters import header_safe
from exports import XLSX_MIMETYPE

from .. import page_cache
from ..errors import NotFound
from ..services.publishing import editions, public
from ..services.publishing import search as search_service
from .common import page_number

bp = Blueprint("public", __name__)
MIMETYPES = {
    "xlsx": XLSX_MIMETYPE,
    "csv": "text/csv",  # Flask adds "; charset=utf-8"
    "json": "application/json",
    "pdf": "application/pdf",
}


@bp.get("/")
@page_cache.cached_page(public.generation)  # performance: public pages are cached (see page_cache)
def home():
    tier = request.args.get("tier") or None
    listed = public.publications(
        region_code=request.args.get("region") or None,
        tier=tier,
        campaign_code=request.args.get("campaign") or None,
        current_only=True,
    )
    return render_template(
        "public/home.html",
        publications=listed,
        tier=tier,
        region=request.args.get("region", ""),
        regions=public.publishing_regions(),
        editions=editions.all_editions(),
    )


@bp.get("/publications/<int:publication_id>")
@page_cache.cached_page(public.generation)
def publication(publication_id):
    found = public.get_publication(publication_id)
    q = (request.args.get("q") or "").strip()[:100]
    department = request.args.get("department") or ""
    level1 = request.args.get("level1") or ""
    results = public.search_items(found, q=q, department=department, level1=level1, page=page_number())
    departments, level1_counts = public.facets(found)
    return render_template(
        "public/publication.html",
        publication=found,
        results=results,
        q=q,
        department=department,
        level1=level1,
        departments=departments,
        level1_counts=level1_counts,
        files=public.files_of(found),
        department_files=public.files_of(found, department) if department else [],
        replacement=public.replacement(found) if found.superseded else None,
        versions=public.versions(found),
        filed=public.filed_requests(found),
    )


@bp.get("/publications/<int:publication_id>/compare")
@page_cache.cached_page(public.generation)
def compare(publication_id):
    found = public.get_publication(publication_id)
    previous, report = public.compare_with_previous_campaign(found)
    return render_template("public/compare.html", publication=found, previous=previous, report=report)


HEADERS_KEPT = ("Content-Type", "Content-Disposition", "ETag", "Last-Modified", "Cache-Control")


def _stored_file(publication_id, fmt, department):
    """The bytes and response headers of a download, made once per process: published files never change.

    Performance: ``send_file`` makes the headers (RFC 6266 name with an ASCII fallback, ETag from the
    SHA-256) once; later downloads of the file are one write of the cached bytes with those headers.
    """
    key = ("download", publication_id, fmt, department)
    hit = page_cache.files.get(key)
    if hit is not None:
        return hit[0]
    found = public.get_publication(publication_id)
    file = public.get_file(found, fmt, department)
    ascii_name = f"{found.region_code}-{found.campaign_code}-v{found.version}"
    if file.department_code:
        ascii_name += f"-{file.department_code}"
    content = public.file_content(file.id)
    model = send_file(
        BytesIO(content),
        mimetype=MIMETYPES[fmt],
        as_attachment=True,
        download_name=header_safe(f"{ascii_name} {file.filename}"),
        etag=file.sha256,
        max_age=86400,
        last_modified=found.published_at,
    )
    model.close()
    entry = (content, [(name, model.headers[name]) for name in HEADERS_KEPT if name in model.headers])
    page_cache.files.put(key, entry, file.size)
    return entry


@bp.get("/publications/<int:publication_id>/download/<fmt>")
def download(publication_id, fmt):
    if fmt not in MIMETYPES:
        raise NotFound()
    content, headers = _stored_file(publication_id, fmt, request.args.get("department") or "")
    response = Response(content, headers=headers)
    # Open data, like the API: a page on any site may fetch the file, and read its name and version.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "Content-Disposition, ETag"
    return response.make_conditional(request, accept_ranges=True, complete_length=len(content))


@bp.get("/search")
@page_cache.cached_page(public.generation)
def search():
    """Every current publication's items at once, filtered, paged; a plain GET form."""
    args = {
        name: (request.args.get(name) or "").strip()[:100] for name in ("q", "region", "tier", "campaign", "level1")
    }
    results = search_service.search(**args, page=page_number()) if any(args.values()) else None
    return render_template("public/search.html", results=results, choices=search_service.filter_choices(), **args)
