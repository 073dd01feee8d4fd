"""The domain model, one module per area."""
from .audit import AuditEvent
from .campaign import Campaign, Extension, TierDeadline
from .catalogue import EDITABLE_STATUSES, STATUSES, Catalogue, Item
from .publication import Publication, PublicationFile, PublishedItem
from .region import TIERS, Department, Region
from .scheme import Scheme, SchemeNode
from .upload import ImportUpload
from .user import ROLES, User

__all__ = [
    "AuditEvent", "Campaign", "Catalogue", "Department", "EDITABLE_STATUSES", "Extension",
    "ImportUpload", "Item", "Publication", "PublicationFile", "PublishedItem", "ROLES", "Region", "STATUSES", "Scheme", "SchemeNode", "TIERS", "TierDeadline", "User",
]
