"""The Celery application.

Configuration comes from Django settings (CELERY_* names). Apps add their
periodic tasks to ``BEAT_SCHEDULE`` entries in their own ``beat.py`` modules,
collected here so beat has one schedule.
"""

import atexit
import os
import socket
import sys
import threading
import time

from celery import Celery
from celery.signals import beat_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")

app = Celery("ariptes")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="ariptes.ping")
def ping() -> str:
    """Round trip through the broker and a worker, for health checks and tests."""
    return "pong"


# --- One beat only -----------------------------------------------------------------
# Two beats would send every periodic task twice (two reminder mails, two digests). Beat takes a
# lock in Redis when it starts and keeps renewing it; a second beat, on any host, refuses to start.
BEAT_LOCK_KEY = "ariptes:beat-lock"
BEAT_LOCK_SECONDS = int(os.environ.get("BEAT_LOCK_SECONDS", "60"))


def _beat_lock_client():
    import redis

    return redis.Redis.from_url(app.conf.broker_url, socket_connect_timeout=3, socket_timeout=3)


@beat_init.connect
def _take_beat_lock(sender=None, **kwargs) -> None:
    if not app.conf.broker_url or not app.conf.broker_url.startswith(("redis://", "rediss://")):
        return
    client = _beat_lock_client()
    me = f"{socket.gethostname()}:{os.getpid()}"
    if not client.set(BEAT_LOCK_KEY, me, nx=True, ex=BEAT_LOCK_SECONDS):
        holder = client.get(BEAT_LOCK_KEY)
        sys.stderr.write(
            f"Another Celery beat is running ({holder.decode() if holder else 'unknown'}); "
            "run exactly one beat per installation. Exiting.\n"
        )
        os._exit(1)

    renew = client.register_script(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end return 0"
    )
    release = client.register_script(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
    )

    def keep() -> None:
        while True:
            time.sleep(BEAT_LOCK_SECONDS / 3)
            try:
                if not renew(keys=[BEAT_LOCK_KEY], args=[me, BEAT_LOCK_SECONDS]):
                    sys.stderr.write("Celery beat lost its lock (another beat took over?); exiting.\n")
                    os._exit(1)
            except Exception as error:  # Redis briefly away: try at the next tick; the lock outlives a blip
                sys.stderr.write(f"Celery beat could not renew its lock ({type(error).__name__}); retrying.\n")

    threading.Thread(target=keep, name="beat-lock", daemon=True).start()
    atexit.register(lambda: release(keys=[BEAT_LOCK_KEY], args=[me]))


@app.task(name="ariptes.heartbeat", ignore_result=True)
def heartbeat() -> None:
    """Run by beat on a worker: /healthz reads the time it wrote (see ariptes/health.py)."""
    from ariptes.health import write_heartbeat

    write_heartbeat()
