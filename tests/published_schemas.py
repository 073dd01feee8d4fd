"""Schemas others publish, fetched as published (never copied into this repository) and checked by hash.

Project Open Data's metadata schema v1.1 is published, among other places, inside GSA's CKAN extension on
PyPI (public domain). pip downloads that wheel from the package registry once; the test reads the
schema for publishers outside the US federal government (no bureau or programme codes) from it.
"""

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import referencing
from referencing.jsonschema import DRAFT4

POD_WHEEL = "ckanext_datajson-0.1.29-py3-none-any.whl"
POD_WHEEL_SHA256 = "913ffa362e0dc6f19861e70f95dd85b10a03d368d1948753f4dfafb94948a910"
POD_DIRECTORY = "ckanext/datajson/pod_schema/non-federal-v1.1/"
CACHE = Path.home() / ".cache" / "catalogue-tests"


def _wheel():
    path = CACHE / POD_WHEEL
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(CACHE),
             "ckanext-datajson==0.1.29"],
            check=True,
        )  # fmt: skip
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == POD_WHEEL_SHA256, f"{path} is not the published wheel ({digest})"
    return path


def project_open_data():
    """The catalog schema, and a registry that resolves the dataset schema it refers to by name."""
    with zipfile.ZipFile(_wheel()) as wheel:
        catalog = json.loads(wheel.read(POD_DIRECTORY + "catalog.json"))
        dataset = json.loads(wheel.read(POD_DIRECTORY + "dataset-non-federal.json"))
    base = catalog["id"].rsplit("/", 1)[0]
    registry = referencing.Registry().with_resource(f"{base}/dataset-non-federal.json", DRAFT4.create_resource(dataset))
    return catalog, registry
