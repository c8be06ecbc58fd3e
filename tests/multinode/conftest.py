"""Several Ariptes nodes on one machine: two web servers, one Celery worker, S3-compatible storage.

Each node is a separate process with its own, empty MEDIA_ROOT, so a file can only travel between
nodes through the object storage. The storage is moto's S3 server (it speaks the S3 protocol over
HTTP); the nodes share the test's PostgreSQL database and a Redis database of their own.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.processes import ROOT, child_env

BROKER = "redis://127.0.0.1:6379/11"
BUCKET = "ariptes-private"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@dataclass
class Node:
    name: str
    url: str
    media_root: Path
    process: subprocess.Popen

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=20)


@pytest.fixture
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    import boto3

    s3 = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{port}",
        aws_access_key_id="ariptes",
        aws_secret_access_key="ariptes-secret",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=BUCKET)
    yield {"port": port, "client": s3, "url": f"s3://ariptes:ariptes-secret@127.0.0.1:{port}/{BUCKET}?tls=false"}
    server.stop()


def bucket_objects(s3) -> dict[str, bytes]:
    listing = s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {item["Key"]: s3.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read() for item in listing}


@pytest.fixture
def cluster(s3_server, tmp_path, transactional_db):
    """Start nodes on demand; every process is stopped at the end, and its MEDIA_ROOT checked empty."""
    if connection.vendor != "postgresql":
        pytest.skip("several nodes share one server database: this story runs on PostgreSQL")
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    import redis

    redis.Redis.from_url(BROKER).flushdb()
    started: list[Node] = []

    def env(media_root: Path) -> dict[str, str]:
        return child_env(
            {
                "DEBUG": "true",
                "ALLOWED_HOSTS": "*",
                "DATABASE_URL": database_url,
                "DATABASE_POOL": "false",
                "CELERY_BROKER_URL": BROKER,
                "CACHE_URL": BROKER,
                "STORAGE_URL": s3_server["url"],
                "MEDIA_ROOT": str(media_root),
                "PYTHONUNBUFFERED": "1",
            }
        )

    def web(name: str) -> Node:
        media_root = tmp_path / f"media-{name}"
        media_root.mkdir()
        port = free_port()
        process = subprocess.Popen(  # noqa: S603 - our own fixed command
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            cwd=ROOT,
            env=env(media_root),
            stdout=open(tmp_path / f"{name}.log", "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        node = Node(name, f"http://127.0.0.1:{port}", media_root, process)
        started.append(node)
        wait_for(node.url + "/healthz/live")
        return node

    def worker() -> Node:
        media_root = tmp_path / "media-worker"
        media_root.mkdir()
        process = subprocess.Popen(  # noqa: S603 - our own fixed command
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "ariptes",
                "worker",
                "-Q",
                "default,pdf",
                "-P",
                "solo",
                "-l",
                "info",
            ],
            cwd=ROOT,
            env=env(media_root),
            stdout=open(tmp_path / "worker.log", "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        node = Node("worker", "", media_root, process)
        started.append(node)
        return node

    yield {"web": web, "worker": worker, "s3": s3_server["client"], "logs": tmp_path}
    for node in started:
        node.stop()
    for node in started:
        left = [str(path) for path in node.media_root.rglob("*") if path.is_file()]
        assert left == [], f"{node.name} wrote to its local disk: {left}"


class Browser:
    """A logged-in staff member talking to one node, the way a browser would (cookies, CSRF)."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.http = requests.Session()
        page = self.http.get(f"{base}/accounts/login/", timeout=20)
        response = self.http.post(
            f"{base}/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": self._token(page.text)},
            headers={"Referer": f"{base}/accounts/login/"},
            timeout=20,
        )
        assert "sessionid" in self.http.cookies, f"login failed on {base}: {response.status_code}"

    def on(self, base: str) -> Browser:
        """The same session, sent to another node (a load balancer would do this)."""
        other = object.__new__(Browser)
        other.base, other.http = base, self.http
        return other

    @staticmethod
    def _token(html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token on the page"
        return match.group(1)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.base + path, timeout=60, **kwargs)

    def post(self, path: str, data: dict, *, form_page: str | None = None, **kwargs) -> requests.Response:
        token = self.http.cookies.get("csrftoken") or self._token(self.get(form_page or path).text)
        return self.http.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": self.base + (form_page or path), "X-CSRFToken": token},
            timeout=60,
            **kwargs,
        )
