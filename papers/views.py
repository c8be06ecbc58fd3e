"""The client's papers: a page to choose and print them, PDFs, and recording the signed consent form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

import audit
from clients.selectors import get_client_for
from memorandum.selectors import referrals_visible_to
from papers import pdf, permissions, texts
from papers.forms import LanguageForm, SignedConsentForm, SlipForm
from papers.models import PaperKind, PaperLanguage, PaperText
from papers.services import consent_form_record, paper_print_record

PRINTABLE = (PaperKind.CONSENT, PaperKind.RIGHTS, PaperKind.EXPORT)


def client_papers_section(request: HttpRequest, client) -> dict | None:
    """A "Papers" card on the client page, registered with clients.extensions."""
    if not permissions.can_print_papers(request.user, client):
        return None
    return {"template": "papers/_client_section.html", "client": client}


def _client(request: HttpRequest, pk: int):
    client = get_client_for(request.user, pk)
    if not permissions.can_print_papers(request.user, client):
        raise Http404
    return client


def _language(request: HttpRequest, client) -> str:
    value = request.GET.get("language") or request.POST.get("language")
    return value if value in PaperLanguage.values else texts.preferred_language(client)


def _pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _page(request, client, language, *, slip_form=None, consent_form=None, status=200) -> HttpResponse:
    rows = {(row.kind, row.language): row for row in PaperText.objects.filter(language__in={language, "ru"})}
    export_language = texts.export_language(language)
    papers = [
        {
            "kind": kind,
            "label": PaperKind(kind).label,
            "language": export_language if kind == PaperKind.EXPORT else language,
            "text": rows.get((kind, export_language if kind == PaperKind.EXPORT else language)),
        }
        for kind in (PaperKind.CONSENT, PaperKind.RIGHTS, PaperKind.SLIP, PaperKind.EXPORT)
    ]
    context = {
        "client": client,
        "language": language,
        "language_label": PaperLanguage(language).label,
        "language_form": LanguageForm(initial={"language": language}),
        "papers": papers,
        "labels_text": rows.get((PaperKind.LABELS, language)),
        "export_language_label": PaperLanguage(export_language).label,
        "can_export": permissions.can_print_data_export(request.user, client),
        "can_record_consent": permissions.can_record_signed_consent(request.user, client),
        "slip_form": slip_form
        or SlipForm(initial={"language": language, "partner": _last_partner_id(request, client)}),
        "consent_form": consent_form or SignedConsentForm(initial={"language": language}),
    }
    return render(request, "papers/index.html", context, status=status)


def _last_partner_id(request: HttpRequest, client) -> int | None:
    """The partner of the client's latest referral: the slip most likely sends them there."""
    referrals = referrals_visible_to(request.user).filter(case__client=client).order_by("-created_at", "-pk")
    return referrals.values_list("partner_id", flat=True).first()


@login_required
@require_GET
def papers_index(request: HttpRequest, pk: int) -> HttpResponse:
    client = _client(request, pk)
    audit.record_access(actor=request.user, instance=client, what="papers page")
    return _page(request, client, _language(request, client))


@login_required
@require_GET
def paper_pdf(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    client = _client(request, pk)
    language = _language(request, client)
    if kind == PaperKind.CONSENT:
        body = pdf.render_consent(client, language, staff=request.user)
    elif kind == PaperKind.RIGHTS:
        body = pdf.render_rights(client, language)
    elif kind == PaperKind.EXPORT:
        if not permissions.can_print_data_export(request.user, client):
            raise Http404
        language = texts.export_language(language)
        body = pdf.render_export(client, language, viewer=request.user)
    else:
        raise Http404
    paper_print_record(client=client, actor=request.user, kind=kind, language=language)
    return _pdf_response(body, f"{client.code}-{kind}-{language}.pdf")


@login_required
@require_GET
def slip_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    client = _client(request, pk)
    form = SlipForm(request.GET)
    if not form.is_valid():
        return _page(request, client, _language(request, client), slip_form=form, status=400)
    data = form.cleaned_data
    body = pdf.render_slip(
        client,
        data["language"],
        partner=data["partner"],
        contact=data["contact"],
        hours=data["hours"],
        visit_on=data["visit_on"],
        bring=data["bring"],
        show=data["show"],
    )
    paper_print_record(client=client, actor=request.user, kind=PaperKind.SLIP, language=data["language"])
    return _pdf_response(body, f"{client.code}-slip-{data['language']}.pdf")


@login_required
@require_POST
def signed_consent(request: HttpRequest, pk: int) -> HttpResponse:
    client = _client(request, pk)
    if not permissions.can_record_signed_consent(request.user, client):
        raise Http404
    form = SignedConsentForm(request.POST)
    if not form.is_valid():
        return _page(request, client, _language(request, client), consent_form=form, status=400)
    consent_form_record(
        client=client,
        actor=request.user,
        language=form.cleaned_data["language"],
        signed_on=form.cleaned_data["signed_on"],
        scopes=form.scopes(),
    )
    messages.success(request, _("The signed consent form is recorded."))
    url = reverse("papers:index", args=[client.pk])
    return redirect(f"{url}?language={form.cleaned_data['language']}")
