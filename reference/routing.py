"""Which reads may go to a database replica: a marker that any app may set, read by ariptes/db_router.py.

It lives in the lowest app so that reports and exports can ask for replica reads without importing
the project package.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

wants_replica: ContextVar[bool] = ContextVar("wants_replica", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Send the reads inside this block to the replica when one is configured and fresh enough.

    Use it only around reads that tolerate a few seconds of lag (report counting, exports):
    never around a read of something the same request has just written.
    """
    token = wants_replica.set(True)
    try:
        yield
    finally:
        wants_replica.reset(token)
