"""/data.json: the datasets the site publishes, as open-data portals list theirs (DCAT-US style):
one dataset per list in force, its files as distributions."""

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
        "license": config["DATA_LICENSE_URL"] or config["DATA_LICENSE"],
        "keyword": ["政府购买服务", "指导性目录", publication.region_name],
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
            "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "title": "政府购买服务指导性目录",
            "publisher": config["SITE_PUBLISHER"],
            "license": config["DATA_LICENSE_URL"] or config["DATA_LICENSE"],
            "dataset": [_dataset(publication, config) for publication in listed],
        }
    )
    return open_data_headers(response)
