"""/data.json: the datasets the site publishes, as open-data portals list theirs: one dataset per list in
force, its files as distributions, in Project Open Data metadata v1.1 (the schema for publishers outside the
US federal government, which has no bureau or programme codes; tests/views/test_open_data.py validates it).

Who to ask and who publishes come from configuration (SITE_PUBLISHER, SITE_CONTACT_EMAIL), so a portal that
harvests the file can reach the office; the licence is named by its address (DATA_LICENSE_URL), as the
schema requires, or left null."""

from flask import Blueprint, current_app, jsonify

from ..links import public_url
from ..services.publishing import public
from .api import open_data_headers

bp = Blueprint("open_data", __name__)
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "json": "application/json",
    "pdf": "application/pdf",
}


SCHEMA_URL = "https://project-open-data.cio.gov/v1.1/schema"


def _contact_point(publication, config):
    """The vCard the schema requires: the office that runs the site, and its address for mail if set."""
    contact = {"@type": "vcard:Contact", "fn": config["SITE_PUBLISHER"] or publication.region_name}
    if config["SITE_CONTACT_EMAIL"]:
        contact["hasEmail"] = f"mailto:{config['SITE_CONTACT_EMAIL']}"
    return contact


def _dataset(publication, config):
    files = [file for file in publication.files if not file.department_code]
    return {
        "@type": "dcat:Dataset",
        "title": publication.title,
        "description": f"{publication.region_name} · {publication.campaign_name} · {publication.document_number}",
        "identifier": public_url("public.publication", publication_id=publication.id),
        "issued": publication.effective_date.isoformat(),
        "modified": publication.published_at.date().isoformat(),
        "publisher": {"@type": "org:Organization", "name": config["SITE_PUBLISHER"] or publication.region_name},
        "contactPoint": _contact_point(publication, config),
        "accessLevel": "public",
        "license": config["DATA_LICENSE_URL"] or None,
        "keyword": ["政府购买服务", "指导性目录", publication.region_name],
        "language": ["zh-CN"],
        "spatial": publication.region_name,
        "landingPage": public_url("public.publication", publication_id=publication.id),
        "distribution": [
            {
                "@type": "dcat:Distribution",
                "format": file.format.upper(),
                "mediaType": MEDIA_TYPES[file.format],
                "downloadURL": public_url("public.download", publication_id=publication.id, fmt=file.format),
                "byteSize": file.size,
                "checksum": {"algorithm": "sha256", "checksumValue": file.sha256},
            }
            for file in files
        ],
    }


@bp.get("/data.json")
def catalog():
    config = current_app.config
    listed = public.publications(current_only=True)
    response = jsonify(
        {
            "@context": f"{SCHEMA_URL}/catalog.jsonld",
            "@id": public_url("open_data.catalog"),
            "@type": "dcat:Catalog",
            "conformsTo": SCHEMA_URL,
            "describedBy": f"{SCHEMA_URL}/catalog.json",
            "title": "政府购买服务指导性目录",
            "publisher": config["SITE_PUBLISHER"],
            "license": config["DATA_LICENSE_URL"] or config["DATA_LICENSE"],
            "dataset": [_dataset(publication, config) for publication in listed],
        }
    )
    return open_data_headers(response)
