"""The OpenAPI 3.1 description of the open-data API (kept next to the views it describes)."""

from core.tiers import CODES as TIERS
from exports.publication import ITEM_FIELDS

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NULLABLE_STRING = {"type": ["string", "null"]}
# Parameters: any text but NUL, which every address of the site refuses (error_pages).
TEXT = {"type": "string", "pattern": "^[^\\u0000]*$"}
FILLED = {**TEXT, "minLength": 1}  # a required parameter left empty is answered 400
CODE = {"type": "string", "pattern": "^[A-Za-z0-9]{1,20}$"}
TIER = {"type": "string", "enum": list(TIERS), "description": "Leave the parameter out for every tier."}
PAGE = {"type": "integer", "minimum": 1, "maximum": 100_000}


def _parameter(name, description, schema=TEXT, where="query", required=False):
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


PUBLICATION_ID = _parameter("publication_id", "Publication id.", INTEGER, "path", True)
ERROR = {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

CODE_SOURCE = {
    "type": "string",
    "enum": ["department", "edition"],
    "description": "Whose the items' codes are: 'department', each department's own numbering under the official "
    "level-1 letter (never an official code); 'edition', the codes of the tier catalogue the campaign follows.",
}
SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {"status": INTEGER, "message": STRING},
            }
        },
    },
    "Publication": {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "title": STRING,
            "document_number": STRING,
            "effective_date": {"type": "string", "format": "date"},
            "version": INTEGER,
            "supersedes": {"type": ["integer", "null"]},
            "superseded": {"type": "boolean"},
            "region_code": STRING,
            "region_name": STRING,
            "tier": {"type": "string", "enum": list(TIERS)},
            "campaign_code": STRING,
            "campaign_name": STRING,
            "department_code": {
                **NULLABLE_STRING,
                "description": "Set when the list is one department's (分部门印发).",
            },
            "department_name": NULLABLE_STRING,
            "published_at": {"type": "string", "format": "date-time"},
            "item_count": INTEGER,
            "code_source": CODE_SOURCE,
            "url": STRING,
            "html_url": STRING,
        },
    },
    "File": {
        "type": "object",
        "properties": {
            "format": {"type": "string", "enum": ["xlsx", "csv", "json", "pdf"]},
            "department_code": NULLABLE_STRING,
            "department_name": NULLABLE_STRING,
            "size": INTEGER,
            "sha256": STRING,
            "url": STRING,
        },
    },
    "CatalogueCheck": {
        "type": "object",
        "required": ["in_catalogue", "basis", "publication", "request", "item", "budget", "message"],
        "properties": {
            "in_catalogue": {"type": "boolean"},
            "basis": {"type": ["string", "null"], "enum": ["publication", "request", None]},
            "publication": {
                "type": ["object", "null"],
                "properties": {
                    "id": INTEGER,
                    "version": INTEGER,
                    "document_number": STRING,
                    "effective_date": {"type": "string", "format": "date"},
                },
            },
            "request": {
                "type": ["object", "null"],
                "properties": {
                    "id": INTEGER,
                    "filing_number": STRING,
                    "approved_at": {"type": "string", "format": "date-time"},
                },
            },
            "item": {
                "type": ["object", "null"],
                "properties": dict.fromkeys(("code", "level1_name", "level2", "level3", "level4"), STRING),
            },
            "budget": {
                "type": "object",
                "description": "The department's budget lines citing the code for the date's year: 财综〔2020〕57号 "
                "forbids carrying out a catalogued service without a budget.",
                "required": ["year", "budgeted", "lines", "amount"],
                "properties": {
                    "year": INTEGER,
                    "budgeted": {"type": "boolean"},
                    "lines": INTEGER,
                    "amount": {"type": "string", "description": "Their sum in yuan, two decimals."},
                },
            },
            "message": {
                "type": "string",
                "description": "The answer in a sentence: in Chinese, or in English with lang=en or Accept-Language: "
                "en (the answer names Accept-Language in Vary).",
            },
            "department": STRING,
            "date": {"type": "string", "format": "date"},
        },
    },
    "Item": {
        "type": "object",
        "properties": {
            **{name: (INTEGER if name == "number" else STRING) for name in ITEM_FIELDS},
            "code_source": CODE_SOURCE,
        },
    },
}


