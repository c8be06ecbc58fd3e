"""List clients with no activity for N years, for review before anonymisation. Changes nothing."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from clients.extensions import active_client_ids
from clients.models import Client, ClientDocument, Consent


def inactive_clients(*, years: int, office_code: str | None = None):
    """Clients not anonymised or merged whose record, consents, documents and other apps' rows are all older."""
    since = timezone.now() - timedelta(days=round(365.25 * years))
    clients = Client.objects.filter(is_anonymised=False, merged_into__isnull=True, updated_at__lt=since)
    if office_code:
        clients = clients.filter(office__code=office_code.upper())
    recent_document = ClientDocument.objects.filter(client_id=OuterRef("pk"), uploaded_at__gte=since)
    recent_consent = Consent.objects.filter(
        Q(created_at__gte=since) | Q(withdrawn_on__gte=since.date()), client_id=OuterRef("pk")
    )
    clients = clients.exclude(Exists(recent_document)).exclude(Exists(recent_consent))
    active_elsewhere = active_client_ids(since)
    if active_elsewhere:
        clients = clients.exclude(pk__in=active_elsewhere)
    return clients.select_related("office").annotate(last_document=Max("documents__uploaded_at")).order_by("updated_at")


class Command(BaseCommand):
    help = "List clients with no activity for N years (default settings.INACTIVE_CLIENT_YEARS), for review."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=None, help="Years without activity.")
        parser.add_argument("--office", default=None, help="Only this office (code, e.g. ALA).")

    def handle(self, *args, years: int | None, office: str | None, **options):
        years = settings.INACTIVE_CLIENT_YEARS if years is None else years
        if years < 1:
            raise CommandError("--years must be 1 or more.")
        count = 0
        # Codes only: this output may end up in a ticket or an e-mail.
        self.stdout.write("code\toffice\tlast activity")
        for client in inactive_clients(years=years, office_code=office).iterator():
            last = max(filter(None, [client.updated_at, client.last_document]))
            self.stdout.write(f"{client.code}\t{client.office.code}\t{last.date().isoformat()}")
            count += 1
        self.stderr.write(f"{count} clients without activity for {years} years.")
