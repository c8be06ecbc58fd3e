"""Runs each app's demo seeder in dependency order.

An app's seeder is a function ``seed(context, *, clients, rng, stdout) -> str | None``
that must be idempotent; ``context`` carries what earlier seeders made
(``offices``, ``users``...). Apps are listed here, in the project layer,
so that no lower app needs to know about a higher one.
"""

import random

from django.utils.module_loading import import_string

SEEDERS = [
    "accounts.demo.seed",
    "clients.demo.seed",
    "cases.demo.seed",
    "memorandum.demo.seed",
    "demo.outreach.seed",
]


def run_seeders(*, clients: int | None, seed: int, stdout) -> list[str]:
    context: dict = {}
    rng = random.Random(seed)
    summary = []
    for path in SEEDERS:
        line = import_string(path)(context, clients=clients, rng=rng, stdout=stdout)
        if line:
            summary.append(line)
    return summary