def openapi_document(server_url, config):
    contact = {"name": config["SITE_PUBLISHER"] or "政府购买服务指导性目录", "url": server_url}
    if config["SITE_CONTACT_EMAIL"]:
        contact["email"] = config["SITE_CONTACT_EMAIL"]
    licence = {"name": config["DATA_LICENSE"]}
    if config["DATA_LICENSE_URL"]:
        licence["url"] = config["DATA_LICENSE_URL"]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "政府购买服务指导性目录 open data API",
            "version": "1.0.0",
            "description": "Published guiding catalogues: read-only, no authentication. Responses carry "
            "Access-Control-Allow-Origin: *, Cache-Control and an ETag (304 on If-None-Match).",
            "contact": contact,
            "license": licence,
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/publications": {
                "get": {
                    "summary": "List publications, newest campaign first",
                    "parameters": [
                        _parameter("region", "Region code (GB/T 2260), e.g. 530000."),
                        _parameter("tier", "Tier: " + ", ".join(TIERS) + ".", TIER),
                        _parameter("campaign", "Campaign code, e.g. 2017."),
                    ],
                    "responses": {
                        "200": {
                            "description": "Publications",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "publications": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Publication"},
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
            "/publications/{publication_id}": {
                "get": {
                    "summary": "One publication with its files and change report",
                    "parameters": [PUBLICATION_ID],
                    "responses": {
                        "200": {
                            "description": "The publication",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            {"$ref": "#/components/schemas/Publication"},
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "changes": {"type": ["object", "null"]},
                                                    "filed_requests": {
                                                        "type": "array",
                                                        "description": "Out-of-catalogue services filed (备案) "
                                                        "for its departments since this version",
                                                        "items": {"type": "object"},
                                                    },
                                                    "files": {
                                                        "type": "array",
                                                        "items": {"$ref": "#/components/schemas/File"},
                                                    },
                                                },
                                            },
                                        ]
                                    }
                                }
                            },
                        },
                        "404": ERROR,
                    },
                }
            },
            "/publications/{publication_id}/items": {
                "get": {
                    "summary": "Items of a publication: search and filters, paginated",
                    "parameters": [
                        PUBLICATION_ID,
                        _parameter("q", "Text searched in the code, names and description."),
                        _parameter("department", "Department code."),
                        _parameter("level1", "Level-1 category code, e.g. A."),
                        _parameter("page", "Page number, from 1.", PAGE),
                        _parameter(
                            "per_page",
                            "Items per page (1-200, default 50).",
                            {"type": "integer", "minimum": 1, "maximum": 200},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of items",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                                            "page": INTEGER,
                                            "per_page": INTEGER,
                                            "total": INTEGER,
                                            "pages": INTEGER,
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR,
                        "404": ERROR,
                    },
                }
            },
            "/catalogue-check": {
                "get": {
                    "summary": "Is a service in a department's catalogue on a day? (for budget and payment systems)",
                    "description": "True when the code is in the department's list in force that day (the latest "
                    "version effective then) or in an out-of-catalogue request filed (备案) by the end of that day.",
                    "parameters": [
                        _parameter("department", "Department code, e.g. 530000007.", FILLED, required=True),
                        _parameter("code", "Catalogue code, letters and digits, e.g. A0101001.", CODE, required=True),
                        _parameter(
                            "date",
                            "The day (YYYY-MM-DD); today in Asia/Shanghai if left out.",
                            {"type": "string", "format": "date"},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "The answer",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/CatalogueCheck"}}
                            },
                        },
                        "400": ERROR,
                        "404": ERROR,
                    },
                }
            },
            "/items": {
                "get": {
                    "summary": "Items of every list in force (a department's own list only where its region's list "
                    "does not carry it), newest first",
                    "parameters": [
                        _parameter("q", "Text searched in the code, names and description, e.g. 养老服务."),
                        _parameter("region", "Region code (GB/T 2260): that region and the regions below it."),
                        _parameter("tier", "Tier: " + ", ".join(TIERS) + ".", TIER),
                        _parameter("campaign", "Campaign code, e.g. 2027."),
                        _parameter("level1", "Level-1 category, by code (A) or name (公共服务)."),
                        _parameter("page", "Page number, from 1.", PAGE),
                        _parameter(
                            "per_page",
                            "Items per page (1-100, default 20).",
                            {"type": "integer", "minimum": 1, "maximum": 100},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of items; total counts up to 1,000 (total_is_lower_bound past it)",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                                            "page": INTEGER,
                                            "per_page": INTEGER,
                                            "total": INTEGER,
                                            "total_is_lower_bound": {"type": "boolean"},
                                            "pages": INTEGER,
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
