"""Runs the demo seeders in dependency order.

The domain apps hold no demo code: each app's seeder lives here, in ``demo/seed_<app>.py``, and
is a function ``seed(context, *, clients, rng, stdout) -> str | None`` that must be idempotent;
``context`` carries what earlier seeders made (``offices``, ``users``...). Story data goes
through the apps' services; the large benchmark volumes (``--clients 100000``) go through
``demo.bulk`` so that seeding stays fast.
"""

import random

from django.utils.module_loading import import_string

SEEDERS = [
    "demo.seed_accounts.seed",
    "demo.seed_clients.seed",
    "demo.seed_cases.seed",
    "demo.seed_memorandum.seed",
    "demo.indicators.seed",
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
