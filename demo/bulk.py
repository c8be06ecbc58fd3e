"""The one bulk path of the demo: many rows fast, for benchmark volumes (``seed_demo --clients 100000``).

Story data goes through the apps' services (with their checks and audit entries). Benchmark
volumes cannot afford a service call per row, so the seeders build unsaved model instances and
hand them here: inserts in batches, the big GIN index rebuilt once instead of row by row, and
fresh planner statistics afterwards. Values a service derives (client codes, search keys, the
restricted flag) come from the same service functions, never from a copy of their rules.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection
from django.db.models import Model

BATCH = 2000


def insert(rows: Sequence[Model], *, batch_size: int = BATCH, ignore_conflicts: bool = False) -> int:
    """Insert unsaved instances of one model in batches; their primary keys are set (PostgreSQL, SQLite).

    ``ignore_conflicts`` skips rows that already exist (a link table's unique pair), without keys.
    """
    if rows:
        manager = type(rows[0])._default_manager
        manager.bulk_create(rows, batch_size=batch_size, ignore_conflicts=ignore_conflicts)
    return len(rows)


def insert_all(*groups: Sequence[Model], batch_size: int = BATCH) -> int:
    """``insert`` each group in turn (parents before the rows that point at them)."""
    return sum(insert(group, batch_size=batch_size) for group in groups)


@contextmanager
def without_index(index: str, *, create_sql: str, large: bool) -> Iterator[None]:
    """Drop ``index`` during a large insert and build it once afterwards (PostgreSQL only)."""
    if not large or connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {index}")
    yield
    with connection.cursor() as cursor:
        # Deferred foreign-key checks must run before the table can be indexed in this transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(create_sql)


def analyze(tables: Iterable[str]) -> None:
    """Fresh planner statistics after a large insert (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {table}")
