"""Everything held about a client, in plain words: labelled sections of readable (label, value) rows.

Read in the active language (ru, kk or en): labels are the fields' translated names, values are
choice labels and dd.mm.yyyy dates, never field paths, codes of choices or ISO timestamps.
Psychological notes are not printed: the paper says they exist, as the JSON export does.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cases.models import Case, Consultation
from clients.models import Client, Consent, ConsentScope, FamilyMember
from memorandum.models import Referral, SharedData


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    # Sub-blocks, e.g. one per case or per consultation: (title, rows)
    blocks: list["Section"] = field(default_factory=list)

    def add(self, label, value) -> None:
        text = readable(value)
        if text:
            self.rows.append((str(label), text))


def readable(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return pgettext("answer", "Yes") if value else pgettext("answer", "No")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list | tuple):
        return ", ".join(readable(item) for item in value if readable(item))
    return str(value)


def label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _about(client: Client) -> Section:
    section = Section(_("About you"))
    section.add(label(Client, "code"), client.code)
    section.add(label(Client, "office"), client.office.name)
    for name in ("family_name", "given_name", "patronymic", "latin_name"):
        section.add(label(Client, name), getattr(client, name))
    section.add(label(Client, "sex"), client.get_sex_display())
    section.add(label(Client, "birth_date"), client.birth_date)
    if not client.birth_date:
        section.add(label(Client, "birth_year"), client.birth_year)
    section.add(label(Client, "citizenship"), client.citizenship.name)
    section.add(label(Client, "languages"), [language.name for language in client.languages.all()])
    section.add(label(Client, "needs_interpreter"), client.needs_interpreter)
    return section


def _contacts(client: Client) -> Section:
    section = Section(_("Contacts and place of stay"))
    section.add(_("Phones"), [phone.number for phone in client.phones.all()])
    section.add(label(Client, "messenger"), client.get_messenger_display() if client.messenger else "")
    section.add(label(Client, "region"), client.region.name if client.region_id else "")
    section.add(label(Client, "city"), client.city)
    section.add(label(Client, "address"), client.address)
    return section


def _situation(client: Client) -> Section:
    section = Section(_("Migration and work"))
    section.add(label(Client, "arrived_on"), client.arrived_on)
    section.add(label(Client, "migration_status"), client.migration_status.name if client.migration_status_id else "")
    section.add(label(Client, "document_situation"), client.get_document_situation_display())
    section.add(label(Client, "sector"), client.get_sector_display())
    section.add(label(Client, "employer"), client.employer)
    section.add(label(Client, "vulnerabilities"), [item.name for item in client.vulnerabilities.all()])
    section.add(label(Client, "found_us_via"), client.get_found_us_via_display())
    return section


def _family(client: Client) -> Section:
    section = Section(_("Family"))
    for member in client.family_members.all():
        block = Section(member.get_relation_display())
        block.add(label(FamilyMember, "name"), member.name)
        block.add(label(FamilyMember, "sex"), member.get_sex_display())
        block.add(label(FamilyMember, "birth_year"), member.birth_year)
        block.add(label(FamilyMember, "schooling"), member.get_schooling_display())
        section.blocks.append(block)
    return section


def _consents(client: Client) -> Section:
    section = Section(_("Consent"))
    for consent in client.consents.select_related("language"):
        block = Section(_("Consent given on %(date)s") % {"date": readable(consent.given_on)})
        block.add(label(Consent, "method"), consent.get_method_display())
        block.add(label(Consent, "language"), consent.language.name if consent.language_id else "")
        for scope, scope_label in ConsentScope.choices:
            block.add(scope_label, getattr(consent, scope))
        block.add(label(Consent, "withdrawn_on"), consent.withdrawn_on)
        section.blocks.append(block)
    return section


def _documents(client: Client) -> Section:
    section = Section(_("Documents"))
    for document in client.documents.all():
        description = document.title or document.original_name
        title = f"{document.get_kind_display()}: {description}" if description else document.get_kind_display()
        section.add(title, _("uploaded on %(date)s") % {"date": readable(document.uploaded_at.date())})
    return section


def _cases(client: Client) -> Section:
    section = Section(_("Cases"))
    cases = (
        Case.objects.filter(client=client)
        .select_related("office")
        .prefetch_related("categories", "consultations__given_by")
        .order_by("opened_on", "pk")
    )
    for case in cases:
        block = Section(_("Case %(number)s") % {"number": case.number})
        block.add(label(Case, "kind"), case.get_kind_display())
        block.add(label(Case, "categories"), [category.name for category in case.categories.all()])
        block.add(label(Case, "summary"), case.summary)
        block.add(label(Case, "opened_on"), case.opened_on)
        block.add(label(Case, "status"), case.get_status_display())
        block.add(label(Case, "closed_on"), case.closed_on)
        block.add(label(Case, "outcome"), case.get_outcome_display())
        section.blocks.append(block)
        for consultation in case.consultations.all():
            sub = Section(_("Consultation of %(date)s") % {"date": readable(consultation.started_at)})
            sub.add(label(Consultation, "kind"), consultation.get_kind_display())
            sub.add(label(Consultation, "mode"), consultation.get_mode_display())
            given_by = consultation.given_by.get_full_name() if consultation.given_by else ""
            sub.add(label(Consultation, "given_by"), given_by)
            sub.add(label(Consultation, "summary"), consultation.summary)
            sub.add(label(Consultation, "next_steps"), consultation.next_steps)
            if consultation.psych_notes:
                sub.add(
                    label(Consultation, "psych_notes"),
                    _("Kept. The psychologist can go through them with you."),
                )
            block.blocks.append(sub)
    return section


def _referrals(client: Client) -> Section:
    section = Section(_("Referrals to partners"))
    referrals = Referral.objects.filter(case__client=client).select_related("partner").order_by("created_at", "pk")
    shared_labels = dict(SharedData.choices)
    for referral in referrals:
        block = Section(referral.partner.name)
        block.add(label(Referral, "sent_at"), referral.sent_at)
        block.add(label(Referral, "state"), referral.get_state_display())
        shared = [_("Client code")]
        shared += [str(shared_labels[item]) for item in referral.shared_data if item in shared_labels]
        block.add(label(Referral, "shared_data"), shared)
        section.blocks.append(block)
    return section


def _record(client: Client) -> Section:
    section = Section(_("Your record"))
    section.add(_("registered"), client.created_at)
    section.add(_("last change"), client.updated_at)
    section.add(_("Codes of records merged into this one"), list(client.merged_records.values_list("code", flat=True)))
    return section


def export_sections(client: Client, *, viewer) -> list[Section]:
    """The sections that hold something, in reading order. ``viewer`` already passed the access check."""
    client = Client.objects.select_related("office", "citizenship", "region", "migration_status").get(pk=client.pk)
    builders = (_about, _contacts, _situation, _family, _consents, _documents, _cases, _referrals, _record)
    return [section for section in (build(client) for build in builders) if section.rows or section.blocks]
