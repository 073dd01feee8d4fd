"""Configuration read from the environment, with embedded defaults for a laptop."""

import os
import secrets
from pathlib import Path

from exports import fonts

from .clock import SHANGHAI


def database_url(url):
    """Return ``url`` with the psycopg 3 driver named for plain PostgreSQL URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_secret_key(instance_path):
    """Read the secret key kept in the instance folder, creating it once."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": "a long random value, the same on every host",
    "DATABASE_URL": "the PostgreSQL database, postgresql://user@host/name",
}


def production_problem(environ=os.environ):
    """Why a production process must not start (a setting left to its laptop default), or None."""
    if environ.get("CATALOGUE_ENV") != "production":
        return None
    for name, meaning in REQUIRED_IN_PRODUCTION.items():
        if not environ.get(name):
            return f"CATALOGUE_ENV=production needs {name}: {meaning}."
    font_problem = fonts.check(environ.get("PDF_FONT_FILE", ""))
    if font_problem:
        return f"CATALOGUE_ENV=production needs the published PDFs' font: {font_problem}"
    return None


def from_environment(instance_path):
    """Build the settings for an application whose instance folder is ``instance_path``."""
    default_db = "sqlite:///" + os.path.join(instance_path, "catalogue.sqlite")
    return {
        "CATALOGUE_ENV": os.environ.get("CATALOGUE_ENV", "development"),
        "SQLALCHEMY_DATABASE_URI": database_url(os.environ.get("DATABASE_URL", default_db)),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or instance_secret_key(instance_path),
        "REDIS_URL": os.environ.get("REDIS_URL"),
        # Upload attempts are counted per user, in Redis when there is one.
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL") or "memory://",
        # Failed log-ins allowed within the window (counted in the database: shared by every worker and host).
        "LOGIN_FAILURES_PER_ACCOUNT": int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "5")),
        "LOGIN_FAILURES_PER_ADDRESS": int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "20")),
        "LOGIN_WINDOW_MINUTES": int(os.environ.get("LOGIN_WINDOW_MINUTES", "15")),
        # An address the account logged in from within so many days is its owner's: failures elsewhere
        # do not lock it out there (services/accounts/logins.py).
        "LOGIN_KNOWN_ADDRESS_DAYS": int(os.environ.get("LOGIN_KNOWN_ADDRESS_DAYS", "90")),
        # Spreadsheet uploads per user (each is parsed in a child process).
        "UPLOAD_RATE_LIMIT": os.environ.get("UPLOAD_RATE_LIMIT", "6 per minute;60 per hour"),
        "PROXY_FIX_X_FOR": int(os.environ.get("PROXY_FIX_X_FOR", "0")),
        # One JSON line per request and per log record, on standard error (catalogue/observability.py).
        "LOG_JSON": os.environ.get("LOG_JSON", "1") == "1",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        "DEMO_PASSWORD": os.environ.get("DEMO_PASSWORD", "demo"),
        # Where the public reaches the site: absolute links (the API's) are made from it, never from
        # the Host header of a request.
        # Seconds a read may reuse the generation of what is published that another read of this
        # process found (services/public.py::generation); 0 asks the database every time.
        "GENERATION_MAX_AGE": float(os.environ.get("GENERATION_MAX_AGE", "1")),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000"),
        # Who runs the site, shown in every page's footer, in /data.json and in the OpenAPI document.
        "SITE_PUBLISHER": os.environ.get("SITE_PUBLISHER", ""),  # 主办单位
        "SITE_CONTACT": os.environ.get("SITE_CONTACT", ""),  # an address, a telephone number
        "SITE_CONTACT_EMAIL": os.environ.get("SITE_CONTACT_EMAIL", ""),
        "SITE_ICP": os.environ.get("SITE_ICP", ""),  # ICP备案号, e.g. 滇ICP备00000000号
        "SITE_PSB": os.environ.get("SITE_PSB", ""),  # 公安机关备案号
        # A Chinese TrueType font (.ttf, .ttc) embedded in the published PDFs; found among Debian's when empty.
        "PDF_FONT_FILE": os.environ.get("PDF_FONT_FILE", ""),
        "DATA_LICENSE": os.environ.get("DATA_LICENSE", "CC-BY-4.0"),
        "DATA_LICENSE_URL": os.environ.get("DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"),
        # E-mail (optional): notifications are mailed to users with an address when MAIL_SERVER is set.
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "25")),
        "MAIL_USE_TLS": os.environ.get("MAIL_USE_TLS", "") == "1",
        "MAIL_USE_SSL": os.environ.get("MAIL_USE_SSL", "") == "1",
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": os.environ.get("MAIL_DEFAULT_SENDER", "catalogue@localhost"),
        "MAIL_TIMEOUT": int(os.environ.get("MAIL_TIMEOUT", "10")),
        "MAIL_BACKEND": "smtp",  # tests too: they send through a real SMTP server (tests/smtp.py)
        "BABEL_DEFAULT_LOCALE": "zh_Hans_CN",
        "BABEL_DEFAULT_TIMEZONE": SHANGHAI.key,
        "LANGUAGES": ("zh_Hans_CN", "en"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "") == "1",
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "WTF_CSRF_CHECK_DEFAULT": False,  # checked by security._check_csrf, for the methods it protects only
        # A logged-in session ends after this long without a request.
        "IDLE_TIMEOUT_MINUTES": int(os.environ.get("IDLE_TIMEOUT_MINUTES", "30")),
        "PASSWORD_HASH": {},
        # Words of this installation a password must not be made of (its province, city...; see users.py).
        "PASSWORD_SITE_WORDS": os.environ.get("PASSWORD_SITE_WORDS", ""),
        "IMPORT_MAX_BYTES": int(float(os.environ.get("IMPORT_MAX_MB", "10")) * 1024 * 1024),
        # PostgreSQL's connections are pinged when they sat idle, not before every request (postgres.py)
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": False},
    }
