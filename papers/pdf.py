"""Client papers as PDFs: a template per paper, texts from PaperText, WeasyPrint with local files only.

Papers in uz/ky/tg cannot use the interface's gettext (staff languages only), so every word a
paper prints comes from its PaperText rows; only the data export (ru/kk/en) reads the interface's
translations of field names and choices.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from papers import texts
from papers.markup import to_html


def office_values(office) -> dict[str, str]:
    """The placeholders' values; ``.name`` follows the active language where the office has one."""
    return {
        "organisation": settings.ORGANISATION_NAME,
        "office_name": office.name,
        "office_address": office.address or office.city,
        "office_phone": office.phone or "—",
        "office_email": office.email or "—",
    }


def paper_context(kind: str, language: str, client) -> dict:
    text = texts.paper_text(kind, language)
    values = office_values(client.office)
    return {
        "language": language,
        "title": text.title,
        "body": to_html(text.body, values),
        "office": values,
        "labels": texts.labels(language),
        "client_code": client.code,
        "printed_on": timezone.localdate().strftime("%d.%m.%Y"),
    }


def render_html(template: str, context: dict, language: str) -> str:
    with translation.override(language):
        return render_to_string(template, context)


def html_to_pdf(html: str) -> bytes:
    # WeasyPrint is heavy: imported only where a PDF is made, never when the site starts.
    from weasyprint import HTML

    from reference.pdf import PDF_BASE_URL, LocalFetcher

    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=LocalFetcher()).write_pdf()


def consent_context(client, language: str, *, staff) -> dict:
    from clients.models import ConsentScope

    with translation.override(language):
        context = paper_context("consent", language, client)
    labels = context["labels"]
    context["scopes"] = [labels[texts.scope_label_key(scope)] for scope in ConsentScope.values]
    context["staff_name"] = staff.get_full_name() or staff.get_username()
    return context


def render_consent(client, language: str, *, staff) -> bytes:
    context = consent_context(client, language, staff=staff)
    return html_to_pdf(render_html("papers/pdf/consent.html", context, language))


def render_rights(client, language: str) -> bytes:
    with translation.override(language):
        context = paper_context("rights", language, client)
    return html_to_pdf(render_html("papers/pdf/rights.html", context, language))


def slip_context(client, language: str, *, partner, contact=None, hours="", visit_on=None, bring=(), show=()) -> dict:
    with translation.override(language):
        context = paper_context("slip", language, client)
        context["partner_name"] = partner.name
    labels = context["labels"]
    context.update(
        {
            "partner_address": partner.address,
            "hours": hours,
            "contact": contact,
            "visit_on": visit_on.strftime("%d.%m.%Y") if visit_on else "",
            "bring": [labels[f"bring_{item}"] for item in texts.BRING_ITEMS if item in bring],
            "client_name": client.full_name if "name" in show else "",
            "client_phone": ", ".join(phone.number for phone in client.phones.all()) if "phone" in show else "",
        }
    )
    return context


def render_slip(client, language: str, **choices) -> bytes:
    context = slip_context(client, language, **choices)
    return html_to_pdf(render_html("papers/pdf/slip.html", context, language))


def render_export(client, language: str, *, viewer) -> bytes:
    from papers.export import export_sections

    language = texts.export_language(language)
    with translation.override(language):
        context = paper_context("export", language, client)
        context["sections"] = export_sections(client, viewer=viewer)
    return html_to_pdf(render_html("papers/pdf/export.html", context, language))
