"""Writes of the papers app: every print is an audited access; a signed form becomes a consent."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

import audit
from accounts.models import User
from clients.models import Client, Consent, ConsentMethod, ConsentScope
from clients.services.consent import consent_record
from papers import permissions
from papers.models import PaperLanguage
from papers.texts import REFERENCE_LANGUAGES
from reference.models import Language


def paper_print_record(*, client: Client, actor: User, kind: str, language: str) -> None:
    """An access entry saying who printed which paper, in which language (no personal data in it)."""
    if not permissions.can_print_papers(actor, client):
        raise PermissionDenied
    audit.record_access(actor=actor, instance=client, what=f"paper {kind} ({language})")


@transaction.atomic
def consent_form_record(
    *, client: Client, actor: User, language: str, signed_on: date, scopes: dict[str, bool]
) -> Consent:
    """The client signed the printed consent form: a written consent with the ticked scopes, audited."""
    if not permissions.can_record_signed_consent(actor, client):
        raise PermissionDenied
    unknown = set(scopes) - set(ConsentScope.values)
    if unknown:
        raise TypeError(f"consent_form_record() got unexpected scopes: {sorted(unknown)}")
    codes = REFERENCE_LANGUAGES[PaperLanguage(language)]
    found = {row.code: row for row in Language.objects.filter(code__in=codes)}
    reference_language = next((found[code] for code in codes if code in found), None)
    consent = consent_record(
        client=client,
        actor=actor,
        given_on=signed_on,
        method=ConsentMethod.WRITTEN,
        language=reference_language,
        **{scope: bool(scopes.get(scope)) for scope in ConsentScope.values},
    )
    audit.record_action(
        instance=client, actor=actor, action="consent_form_signed", data={"consent": consent.pk, "language": language}
    )
    return consent
