"""What the database says about its own schema, beside alembic's revision."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model


class SchemaCompatibility(Model):
    """One row: the oldest code revision that can run on the schema (written by migrations/env.py,
    read by catalogue/health.py for rolling upgrades)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    oldest_code: Mapped[str] = mapped_column(String(32))
