"""The partner loop on the staff's referral page: mails and their state, the link, the question thread."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from memorandum import partner_answers, permissions, portal, selectors, services
from memorandum.forms import ReplyForm
from memorandum.models import Referral
from notices.models import OutgoingMail

LINK_PATTERN = re.compile(r"https?://\S+/p/[A-Za-z0-9_-]{20,}/")


def referral_mails(referral: Referral) -> list[OutgoingMail]:
    """The mails sent about this referral (to the partner and reminders), newest last; never their bodies."""
    return list(
        OutgoingMail.objects.filter(tag=portal.referral_tag(referral))
        .defer("body", "html_body")
        .order_by("created_at", "pk")
    )


def demo_partner_link(request: HttpRequest, referral: Referral) -> str:
    """In the demo (DEBUG) an administrator sees the partner's link, read from the last mail that carried one."""
    if not (settings.DEBUG and request.user.is_superuser):
        return ""
    if not portal.live_links(referral).exists():
        return ""
    for body in (
        OutgoingMail.objects.filter(tag=portal.referral_tag(referral))
        .order_by("-created_at", "-pk")
        .values_list("body", flat=True)[:10]
    ):
        found = LINK_PATTERN.search(body)
        if found:
            return found.group(0)
    return ""


def partner_loop_context(request: HttpRequest, referral: Referral) -> dict:
    can_answer = permissions.can_record_answer(request.user, referral)
    live = portal.live_links(referral).order_by("-expires_at").first()
    return {
        "mails": referral_mails(referral),
        "thread": referral.messages.select_related("author", "contact"),
        "reply_form": ReplyForm() if can_answer and referral.is_open else None,
        "live_link": live,
        "can_manage_link": can_answer and referral.state != "draft",
        "demo_link": demo_partner_link(request, referral),
    }


@require_POST
@login_required
def referral_reply(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your answer."))
        return redirect("memorandum:referral-detail", pk=pk)
    try:
        partner_answers.referral_reply(referral=referral, actor=request.user, text=form.cleaned_data["text"])
    except services.ReferralRefused as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer is on the partner's page."))
    return redirect("memorandum:referral-detail", pk=pk)


@require_POST
@login_required
def referral_link(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    try:
        if action == "revoke":
            partner_answers.partner_link_revoke(referral=referral, actor=request.user)
            messages.success(request, _("The partner's link no longer works."))
        elif action == "resend":
            partner_answers.partner_link_resend(referral=referral, actor=request.user)
            messages.success(request, _("A new link is on its way to the partner."))
        else:
            messages.error(request, _("Unknown action."))
    except services.ReferralRefused as error:
        messages.error(request, " ".join(error.messages))
    return redirect("memorandum:referral-detail", pk=pk)
