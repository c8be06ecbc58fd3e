"""Reminding of overdue referrals: the partner's contact once by e-mail, then the coordinator once.

A referral sent by e-mail (with a working link) first reminds the partner; if it is still unanswered at
the next run (the next morning), the coordinator hears. A referral sent by hand, or whose link was
revoked, reminds the coordinator at once.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from memorandum import portal
from memorandum.models import AWAITING_ANSWER_STATES, Referral
from notices.mail import mail_send


def reminder_recipients(referral: Referral) -> list[User]:
    """The coordinator who sent it; else (a manager sent it, or the sender left) the office's coordinators.

    A manager who sent it hears only when the office has no coordinator to chase the partner.
    """
    sender = referral.sent_by
    sender_reachable = sender is not None and sender.is_active and bool(sender.email)
    if sender_reachable and sender.is_coordinator:
        return [sender]
    coordinators = list(
        User.objects.filter(office_id=referral.case.office_id, role=Role.COORDINATOR, is_active=True).exclude(email="")
    )
    if coordinators:
        return coordinators
    return [sender] if sender_reachable else []


def _send(referral: Referral, recipients: list[User]) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse("memorandum:referral-detail", args=[referral.pk])
    for user in recipients:
        # Only the reference, the partner and a link: no client data in mail.
        with translation.override(user.language):
            context = {"referral": referral, "url": url, "partner": referral.partner.name}
            subject = render_to_string("memorandum/email/overdue_subject.txt", context).strip()
            body = render_to_string("memorandum/email/overdue_body.txt", context)
        mail_send(to=user.email, subject=subject, body=body, tag=f"referral:{referral.pk}")


def _partner_reachable(referral: Referral) -> bool:
    contact = referral.contact
    return (
        not referral.sent_by_hand
        and contact is not None
        and contact.is_active
        and bool(contact.email)
        and portal.live_links(referral).exists()
    )


def _remind_partner(referral: Referral) -> bool:
    with transaction.atomic():
        claimed = Referral.objects.filter(pk=referral.pk, partner_reminded_at__isnull=True).update(
            partner_reminded_at=timezone.now()
        )
        if not claimed:
            return False
        portal.link_mail(referral=referral, template="reminder")
    return True


def referrals_remind_overdue(*, today=None) -> int:
    """Remind about each referral past its due date, claimed with a conditional UPDATE so it goes once.

    A redelivered or concurrent task finds ``partner_reminded_at`` / ``reminded_at`` already set and
    skips it; if sending fails the claim rolls back and the next run tries again.
    """
    today = today or timezone.localdate()
    overdue = (
        Referral.objects.filter(state__in=AWAITING_ANSWER_STATES, due_on__lt=today, reminded_at__isnull=True)
        .select_related("partner", "sent_by", "case", "contact")
        .order_by("due_on", "pk")
    )
    sent = 0
    for referral in overdue:
        if referral.partner_reminded_at is None and _partner_reachable(referral):
            sent += _remind_partner(referral)
            continue
        if referral.partner_reminded_at is not None and timezone.localdate(referral.partner_reminded_at) >= today:
            # The partner was reminded today: the coordinator hears at the next run if it stays unanswered.
            continue
        recipients = reminder_recipients(referral)
        if not recipients:
            # Nobody to tell (the sender left, no coordinator with an e-mail): keep it for the next run.
            continue
        with transaction.atomic():
            claimed = Referral.objects.filter(pk=referral.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            _send(referral, recipients)
        sent += 1
    return sent
