"""Blueprints, one per audience: the public site and API, log-in, clerks, finance offices."""

# progress adds routes to finance, import_files to imports, catalogue_check to api
from . import (  # noqa: F401
    account,
    accounts,
    api,
    audit_log,
    auth,
    budget,
    catalogue_check,
    department,
    editions,
    finance,
    import_files,
    imports,
    inbox,
    main,
    open_data,
    progress,
    public,
    publishing,
    requests,
)

BLUEPRINTS = (
    public.bp,
    main.bp,
    auth.bp,
    account.bp,
    accounts.bp,
    inbox.bp,
    audit_log.bp,
    department.bp,
    imports.bp,
    finance.bp,
    editions.bp,
    publishing.bp,
    requests.bp,
    budget.bp,
    api.bp,
    open_data.bp,
)
