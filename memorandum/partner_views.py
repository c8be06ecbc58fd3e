"""The partner's page ``/p/<token>/``: one referral, no account, no staff navigation.

Any token that does not open a live link (unknown, expired, revoked, malformed) gets the same
neutral 404 page; too many requests from one address or for one token get a neutral 429. Every
view and action is audited with the time and the address. The page is in the letter's language,
loads only our own static files and tells browsers not to send the address on or index it.
"""

from __future__ import annotations

import logging
from datetime import date

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

import audit
from cases.models import CaseStatus
from memorandum import partner_answers, portal, services
from memorandum.models import PartnerLink, ReferralState, SharedData
from memorandum.pdf import letter_context

logger = logging.getLogger("ariptes.security")

SESSION_KEY = "partner_links"
# What the partner may do, by the state the referral is in (the services check it again).
PARTNER_ACTIONS = {
    "acknowledge": ReferralState.ACKNOWLEDGED,
    "accept": ReferralState.ACCEPTED,
    "decline": ReferralState.DECLINED,
    "complete": ReferralState.COMPLETED,
}

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "-"


def _protect(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Cache-Control"] = "no-store"
    return response


def not_found(request: HttpRequest) -> HttpResponse:
    return _protect(render(request, "memorandum/partner/not_found.html", status=404))


def _too_many(request: HttpRequest) -> HttpResponse:
    response = _protect(render(request, "memorandum/partner/too_many.html", status=429))
    response["Retry-After"] = "60"
    return response


def _open(request: HttpRequest, token: str) -> tuple[PartnerLink | None, HttpResponse | None]:
    """The link for ``token`` after the rate limits, or the response to give instead."""
    if not portal.address_allowed(_address(request)):
        return None, _too_many(request)
    link = portal.link_resolve(token)
    if link is None:
        logger.info("partner link refused ip=%s", _address(request))
        return None, not_found(request)
    # Counted per token only for a real link (a guessed token is new each time; the address limit stops those).
    if not portal.token_allowed(token):
        return None, _too_many(request)
    PartnerLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return link, None


def _verified(request: HttpRequest, link: PartnerLink) -> bool:
    if not link.referral.carries_personal_data:
        return True
    return str(link.pk) in request.session.get(SESSION_KEY, [])


def _mark_verified(request: HttpRequest, link: PartnerLink) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), str(link.pk)]


def _audit(request: HttpRequest, link: PartnerLink, what: str) -> None:
    audit.record_access(
        actor=None,
        instance=link.referral,
        what=what,
        address=_address(request),
        details={"partner_contact": link.contact_id},
    )


def _page(request: HttpRequest, link: PartnerLink, token: str, *, error: str = "", status: int = 200) -> HttpResponse:
    referral = link.referral
    context = {
        "token": token,
        "referral": referral,
        "partner": referral.partner.name_in(referral.language),
        "letter": letter_context(referral),
        "shared_labels": [label for value, label in SharedData.choices if referral.shares(value)],
        "thread": referral.messages.all(),
        "case_closed": referral.case.status == CaseStatus.CLOSED,
        "can": {name: referral.allows(state) for name, state in PARTNER_ACTIONS.items()},
        "can_ask": referral.is_open,
        "today": timezone.localdate(),
        "error": error,
    }
    if context["case_closed"]:
        context["can"]["accept"] = False
    return _protect(render(request, "memorandum/partner/page.html", context, status=status))


def _code_page(request, link, token, *, message: str = "", status: int = 200) -> HttpResponse:
    context = {"token": token, "referral": link.referral, "message": message}
    return _protect(render(request, "memorandum/partner/code.html", context, status=status))


# The partner pages are csrf-exempt: with ``Referrer-Policy: no-referrer`` browsers post ``Origin: null``,
# which Django's CSRF check refuses. The secret token in the URL does CSRF protection's job: a forged
# form on another site cannot know it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, token: str) -> HttpResponse:
    link, refusal = _open(request, token)
    if refusal is not None:
        return refusal
    with translation.override(link.referral.language):
        if not _verified(request, link):
            return _code_step(request, link, token)
        if request.method == "POST":
            return redirect("partner:page", token=token)
        _audit(request, link, "partner view")
        return _page(request, link, token)


def _code_step(request: HttpRequest, link: PartnerLink, token: str) -> HttpResponse:
    if request.method == "GET":
        if portal.code_pending(link) is None:
            portal.code_send(link=link)
            _audit(request, link, "partner code sent")
        return _code_page(request, link, token)
    result = portal.code_check(link=link, code=request.POST.get("code", ""))
    _audit(request, link, f"partner code {result}")
    if result == "ok":
        _mark_verified(request, link)
        return redirect("partner:page", token=token)
    if result == "renewed":
        message = _("That code no longer works. We have e-mailed you a new code.")
    else:
        message = _("The code is not right. Check the last e-mail and try again.")
    return _code_page(request, link, token, message=message, status=400)


@csrf_exempt
@never_cache
@require_POST
def act(request: HttpRequest, token: str, action: str) -> HttpResponse:
    link, refusal = _open(request, token)
    if refusal is not None:
        return refusal
    with translation.override(link.referral.language):
        if not _verified(request, link):
            return not_found(request)
        text = request.POST.get("text", "")[:4000]
        try:
            if action == "ask":
                partner_answers.partner_ask(link=link, text=text, address=_address(request))
            elif action in PARTNER_ACTIONS:
                partner_answers.partner_answer(
                    link=link,
                    to_state=PARTNER_ACTIONS[action],
                    text=text,
                    completed_on=_date_or_none(request.POST.get("completed_on")),
                    address=_address(request),
                )
            else:
                return not_found(request)
        except services.ReferralRefused as error:
            link.referral.refresh_from_db()
            return _page(request, link, token, error=" ".join(error.messages), status=400)
        return redirect("partner:page", token=token)


def _date_or_none(value) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


@never_cache
def letter(request: HttpRequest, token: str) -> HttpResponse:
    link, refusal = _open(request, token)
    if refusal is not None:
        return refusal
    if not _verified(request, link):
        return not_found(request)
    referral = services.referral_letter(referral=link.referral)
    _audit(request, link, "partner letter download")
    response = FileResponse(
        referral.letter.open("rb"),
        as_attachment=True,
        filename=f"{referral.reference}.pdf",
        content_type="application/pdf",
    )
    return _protect(response)
