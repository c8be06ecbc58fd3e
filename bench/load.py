"""Load mode: each checkout behind gunicorn (production settings, 2 sync workers), wrk at concurrency 4.

A ``Side`` is one checkout of Ariptes (today's tree, or a baseline commit in a
git worktree) with its own database and port. Pages are driven with wrk's Lua
hooks: the session cookie of a user who logged in through the real login page,
the CSRF header for the consultation POST, and a ``done`` hook that prints
req/s, p50 and p95 as JSON.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

DEMO_PASSWORD = "demo"

LUA = """
wrk.method = "{method}"
wrk.body = {body}
wrk.headers["Cookie"] = "{cookie}"
wrk.headers["X-CSRFToken"] = "{csrf}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
{extra}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH {{\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, "
    .. "\\"errors\\": %d, \\"bad_status\\": %d}}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def production_env(root: Path, database_url: str, redis_db: int) -> dict:
    """Production settings, minus what needs HTTPS and a mail server."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DEBUG="false",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database_url,
        CACHE_URL=f"redis://127.0.0.1:6379/{redis_db}",
        SECURE_SSL_REDIRECT="false",
        BEHIND_HTTPS_PROXY="false",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        MEDIA_ROOT=str(root / "private"),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="ariptes.settings",
        PYTHONPATH=str(root),
    )
    env.pop("CELERY_BROKER_URL", None)  # tasks run inline, as in the demo: no worker to keep up with
    return env


@dataclass
class Side:
    name: str
    root: Path
    database_url: str
    port: int
    redis_db: int
    process: subprocess.Popen | None = None
    cookies: dict = field(default_factory=dict)

    @property
    def env(self) -> dict:
        return production_env(self.root, self.database_url, self.redis_db)

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=self.root, env=self.env, check=True)

    def start(self) -> None:
        log = open(tempfile.gettempdir() + f"/ariptes-bench-{self.name}-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "ariptes.wsgi:application",
                "--config",
                str(self.root / "gunicorn.conf.py"),
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                "/dev/null",
                "--max-requests",
                "0",
            ],
            cwd=self.root,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = self.request("GET", "/healthz")
                if status in (200, 503):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn of {self.name} did not start; see {log.name}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def request(self, method: str, path: str, body: str = "", cookies: dict | None = None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if body:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body or None, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, response.headers, data

    def log_in(self, username: str) -> dict:
        """A real login through the login page; returns the cookies (session, CSRF)."""
        cookies: dict = {}

        def keep(headers) -> None:
            for header in headers.get_all("Set-Cookie") or []:
                parsed = SimpleCookie()
                parsed.load(header)
                for key, morsel in parsed.items():
                    cookies[key] = morsel.value

        status, headers, body = self.request("GET", "/accounts/login/")
        keep(headers)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD})
        status, headers, body = self.request("POST", "/accounts/login/", form, cookies=cookies)
        keep(headers)
        if status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"{self.name}: logging in as {username} failed (HTTP {status})")
        return cookies


def wrk(side: Side, url: str, cookies: dict, *, post: dict | None, htmx: bool, seconds: int, connections: int = 4):
    extra = 'wrk.headers["HX-Request"] = "true"' if htmx else ""
    body = json.dumps(urllib.parse.urlencode(post)) if post is not None else "nil"
    script = LUA.format(
        method="POST" if post is not None else "GET",
        body=body,
        cookie="; ".join(f"{k}={v}" for k, v in cookies.items()),
        csrf=cookies.get("csrftoken", ""),
        extra=extra,
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "30s",
                "-s",
                handle.name,
                f"http://127.0.0.1:{side.port}{url}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(handle.name).unlink()
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "bad": data["errors"] + data["bad_status"],
    }
