"""Reads of client records that depend on who asks. Lists, pages, exports and search start here."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import User
from accounts.visibility import remember_visible
from clients.models import Client


def clients_visible_to(user: User) -> QuerySet[Client]:
    """Office scope (managers and administrators see every office), the restricted rule, no merged records."""
    if not user.is_authenticated or not user.is_active:
        return Client.objects.none()
    clients = Client.objects.filter(merged_into__isnull=True)
    if not user.sees_all_offices:
        if user.office_id is None:
            return Client.objects.none()
        clients = clients.filter(office_id=user.office_id)
    if not user.is_manager:
        assigned = Client.assigned_staff.through.objects.filter(client_id=OuterRef("pk"), user_id=user.pk)
        clients = clients.filter(Q(is_restricted=False) | Q(Exists(assigned)))
    return clients


def client_visibility(user: User, prefix: str = "") -> Q | None:
    """The rule of ``clients_visible_to`` as a condition on a related client (``prefix``: the path to it,
    e.g. ``"case__client__"``), for queries that reach clients through joins; None: nothing visible."""
    if not user.is_authenticated or not user.is_active:
        return None
    condition = Q(**{f"{prefix}merged_into__isnull": True})
    if not user.sees_all_offices:
        if user.office_id is None:
            return None
        condition &= Q(**{f"{prefix}office_id": user.office_id})
    if not user.is_manager:
        assigned = Client.assigned_staff.through.objects.filter(client_id=OuterRef(f"{prefix}id"), user_id=user.pk)
        condition &= Q(**{f"{prefix}is_restricted": False}) | Q(Exists(assigned))
    return condition


def get_client_for(user: User, pk: int | str) -> Client:
    """The client ``pk`` if ``user`` may see it, else Http404 (never 403: existence is not revealed)."""
    try:
        client = clients_visible_to(user).select_related("office", "citizenship").get(pk=pk)
    except (Client.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return remember_visible(client, user, clients_visible_to)


def get_client_page_for(user: User, pk: int | str) -> Client:
    """``get_client_for`` with everything the client's page shows of the record itself, in one go."""
    try:
        client = (
            clients_visible_to(user)
            .select_related("office", "citizenship", "region", "migration_status")
            .prefetch_related("languages", "vulnerabilities", "phones", "family_members", "assigned_staff")
            .get(pk=pk)
        )
    except (Client.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return remember_visible(client, user, clients_visible_to)


def get_merged_target_for(user: User, pk: int | str) -> Client | None:
    """The surviving record an old (merged) id leads to, if the user may see it."""
    try:
        old = Client.objects.filter(merged_into__isnull=False).only("merged_into_id").get(pk=pk)
    except (Client.DoesNotExist, ValueError, TypeError):
        return None
    target_id: int | None = old.merged_into_id
    # Follow a chain of merges (A into B, later B into C).
    for _step in range(10):
        target = Client.objects.filter(pk=target_id).only("merged_into_id").first() if target_id else None
        if target is None or target.merged_into_id is None:
            break
        target_id = target.merged_into_id
    return clients_visible_to(user).filter(pk=target_id).first() if target_id else None
