"""Data rights: everything held about one client (subject-access export), and anonymisation."""

from functools import partial
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from clients import extensions
from clients.apps import CLIENT_MASKED
from clients.import_files import import_files_remove_naming
from clients.models import CONSENT_SCOPES, Client, ClientDocument, ClientPhone, FamilyMember

PERSONAL_TEXT_FIELDS = (
    "family_name",
    "given_name",
    "patronymic",
    "latin_name",
    "city",
    "address",
    "employer",
    "messenger",
    "search_key",
)


def client_export_data(client: Client) -> dict[str, Any]:
    """A JSON-ready dict of every record about the client, including what other apps register."""

    def choice(obj: Any, name: str) -> dict[str, str]:
        return {"value": getattr(obj, name), "label": str(getattr(obj, f"get_{name}_display")())}

    data = {
        "code": client.code,
        "office": client.office.name,
        "family_name": client.family_name,
        "given_name": client.given_name,
        "patronymic": client.patronymic,
        "latin_name": client.latin_name,
        "sex": choice(client, "sex"),
        "birth_date": client.birth_date.isoformat() if client.birth_date else None,
        "birth_year": client.birth_year,
        "citizenship": client.citizenship.name_en,
        "languages": [language.name_en for language in client.languages.all()],
        "needs_interpreter": client.needs_interpreter,
        "phones": [phone.number for phone in client.phones.all()],
        "messenger": client.messenger,
        "region": client.region.name_en if client.region else None,
        "city": client.city,
        "address": client.address,
        "arrived_on": client.arrived_on.isoformat() if client.arrived_on else None,
        "migration_status": client.migration_status.name_en if client.migration_status else None,
        "document_situation": choice(client, "document_situation"),
        "sector": choice(client, "sector"),
        "employer": client.employer,
        "vulnerabilities": [vulnerability.name_en for vulnerability in client.vulnerabilities.all()],
        "found_us_via": choice(client, "found_us_via"),
        "created_at": client.created_at.isoformat(),
        "updated_at": client.updated_at.isoformat(),
        "is_anonymised": client.is_anonymised,
        "family_members": [
            {
                "relation": member.relation,
                "name": member.name,
                "sex": member.sex,
                "birth_year": member.birth_year,
                "schooling": member.schooling,
            }
            for member in client.family_members.all()
        ],
        "consents": [
            {
                "given_on": consent.given_on.isoformat(),
                "method": consent.method,
                "language": consent.language.name_en if consent.language else None,
                **{scope.value: getattr(consent, scope) for scope in CONSENT_SCOPES},
                "withdrawn_on": consent.withdrawn_on.isoformat() if consent.withdrawn_on else None,
            }
            for consent in client.consents.select_related("language")
        ],
        "documents": [
            {
                "kind": document.kind,
                "description": document.title,
                "file_name": document.original_name,
                "content_type": document.content_type,
                "size": document.size,
                "uploaded_at": document.uploaded_at.isoformat(),
            }
            for document in client.documents.all()
        ],
        "former_codes": list(client.merged_records.values_list("code", flat=True)),
        "merged_records": _merged_records(client),
    }
    data.update(extensions.export_sections(client))
    return data


def _merged_records(client: Client) -> list[dict[str, Any]]:
    """What older records merged into this one (and into those) still keep: they stay for an undo."""
    records: list[dict[str, Any]] = []
    pending, seen = [client.pk], {client.pk}
    while pending:
        merged = list(Client.objects.filter(merged_into_id__in=pending).exclude(pk__in=seen).prefetch_related("phones"))
        pending = [record.pk for record in merged]
        seen.update(pending)
        records.extend(
            {
                "code": record.code,
                "family_name": record.family_name,
                "given_name": record.given_name,
                "patronymic": record.patronymic,
                "latin_name": record.latin_name,
                "birth_date": record.birth_date.isoformat() if record.birth_date else None,
                "birth_year": record.birth_year,
                "phones": [phone.number for phone in record.phones.all()],
            }
            for record in merged
        )
    return records


def _erase(client: Client, *, actor: User) -> None:
    """Erase one record's personal data, its phones, family names and documents, and scrub its audit trail."""
    names = [f"{client.family_name} {client.given_name}", f"{client.latin_name}"]
    phones = list(client.phones.values_list("number", flat=True))
    # Client lists waiting for their import that name this person go too (after commit: the erase may roll back).
    transaction.on_commit(lambda: import_files_remove_naming(names=names, phones=phones))
    phone_ids = list(client.phones.values_list("pk", flat=True))
    member_ids = list(client.family_members.values_list("pk", flat=True))
    documents = list(client.documents.all())
    document_ids = [document.pk for document in documents]
    with set_actor(actor):
        for name in PERSONAL_TEXT_FIELDS:
            setattr(client, name, "")
        client.birth_date = None
        client.is_anonymised = True
        client.anonymised_at = timezone.now()
        client.version += 1
        client.save()
        ClientPhone.objects.filter(pk__in=phone_ids).delete()
        FamilyMember.objects.filter(pk__in=member_ids).update(name="")
        for document in documents:
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(partial(storage.delete, name))
    audit.scrub_personal_values(model=Client, object_ids=[client.pk], fields=CLIENT_MASKED)
    audit.scrub_personal_values(model=ClientPhone, object_ids=phone_ids, fields=["number"])
    audit.scrub_personal_values(model=FamilyMember, object_ids=member_ids, fields=["name"])
    audit.scrub_personal_values(model=ClientDocument, object_ids=document_ids, fields=["original_name", "title"])


@transaction.atomic
def client_anonymise(*, client: Client, actor: User, confirmation: str) -> Client:
    """Erase the personal fields for good; keep sex, birth year, citizenship, region, status and dates.

    ``confirmation`` must be the client's code, typed by the manager. Older records merged into
    this one (which keep their own names for an undo) are erased too.
    """
    client = Client.objects.select_for_update().get(pk=client.pk)
    if confirmation.strip().upper() != client.code:
        raise ValidationError(_("Type the client code exactly to confirm."), code="confirmation")
    if client.is_anonymised:
        raise ValidationError(_("This client is already anonymised."), code="already")
    pending, seen = [client], set()
    while pending:
        record = pending.pop()
        if record.pk in seen:
            continue
        seen.add(record.pk)
        _erase(record, actor=actor)
        pending.extend(Client.objects.filter(merged_into=record, is_anonymised=False))
    extensions.run_anonymisers(client, actor)
    audit.record_action(instance=client, actor=actor, action="anonymised")
    return client
