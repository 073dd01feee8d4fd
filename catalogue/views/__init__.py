"""Blueprints, one per audience: the public site and API, log-in, clerks, finance offices."""

from . import api, auth, department, editions, finance, imports, main, progress, public, publishing  # noqa: F401 - progress adds routes to finance

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
