from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from demo.seeding import run_seeders


class Command(BaseCommand):
    help = "Create demo offices, staff accounts (password 'demo') and realistic records. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-passwords",
            action="store_true",
            help="Create demo accounts even with DEBUG off (never on a real server).",
        )
        parser.add_argument(
            "--clients",
            type=int,
            default=None,
            help="Create this many clients (with cases, consultations, referrals) for benchmarks.",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed, for repeatable data.")

    def handle(self, *args, allow_demo_passwords: bool, clients: int | None, seed: int, **options):
        if not settings.DEBUG and not allow_demo_passwords:
            raise CommandError(
                "Refusing to create accounts with the password 'demo' while DEBUG is off. "
                "Pass --allow-demo-passwords if this really is a demo server."
            )
        if clients is not None and clients < 0:
            raise CommandError("--clients must be zero or more.")
        # Seeding changes cases and referrals through the real services, which notify
        # staff by e-mail: demo data must not flood the console or a real mailbox.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            summary = run_seeders(clients=clients, seed=seed, stdout=self.stdout)
        for line in summary:
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready. Log in as lawyer, psychologist, coordinator, manager, admin "
                "or outsider with the password 'demo'."
            )
        )
