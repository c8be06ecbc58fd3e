"""A Redis cache that degrades to a miss: with Redis down, pages answer (slower), never 500.

Reads return the default, writes are dropped, and each failure is logged once per minute.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
_last_warning = [0.0]


def _warn(error: Exception) -> None:
    now = time.monotonic()
    if now - _last_warning[0] > 60:
        _last_warning[0] = now
        logger.warning("cache unavailable, serving without it (%s)", type(error).__name__)


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {
            **params,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5, **params.get("OPTIONS", {})},
        }
        super().__init__(server, params)


def _forgiving(name: str, fallback):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # redis.ConnectionError, TimeoutError, ...
            _warn(error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__name__ = name
    return wrapper


def _default_of_get(key, default=None, version=None):
    return default


for _name, _fallback in {
    "get": _default_of_get,
    "get_many": {},
    "set": None,
    "set_many": [],
    "add": False,
    "delete": False,
    "delete_many": None,
    "touch": False,
    "has_key": False,
    "incr": lambda key, delta=1, version=None: delta,
    "decr": lambda key, delta=1, version=None: -delta,
    "get_or_set": lambda key, default, timeout=None, version=None: default() if callable(default) else default,
    "clear": None,
}.items():
    setattr(ForgivingRedisCache, _name, _forgiving(_name, _fallback))
