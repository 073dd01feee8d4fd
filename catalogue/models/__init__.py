"""The domain model, one module per area."""

from .audit import AuditEvent
from .budget import BudgetLine, BudgetUpload, CatalogueRequest
from .campaign import Campaign, Extension, TierDeadline
from .catalogue import Catalogue, Item, Submission
from .form_use import FormUse
from .notification import Notification
from .publication import Publication, PublicationFile, PublishedItem
from .region import Department, Region
from .schema import SchemaCompatibility
from .scheme import Scheme, SchemeNode
from .screening import WarningDismissal
from .upload import AccountUpload, ImportUpload
from .user import ROLES, LoginAttempt, User

__all__ = [
    "AccountUpload",
    "ROLES",
    "AuditEvent",
    "BudgetLine",
    "BudgetUpload",
    "CatalogueRequest",
    "Campaign",
    "Catalogue",
    "Department",
    "Extension",
    "FormUse",
    "ImportUpload",
    "Item",
    "Notification",
    "LoginAttempt",
    "Publication",
    "PublicationFile",
    "Submission",
    "PublishedItem",
    "Region",
    "SchemaCompatibility",
    "Scheme",
    "SchemeNode",
    "TierDeadline",
    "User",
    "WarningDismissal",
]
