"""Run the project in a separate Python process with its own environment.

Settings are read once at start-up, so stories about production settings or an
unreachable database need a fresh process, not overridden settings.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Variables that would leak the test run's configuration into the child.
_PROJECT_VARIABLES = {
    "DATABASE_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CELERY_BROKER_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' conftest
}


def production_env(**extra: str) -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "ariptes.example.org",
        **extra,
    }


def child_env(env: dict[str, str] | None = None) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in _PROJECT_VARIABLES}
    return {**clean, **(env or {})}


def run(args: list[str], env: dict[str, str] | None = None, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argument lists of our own
        args, cwd=ROOT, env=child_env(env), capture_output=True, text=True, timeout=timeout
    )


def manage(*args: str, env: dict[str, str] | None = None, timeout: int = 60) -> subprocess.CompletedProcess:
    return run([sys.executable, "manage.py", *args], env=env, timeout=timeout)


def get(path: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Request ``path`` through the whole Django stack in a fresh process; prints status and body."""
    code = (
        "import django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ariptes.settings')\n"
        "django.setup()\n"
        "from django.test import Client\n"
        f"response = Client().get({path!r})\n"
        "print(response.status_code)\n"
        "print(response.content.decode())\n"
    )
    return run([sys.executable, "-c", code], env=env)
