"""Ariptes settings, read from environment variables.

With no variables at all the project runs as an embedded demo: SQLite, Celery
tasks executed inline, mail printed to the console. Production sets
DEBUG=false, a real SECRET_KEY, DATABASE_URL and CELERY_BROKER_URL
(see .env.example).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ariptes.env import env_bool, env_int, env_list, env_str
from ariptes.storage import signed_url_downloads, storage_from_environment
from reference.languages import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent

DEFAULT_SECRET_KEY = "insecure-demo-key-change-me-ariptes-0000000000000000000000"

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if not DEBUG else ["*"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
ORGANISATION_NAME = env_str("ORGANISATION_NAME", "Ariptes")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "auditlog",
    # Ariptes apps, lowest first: an app may only import the ones above it.
    "reference",
    "accounts",
    "notices",
    "audit",
    "clients",
    "cases",
    "memorandum",
    "papers",
    "outreach",
    "reports",
    "demo",
    # The project package: wiring commands (move_files) and probes, no models.
    # The project package: operations commands (backup, restore).
    "ariptes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "ariptes.middleware.NoStoreMiddleware",
    "ariptes.sessions.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "ariptes.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes must be last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ariptes.urls"
WSGI_APPLICATION = "ariptes.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Compiled templates are kept for the life of the process (with DEBUG on, runserver's
            # autoreloader empties the cache when a template changes).
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ariptes.navigation.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")


def _database(url: str) -> dict:
    db = dj_database_url.parse(url)
    if db["ENGINE"] == "django.db.backends.postgresql":
        if env_bool("DATABASE_POOL", True):
            db["CONN_MAX_AGE"] = 0  # the pool owns connection lifetimes
            # With health checks on, Django gives the pool ConnectionPool.check_connection:
            # a connection broken by a database restart is replaced when it is taken from
            # the pool, so a restart costs no failed request.
            db["CONN_HEALTH_CHECKS"] = True
            db.setdefault("OPTIONS", {})["pool"] = {
                "min_size": env_int("DATABASE_POOL_MIN", 2),
                "max_size": env_int("DATABASE_POOL_MAX", 10),
                "timeout": env_int("DATABASE_POOL_TIMEOUT", 5),
            }
        else:
            db["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
            db["CONN_HEALTH_CHECKS"] = True
        db.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
        # JIT compilation costs ~300 ms on the case list's COUNT at 150k cases and
        # never pays off for page-sized queries; reports are short too.
        db["OPTIONS"].setdefault("options", "-c jit=off")
    elif db["ENGINE"] == "django.db.backends.sqlite3":
        db["OPTIONS"] = {
            # IMMEDIATE avoids "database is locked" when two requests write at once.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return db


DATABASES = {"default": _database(DATABASE_URL)}
# A streaming replica for heavy reads (report counting, exports): see ariptes/db_router.py.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = _database(DATABASE_REPLICA_URL)
    # Tests run against one database: the replica alias reads the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["ariptes.db_router.ReplicaRouter"]
# A replica further behind than this is not used; reads fall back to the primary.
DATABASE_REPLICA_MAX_LAG_SECONDS = env_int("DATABASE_REPLICA_MAX_LAG_SECONDS", 30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ----------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
# Lock the pair (username, client address): an anonymous attacker locks only their own address out of
# an account, its owner still logs in from the office; an address failing across many usernames is
# slowed (accounts/lockout.py). Administrators lift lockouts in the admin (Axes > Access attempts).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "accounts.lockout.axes_username"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
# Behind nginx, the client address is the last of X-Forwarded-For that this many proxies appended.
CLIENT_IP_PROXY_COUNT = env_int("CLIENT_IP_PROXY_COUNT", 0)
LOGIN_SPRAY_USERNAMES = env_int("LOGIN_SPRAY_USERNAMES", 5)
LOGIN_SPRAY_PAUSE_SECONDS = env_int("LOGIN_SPRAY_PAUSE_SECONDS", 30)
# Password reset mails per hour, per e-mail address and per client address (accounts/password_reset.py).
PASSWORD_RESET_PER_EMAIL = env_int("PASSWORD_RESET_PER_EMAIL", 3)
PASSWORD_RESET_PER_CLIENT_ADDRESS = env_int("PASSWORD_RESET_PER_CLIENT_ADDRESS", 10)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2", "new_password1", "new_password2"]

# Two-factor login (accounts/two_factor.py). Production: managers and administrators, and the admin site;
# the embedded demo (DEBUG on): optional, so the demo accounts log in with the password "demo".
TWO_FACTOR_REQUIRED_ROLES = env_list("TWO_FACTOR_REQUIRED_ROLES", [] if DEBUG else ["manager", "administrator"])
TWO_FACTOR_ADMIN = env_bool("TWO_FACTOR_ADMIN", not DEBUG)
OTP_TOTP_ISSUER = ORGANISATION_NAME

SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
# The idle timeout: ariptes.sessions.IdleSessionMiddleware moves the expiry forward at most once a
# minute (not SESSION_SAVE_EVERY_REQUEST, which wrote the session on every page view).
SESSION_REFRESH_SECONDS = 60
# With a shared cache (Redis, CACHE_URL) sessions live there: reading one is no database query.
# Without one (the demo: a per-process memory cache) they stay in the database.
SESSION_ENGINE = env_str(
    "SESSION_ENGINE",
    "django.contrib.sessions.backends.cache" if env_str("CACHE_URL", "") else "django.contrib.sessions.backends.db",
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Internationalisation ------------------------------------------------------

LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = INTERFACE_LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["ariptes.formats"]
LANGUAGE_COOKIE_NAME = "ariptes_language"
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

# --- Static and private files --------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents and generated reports: never under the web root, only
# served through permission-checked views.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "private")))
# Nothing serves this URL: files leave only through permission-checked views.
MEDIA_URL = "/_private/"
STORAGES = {
    # The local disk, or S3-compatible object storage with STORAGE_URL / AWS_* (ariptes/storage.py).
    "default": storage_from_environment(),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# After the permission check, redirect to a short-lived signed URL instead of streaming (object storage only).
FILES_SIGNED_URLS = signed_url_downloads()
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Mail -------------------------------------------------------------------

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ariptes@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -------------------------------------------------------------------

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
# Without a broker the embedded demo runs every task inline, in the request.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or "")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TIMEZONE = TIME_ZONE
# A request must never hang when Redis is down: fail fast and show an error.
# With Redis down a request that queues a task answers within 2 s (issue 15, finding 7): short connect
# timeouts, one publish retry, and the result backend does not retry 20 times (its default).
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": 3,
    "socket_connect_timeout": 0.5,
    "max_retries": 1,
    "visibility_timeout": 2 * 3600,
}
CELERY_REDIS_SOCKET_TIMEOUT = 3
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 0.5
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_TASK_DEFAULT_QUEUE = "default"
# Filled by the apps' celery modules; see ariptes/celery.py.
CELERY_BEAT_SCHEDULE: dict = {}
# Workers write a heartbeat that /healthz reads (no broadcast ping in an anonymous request).
CELERY_BEAT_SCHEDULE["ariptes-heartbeat"] = {"task": "ariptes.heartbeat", "schedule": 15.0}
# /healthz/detail answers only with this token (Authorization: Bearer ...); empty: it is off.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not env_str("CACHE_URL", "")
    # With Redis down the cache is a miss, never an error (ariptes/cache.py).
    else {"BACKEND": "ariptes.cache.ForgivingRedisCache", "LOCATION": env_str("CACHE_URL", "")}
}

# --- Security -------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", not DEBUG) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles only from our static files (scripts may also carry
# the request's nonce); no inline handlers, no plugins, no framing, forms post only to us. Inline style
# *attributes* stay allowed (progress bars set their width); <style> elements do not.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Features no page of Ariptes uses, switched off for every page.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), "
    "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()"
)

# --- Logging ------------------------------------------------------------------------

# Personal data never goes to logs: request logging is reduced to method,
# path pattern and status by the filter below (URLs carry only numeric ids).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "ariptes.security": {"level": "INFO"},
        # Page-by-page progress of every PDF and font subsetting chatter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Application -----------------------------------------------------------------

UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024
REPORT_FILE_TTL_DAYS = env_int("REPORT_FILE_TTL_DAYS", 30)
INACTIVE_CLIENT_YEARS = env_int("INACTIVE_CLIENT_YEARS", 5)

# --- Audit -----------------------------------------------------------------------

# Masked fields keep no part of their value in the trail (see audit/masking.py).
AUDITLOG_MASK_CALLABLE = "audit.masking.mask_all"

# accounts (below notices) sends its mail (lockout, password reset) through this function.
ACCOUNTS_MAIL_SEND = "notices.mail.mail_send"

# --- Notices -------------------------------------------------------------------------

# Mail whose delivery failed or whose task was lost is tried again (see notices/mail.py).
CELERY_BEAT_SCHEDULE["notices-retry-due-mail"] = {"task": "notices.retry_due_mail", "schedule": 60.0}
# Notices about one case within this many minutes are one notice (and one e-mail).
NOTICE_GROUP_MINUTES = env_int("NOTICE_GROUP_MINUTES", 5)
# The daily digest of notices for those who chose it (hour in TIME_ZONE).
NOTICE_DIGEST_HOUR = env_int("NOTICE_DIGEST_HOUR", 7)
CELERY_BEAT_SCHEDULE["notices-send-due-notices"] = {"task": "notices.send_due_notices", "schedule": 60.0}

# --- Clients -------------------------------------------------------------------------

# A client list uploaded for import and never imported is deleted after an hour (clients/import_files.py).
CELERY_BEAT_SCHEDULE["clients-remove-stale-import-files"] = {
    "task": "clients.remove_stale_import_files",
    "schedule": 600.0,
}

# --- Memorandum ----------------------------------------------------------------------

from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["notices-send-digests"] = {
    "task": "notices.send_digests",
    "schedule": crontab(hour=NOTICE_DIGEST_HOUR, minute=0),
}
# A partner's link to its referral page lives this many days (it is revoked earlier when the referral closes).
PARTNER_LINK_DAYS = env_int("PARTNER_LINK_DAYS", 60)

# Each morning, remind coordinators once of every referral whose answer is overdue.
CELERY_BEAT_SCHEDULE["memorandum-remind-overdue-referrals"] = {
    "task": "memorandum.remind_overdue_referrals",
    "schedule": crontab(hour=9, minute=0),
}

# --- Reports ------------------------------------------------------------------------

# PDF rendering has its own queue (`celery worker -Q pdf`) so a big report never delays reminders.
CELERY_TASK_ROUTES = {"reports.build_report": {"queue": "pdf"}}
REPORT_TASK_TIME_LIMIT = env_int("REPORT_TASK_TIME_LIMIT", 10 * 60)
# A running report renews this lease at every stage; a job whose worker died is taken again once it lapses.
REPORT_LEASE_SECONDS = env_int("REPORT_LEASE_SECONDS", 180)
CELERY_BEAT_SCHEDULE["reports-expire-files"] = {"task": "reports.expire_files", "schedule": 3600.0}
# A report requested while the broker was down is sent again once it is back.
CELERY_BEAT_SCHEDULE["reports-requeue-pending"] = {"task": "reports.requeue_pending", "schedule": 120.0}

# Cases: the morning e-mail of overdue follow-ups (hour in TIME_ZONE); the largest case export.
from celery.schedules import crontab  # noqa: E402

CASES_REMINDER_HOUR = env_int("CASES_REMINDER_HOUR", 8)
CASES_EXPORT_MAX_ROWS = 20_000  # beyond this an export asks for narrower filters
CELERY_BEAT_SCHEDULE["cases-overdue-follow-ups"] = {
    "task": "cases.remind_overdue_follow_ups",
    "schedule": crontab(hour=CASES_REMINDER_HOUR, minute=0),
}
