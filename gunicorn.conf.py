"""gunicorn settings for production (see README, "Production")."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 60
graceful_timeout = 30
max_requests = 1000
max_requests_jitter = 100
# Access logs carry only the path (numeric ids, never names or search terms:
# search forms use POST-free GET with ?q=, so the query string is dropped).
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


def on_starting(server):
    # Production must never run with DEBUG on: it would print personal data on error pages.
    from ariptes.env import env_bool

    if env_bool("DEBUG", True):
        raise SystemExit("Refusing to start gunicorn with DEBUG on. Set DEBUG=false.")
