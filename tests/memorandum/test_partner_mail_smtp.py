"""Sending a referral through a real SMTP server: a refusing server never breaks the save; a retry delivers."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from memorandum.models import PartnerContact, ReferralState
from notices.mail import mail_retry_due
from notices.models import MailState, OutgoingMail
from tests.memorandum.factories import make_referral
from tests.smtp import body_of, start_smtp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp(settings):
    controller, recorder = start_smtp(settings)
    yield recorder
    controller.stop()


def test_a_451_from_the_mail_server_leaves_the_referral_sent_and_the_retry_delivers_the_link(
    smtp, case, coordinator, inspectorate, as_coordinator
):
    PartnerContact.objects.create(partner=inspectorate, name="Ерлан Сапаров", email="inspector@example.org")
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    smtp.refuse = True

    response = as_coordinator.post(
        reverse("memorandum:referral-send", args=[referral.pk]), {"version": referral.version}
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
    queued = OutgoingMail.objects.get(tag=f"referral:{referral.pk}")
    assert queued.state == MailState.QUEUED and queued.attempts == 1
    assert "451" in queued.last_error
    assert smtp.to("inspector@example.org") == []
    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk])).content.decode()
    assert 'data-state="queued"' in page and "451" in page

    smtp.refuse = False
    assert mail_retry_due(now=timezone.now() + timedelta(minutes=2)) >= 1

    queued.refresh_from_db()
    assert queued.state == MailState.SENT
    [message] = smtp.to("inspector@example.org")
    assert referral.reference in message["Subject"]
    body = body_of(message)
    assert re.search(r"/p/[A-Za-z0-9_-]{40,}/", body)
    assert case.client.family_name not in body and case.client.code not in body
    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk])).content.decode()
    assert 'data-state="sent"' in page
