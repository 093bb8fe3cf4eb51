"""One settings module, read from environment variables.

The embedded default (no variables set) runs on SQLite in ``var/`` with the database task backend.
Production (``SIGAP_ENV=production``) refuses to start without a secret key and a database URL.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


SIGAP_ENV = env("SIGAP_ENV", "development")
IS_PRODUCTION = SIGAP_ENV == "production"
DATA_DIR = Path(env("SIGAP_DATA_DIR", str(BASE_DIR / "var")))


def _secret_key() -> str:
    key = env("SIGAP_SECRET_KEY")
    if key:
        return key
    if IS_PRODUCTION:
        raise ImproperlyConfigured("SIGAP_SECRET_KEY wajib diisi pada SIGAP_ENV=production.")
    # Development: one random key per data directory, so sessions survive restarts.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("SIGAP_DEBUG", default=not IS_PRODUCTION)
ALLOWED_HOSTS = [h for h in env("SIGAP_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("SIGAP_CSRF_TRUSTED_ORIGINS").split(",") if o]
# Public base URL used in links sent to citizens (status page) and in Open311 discovery.
SIGAP_BASE_URL = env("SIGAP_BASE_URL", "http://127.0.0.1:" + env("PORT", "8000")).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    # django-ninja serves Swagger UI from its own static files only when installed as an app;
    # otherwise /api/docs loads it from a CDN, which offline Pemda networks (and we) refuse.
    "ninja",
    "sigap.core",
    "sigap.agencies",
    "sigap.regions",
    "sigap.sla",
    "sigap.catalog",
    "sigap.contacts",
    "sigap.cases",
    "sigap.channels",
    "sigap.routing",
    "sigap.console",
    "sigap.portal",
    "sigap.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Fail closed: every view needs a login unless it opts out with @login_not_required.
    "sigap.core.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sigap.urls"
WSGI_APPLICATION = "sigap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sigap.console.context_processors.navigation",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url = env("DATABASE_URL")
    if not url:
        if IS_PRODUCTION:
            raise ImproperlyConfigured("DATABASE_URL wajib diisi pada SIGAP_ENV=production.")
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'sigap.sqlite3'}"
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=env_int("SIGAP_DB_CONN_MAX_AGE", 60))
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets the web server read while the worker writes; IMMEDIATE takes the write
            # lock at BEGIN so two writers queue on busy_timeout instead of failing mid-way.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        config.setdefault("OPTIONS", {})
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "agencies.User"

TASKS = {
    "default": {
        "BACKEND": env("SIGAP_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "ingest", "outbox", "triage", "sweeper"],
    }
}

# Nothing shared lives in the cache: login lockouts, per-contact rate limits and floods are
# counted in the database, so any number of web processes agree without Redis. Each process
# keeps only what it can rebuild (the FAQ index, routing models) in its own memory.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "console:home"
LOGOUT_REDIRECT_URL = "login"
# Repeated failed logins lock the username (per IP and overall) for a while.
SIGAP_LOGIN_MAX_FAILURES = env_int("SIGAP_LOGIN_MAX_FAILURES", 5)
SIGAP_LOGIN_LOCKOUT_MINUTES = env_int("SIGAP_LOGIN_LOCKOUT_MINUTES", 15)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = IS_PRODUCTION
CSRF_COOKIE_SECURE = IS_PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Indonesian only, whatever the browser asks for: the messages are written in Indonesian, so an
# English Accept-Language (common on phones) would only turn Django's own strings (durations,
# form errors, dates) English amid Indonesian text.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env("SIGAP_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("SIGAP_STATIC_ROOT", str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing root
# Front-end packages come from npm at `make setup` (never committed, never a CDN).
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",  # our own CSS and JS (sigap/...)
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
WHITENOISE_USE_FINDERS = True
# Map tiles on the case page (images, not code); empty turns the tile layer off (offline sites).
SIGAP_MAP_TILE_URL = env("SIGAP_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("SIGAP_MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Attachments: maximum size and the sniffed types we accept.
SIGAP_MAX_ATTACHMENT_BYTES = env_int("SIGAP_MAX_ATTACHMENT_BYTES", 16 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("SIGAP_MAX_REQUEST_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Key that encrypts channel secrets at rest; defaults to one derived from SECRET_KEY.
SIGAP_ENCRYPTION_KEY = env("SIGAP_ENCRYPTION_KEY")

# External services, reached through configurable base URLs (tests point them at stand-ins).
SIGAP_META_GRAPH_URL = env("SIGAP_META_GRAPH_URL", "https://graph.facebook.com/v21.0").rstrip("/")
# Instagram API with Instagram Login lives on its own host.
SIGAP_INSTAGRAM_GRAPH_URL = env(
    "SIGAP_INSTAGRAM_GRAPH_URL", "https://graph.instagram.com/v23.0"
).rstrip("/")
SIGAP_TELEGRAM_API_URL = env("SIGAP_TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
SIGAP_HTTP_TIMEOUT_SECONDS = float(env("SIGAP_HTTP_TIMEOUT_SECONDS", "10"))

# Channels: how long a reply joins the citizen's open case, the providers' customer-service
# window, how long an event may wait for its first worker, and raw-event retention.
# Staff notifications by email (Django's mail backend); citizens' mailboxes are channel accounts.
EMAIL_BACKEND = env(
    "SIGAP_EMAIL_BACKEND",
    "django.core.mail.backends."
    + ("smtp.EmailBackend" if IS_PRODUCTION else "console.EmailBackend"),
)
EMAIL_HOST = env("SIGAP_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SIGAP_EMAIL_PORT", 25)
EMAIL_HOST_USER = env("SIGAP_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("SIGAP_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("SIGAP_EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("SIGAP_EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("SIGAP_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env("SIGAP_EMAIL_FROM", "Sigap <sigap@localhost>")
# Floods held back for the coordinator's review (per-Pemda TriagePolicy rows override these).
SIGAP_HOLD_CONTACT_MAX_PER_HOUR = env_int("SIGAP_HOLD_CONTACT_MAX_PER_HOUR", 5)
SIGAP_HOLD_CONTACT_MAX_PER_DAY = env_int("SIGAP_HOLD_CONTACT_MAX_PER_DAY", 20)
SIGAP_HOLD_FLOOD_WINDOW_MINUTES = env_int("SIGAP_HOLD_FLOOD_WINDOW_MINUTES", 60)
SIGAP_HOLD_IDENTICAL_MAX_PER_CONTACT = env_int("SIGAP_HOLD_IDENTICAL_MAX_PER_CONTACT", 2)
SIGAP_HOLD_IDENTICAL_MAX_CONTACTS = env_int("SIGAP_HOLD_IDENTICAL_MAX_CONTACTS", 4)
SIGAP_HOLD_ACK_WINDOW_HOURS = env_int("SIGAP_HOLD_ACK_WINDOW_HOURS", 24)
SIGAP_HOLD_INCIDENT_MIN_REPORTERS = env_int("SIGAP_HOLD_INCIDENT_MIN_REPORTERS", 5)
SIGAP_CONVERSATION_JOIN_HOURS = env_int("SIGAP_CONVERSATION_JOIN_HOURS", 72)
SIGAP_REPLY_WINDOW_HOURS = env_int("SIGAP_REPLY_WINDOW_HOURS", 24)
SIGAP_EVENT_PICKUP_GRACE_SECONDS = env_int("SIGAP_EVENT_PICKUP_GRACE_SECONDS", 30)
# A worker that claims an event leases it this long; if the worker dies, the sweeper hands the
# event to another worker once the lease has run out.
SIGAP_EVENT_LEASE_SECONDS = env_int("SIGAP_EVENT_LEASE_SECONDS", 120)
SIGAP_EVENT_RETENTION_DAYS = env_int("SIGAP_EVENT_RETENTION_DAYS", 90)
SIGAP_TASK_RETENTION_DAYS = env_int("SIGAP_TASK_RETENTION_DAYS", 14)
SIGAP_OUTBOX_SENDING_LEASE_SECONDS = env_int("SIGAP_OUTBOX_SENDING_LEASE_SECONDS", 300)
# Largest webhook body accepted (Meta documents 3 MB payloads).
SIGAP_WEBHOOK_MAX_BYTES = env_int("SIGAP_WEBHOOK_MAX_BYTES", 3 * 1024 * 1024)

# Where the team's real data sets live (read when present, never copied into the repo).
SIGAP_SHARED_DATA_DIR = Path(env("SIGAP_SHARED_DATA_DIR", str(BASE_DIR.parent / "shared" / "data")))

# A worker heartbeat older than this makes /healthz report the worker as stale.
SIGAP_WORKER_STALE_SECONDS = env_int("SIGAP_WORKER_STALE_SECONDS", 180)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("SIGAP_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": env("SIGAP_TASKS_LOG_LEVEL", "WARNING")},
        "django_tasks_db": {"level": env("SIGAP_TASKS_LOG_LEVEL", "WARNING")},
        "httpx": {"level": "WARNING"},
    },
}

if IS_PRODUCTION and DEBUG:
    raise ImproperlyConfigured("SIGAP_DEBUG tidak boleh aktif pada SIGAP_ENV=production.")
