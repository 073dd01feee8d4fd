"""Flask extensions, created unbound and attached in ``create_app``."""

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_login import LoginManager
from flask_mailman import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from . import postgres

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base, session_options={"class_": postgres.Session})

if TYPE_CHECKING:  # mypy cannot take ``db.Model``, an attribute, as a base class: it is a Base to it

    class Model(Base):
        __abstract__ = True

else:
    Model = db.Model
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
mail = Mail()
