"""The public site: published lists to browse, search and download, without an account."""
from io import BytesIO

from flask import Blueprint, render_template, request, send_file

from .. import page_cache
from ..services import public
from ..services.errors import NotFound

bp = Blueprint("public", __name__)
MIMETYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",  # Flask adds "; charset=utf-8"
    "json": "application/json",
}


@bp.get("/")
@page_cache.cached_page(public.generation)
def home():
    tier = request.args.get("tier") or None
    listed = public.publications(region_code=request.args.get("region") or None, tier=tier,
                                 campaign_code=request.args.get("campaign") or None)
    return render_template("public/home.html", publications=listed, tier=tier)


def _page_number():
    try:
        return max(int(request.args.get("page", 1)), 1)
    except ValueError:
        return 1


@bp.get("/publications/<int:publication_id>")
@page_cache.cached_page(public.generation)
def publication(publication_id):
    found = public.get_publication(publication_id)
    q = (request.args.get("q") or "").strip()[:100]
    department = request.args.get("department") or ""
    level1 = request.args.get("level1") or ""
    results = public.search_items(found, q, department, level1, _page_number())
    departments, level1_counts = public.facets(found)
    return render_template("public/publication.html", publication=found, results=results, q=q,
                           department=department, level1=level1, departments=departments,
                           level1_counts=level1_counts, files=public.files_of(found),
                           department_files=public.files_of(found, department) if department else [])


@bp.get("/publications/<int:publication_id>/compare")
@page_cache.cached_page(public.generation)
def compare(publication_id):
    found = public.get_publication(publication_id)
    previous, report = public.compare_with_previous_campaign(found)
    return render_template("public/compare.html", publication=found, previous=previous, report=report)


@bp.get("/publications/<int:publication_id>/download/<fmt>")
def download(publication_id, fmt):
    if fmt not in MIMETYPES:
        raise NotFound()
    found = public.get_publication(publication_id)
    file = public.get_file(found, fmt, request.args.get("department") or "")
    content = page_cache.file_bytes(file, public.file_content)
    ascii_name = f"{found.region.code}-{found.campaign.code}-v{found.version}"
    if file.department_code:
        ascii_name += f"-{file.department_code}"
    return send_file(BytesIO(content), mimetype=MIMETYPES[fmt], as_attachment=True,
                     download_name=f"{ascii_name} {file.filename}", etag=file.sha256, conditional=True,
                     max_age=86400, last_modified=found.published_at)
