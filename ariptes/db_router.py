"""Heavy reads on a streaming replica, everything else on the primary.

Only code that asks for it reads from the replica (``with replica_reads():`` around report counting
and exports), so a page never reads its own write from a replica that has not caught up. A replica
that lags more than ``DATABASE_REPLICA_MAX_LAG_SECONDS``, or cannot be reached, is skipped and the
read goes to the primary. Every write goes to the primary.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connections, transaction

from reference.routing import wants_replica

logger = logging.getLogger(__name__)

REPLICA = "replica"
# (checked at monotonic time, usable): the lag check runs at most every few seconds per process.
_LAG_CHECK_SECONDS = 5.0
_last_check: list[tuple[float, bool]] = []


def replica_usable() -> bool:
    if REPLICA not in settings.DATABASES:
        return False
    now = time.monotonic()
    if _last_check and now - _last_check[0][0] < _LAG_CHECK_SECONDS:
        return _last_check[0][1]
    usable = _replica_fresh()
    _last_check[:] = [(now, usable)]
    return usable


def forget_replica_state() -> None:
    """Re-check the replica on the next read (tests; after a failover)."""
    _last_check.clear()


def _replica_fresh() -> bool:
    connection = connections[REPLICA]
    if connection.vendor != "postgresql":
        return True
    try:
        with connection.cursor() as cursor:
            # On a primary standing in for a replica (tests, a one-server setup) the lag is zero.
            cursor.execute(
                "SELECT CASE WHEN pg_is_in_recovery() "
                "THEN COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) ELSE 0 END"
            )
            lag = float(cursor.fetchone()[0])
    except Exception as error:  # unreachable replica: the primary answers instead
        logger.warning("replica unusable (%s); reading from the primary", type(error).__name__)
        return False
    if lag > settings.DATABASE_REPLICA_MAX_LAG_SECONDS:
        logger.warning("replica %.0f s behind; reading from the primary", lag)
        return False
    return True


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not wants_replica.get():
            return None
        # Inside a transaction on the primary a read must see that transaction's writes.
        if transaction.get_connection("default").in_atomic_block:
            return None
        return REPLICA if replica_usable() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
