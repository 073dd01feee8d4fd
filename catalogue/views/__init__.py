"""Blueprints, one per audience: the public site and API, log-in, clerks, finance offices."""

# progress adds routes to finance, import_files to imports
from . import api, auth, department, editions, finance, import_files, imports, main, progress, public, publishing  # noqa: F401

BLUEPRINTS = (
    public.bp,
    main.bp,
    auth.bp,
    department.bp,
    imports.bp,
    finance.bp,
    editions.bp,
    publishing.bp,
    api.bp,
)
