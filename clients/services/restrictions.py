"""Lifting a client's restriction: a caseworker asks, a manager decides; until then the record stays restricted."""

from collections.abc import Iterable

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from clients.models import Client, RestrictionLiftRequest, Vulnerability
from clients.services.records import refresh_restriction


def may_lift_restriction(user: User) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_manager)


def kept_restricting_flags(*, client: Client, actor: User, wanted: Iterable[Vulnerability]) -> list[Vulnerability]:
    """The restricting flags an edit by ``actor`` would remove but may not: they stay and become a request."""
    if actor is None or may_lift_restriction(actor):
        return []
    wanted_ids = {flag.pk for flag in wanted}
    return [flag for flag in client.vulnerabilities.filter(restricts_access=True) if flag.pk not in wanted_ids]


@transaction.atomic
def restriction_lift_request(*, client: Client, actor: User, flags: list[Vulnerability]) -> RestrictionLiftRequest:
    pending = client.restriction_lift_requests.filter(state=RestrictionLiftRequest.State.PENDING).first()
    with set_actor(actor):
        if pending is None:
            pending = RestrictionLiftRequest.objects.create(client=client, requested_by=actor)
        else:
            pending.requested_by = actor
            pending.requested_at = timezone.now()
            pending.save(update_fields=["requested_by", "requested_at"])
        pending.flags.set(flags)
    return pending


@transaction.atomic
def restriction_lift_decide(*, request: RestrictionLiftRequest, actor: User, approve: bool) -> RestrictionLiftRequest:
    if not may_lift_restriction(actor):
        raise PermissionDenied
    request = RestrictionLiftRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != RestrictionLiftRequest.State.PENDING:
        return request
    client = Client.objects.select_for_update().get(pk=request.client_id)
    with set_actor(actor):
        if approve:
            client.vulnerabilities.remove(*request.flags.all())
            refresh_restriction(client)
            Client.objects.filter(pk=client.pk).update(version=client.version + 1, updated_at=timezone.now())
        request.state = RestrictionLiftRequest.State.APPROVED if approve else RestrictionLiftRequest.State.DECLINED
        request.decided_by = actor
        request.decided_at = timezone.now()
        request.save(update_fields=["state", "decided_by", "decided_at"])
    return request
