"""Production settings come from the environment and refuse unsafe values."""

import signal
import subprocess
import sys

from tests.processes import ROOT, child_env, manage, production_env, run


def test_it_passes_the_deployment_checklist_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_with_the_default_secret_when_debug_is_off():
    env = production_env()
    del env["SECRET_KEY"]

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_it_stops_at_start_up_on_a_mistyped_boolean():
    result = manage("check", env={"DEBUG": "maybe"})

    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_it_runs_as_an_embedded_demo_with_no_variables_at_all():
    code = (
        "import django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ariptes.settings')\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER)\n"
    )
    result = run([sys.executable, "-c", code])

    assert result.stdout.split() == ["True", "django.db.backends.sqlite3", "True"]


def test_it_keeps_compiled_templates_with_production_settings():
    code = (
        "import django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ariptes.settings')\n"
        "django.setup()\n"
        "from django.template import engines\n"
        "print(type(engines['django'].engine.template_loaders[0]).__module__)\n"
    )
    result = run([sys.executable, "-c", code], env=production_env())

    assert result.stdout.split() == ["django.template.loaders.cached"], result.stderr


def test_it_uses_a_checked_connection_pool_for_postgresql():
    code = (
        "import django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ariptes.settings')\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "print(connection.pool.min_size, connection.pool.max_size, connection.pool._check is not None)\n"
    )
    result = run([sys.executable, "-c", code], env={"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres"})

    assert result.stdout.split() == ["2", "10", "True"], result.stderr


def test_it_refuses_to_start_gunicorn_with_debug_on():
    result = run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", "127.0.0.1:0", "ariptes.wsgi"],
        env={"DEBUG": "true"},
        timeout=30,
    )

    assert result.returncode != 0
    assert "Refusing to start gunicorn with DEBUG on" in result.stderr + result.stdout


def test_it_serves_the_site_through_gunicorn_with_production_settings():
    # The real production entry point: gunicorn.conf.py + ariptes.wsgi, on a free port.
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = production_env(ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", GUNICORN_WORKERS="1")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "ariptes.wsgi"],
        cwd=ROOT,
        env=child_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                    body = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert body is not None, "gunicorn did not answer"
        assert '"database": "ok"' in body
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def test_it_documents_every_environment_variable_in_env_example():
    import re

    read = set()
    for source in ("ariptes/settings.py", "ariptes/storage.py", "ariptes/celery.py", "gunicorn.conf.py"):
        text = (ROOT / source).read_text()
        read |= set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', text))
        read |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z0-9_]+)"', text))
    documented = set(re.findall(r"^# ([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))

    assert read - documented == set()
    assert documented - read == set()
