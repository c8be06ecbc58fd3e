"""Consent: recorded with its scopes, withdrawn with a date; the scopes gate sharing elsewhere."""

from datetime import date

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone

import audit
from accounts.models import User
from clients.models import CONSENT_SCOPES, Client, Consent, ConsentMethod, ConsentScope
from reference.models import Language


@transaction.atomic
def consent_record(
    *,
    client: Client,
    actor: User,
    given_on: date | None = None,
    method: str = ConsentMethod.VERBAL,
    language: Language | None = None,
    **scopes: bool,
) -> Consent:
    unknown = set(scopes) - set(CONSENT_SCOPES)
    if unknown:
        raise TypeError(f"consent_record() got unexpected scopes: {sorted(unknown)}")
    with set_actor(actor):
        return Consent.objects.create(
            client=client,
            given_on=given_on or timezone.localdate(),
            method=method,
            language=language,
            recorded_by=actor,
            **{str(scope): bool(scopes.get(scope, scope == ConsentScope.STORE_DATA)) for scope in CONSENT_SCOPES},
        )


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor: User, withdrawn_on: date | None = None) -> Consent:
    """Withdraw a consent (all its scopes), dated and audited. Withdrawing twice keeps the first date."""
    if consent.withdrawn_on is None:
        with set_actor(actor):
            consent.withdrawn_on = withdrawn_on or timezone.localdate()
            consent.withdrawn_by = actor
            consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        audit.record_action(
            instance=consent.client, actor=actor, action="consent_withdrawn", data={"consent": consent.pk}
        )
    return consent


def current_consent(client: Client) -> Consent | None:
    """The consent that decides: the newest one. Once it is withdrawn, an older consent does not come back."""
    return client.consents.order_by("-given_on", "-id").first()


def consent_allows(client: Client, scope: ConsentScope | str) -> bool:
    """True when the consent in force covers ``scope`` (a ``ConsentScope``)."""
    if scope not in CONSENT_SCOPES:
        raise ValueError(f"Unknown consent scope: {scope}")
    if client.is_anonymised:
        return False
    consent = current_consent(client)
    return consent is not None and consent.allows(scope)
