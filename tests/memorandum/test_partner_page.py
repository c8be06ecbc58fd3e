"""The partner's side of a referral: a mailed link, a one-time code when the letter names the client,
answers and questions without an account, and one neutral 404 for every link that does not work."""

import re
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStatus
from cases.services import case_change_status
from memorandum import portal, services
from memorandum.models import PartnerCode, PartnerContact, PartnerLink, Referral, ReferralMessage, ReferralState
from notices.models import MailState, Notice, OutgoingMail
from tests.memorandum.factories import make_referral

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/p/([A-Za-z0-9_-]+)/")
CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture
def contact(inspectorate):
    return PartnerContact.objects.create(
        partner=inspectorate, name="Ерлан Сапаров", email="inspector@example.org", position="инспектор"
    )


@pytest.fixture
def sent(case, coordinator, inspectorate, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    return referral


def to_partner() -> list:
    """The mails the partner's contact received (staff get their notices by mail too)."""
    return [message for message in mail.outbox if message.to == ["inspector@example.org"]]


def token_of(message) -> str:
    return LINK.search(message.body).group(1)


def page_url(token: str) -> str:
    return reverse("partner:page", args=[token])


def test_sending_mails_the_contact_a_link_in_the_letters_language_with_no_personal_data(sent, case, contact):
    sent.refresh_from_db()
    assert sent.contact == contact and not sent.sent_by_hand
    [message] = to_partner()
    assert message.to == ["inspector@example.org"]
    assert sent.reference in message.subject
    body = message.body
    assert "/p/" in body
    for personal in [case.client.family_name, case.client.given_name, case.client.code, sent.request]:
        assert personal not in body
    # The letter is Russian: so is the mail.
    assert "Государственная инспекция труда" in body
    token = token_of(message)
    assert len(token) >= 43  # 256 bits in base64
    # Only the hash is stored.
    assert not PartnerLink.objects.filter(token_hash=token).exists()
    assert OutgoingMail.objects.get(tag=f"referral:{sent.pk}").state == MailState.SENT


def test_a_contact_without_an_address_means_sent_by_hand(case, coordinator, inspectorate, as_coordinator):
    PartnerContact.objects.create(partner=inspectorate, name="Приёмная")
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    response = as_coordinator.post(
        reverse("memorandum:referral-send", args=[referral.pk]), {"version": referral.version}, follow=True
    )
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT and referral.sent_by_hand
    assert not OutgoingMail.objects.filter(tag=f"referral:{referral.pk}").exists()
    html = response.content.decode()
    assert 'data-testid="sent-by-hand"' in html
    assert "Print the letter" in html


def test_the_partner_opens_the_letter_without_a_code_when_it_names_nobody(client, sent, case):
    token = token_of(to_partner()[0])
    response = client.get(page_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert sent.reference in html and case.client.code in html
    assert case.client.family_name not in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert '<meta name="robots" content="noindex' in html
    # No third-party resource: every src and href is ours.
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url
    # Viewing is audited with the address.
    entry = LogEntry.objects.filter(object_pk=str(sent.pk), additional_data__access="partner view").get()
    assert entry.remote_addr == "127.0.0.1" and entry.actor is None


def test_the_partner_answers_and_the_staff_are_told_in_one_notice(client, sent, case, lawyer):
    token = token_of(to_partner()[0])
    assert client.post(reverse("partner:act", args=[token, "acknowledge"])).status_code == 302
    assert client.post(reverse("partner:act", args=[token, "accept"]), {"text": "Берём"}).status_code == 302
    outcome = {"text": "Работодатель выплатил 450 000 тенге", "completed_on": timezone.localdate().isoformat()}
    assert client.post(reverse("partner:act", args=[token, "complete"]), outcome).status_code == 302
    sent.refresh_from_db()
    assert sent.state == ReferralState.COMPLETED and "450 000" in sent.result
    events = list(sent.events.filter(actor__isnull=True))
    assert [e.to_state for e in events] == ["acknowledged", "accepted", "completed"]
    assert all(e.contact_id == sent.contact_id for e in events)
    [notice] = Notice.objects.filter(recipient=lawyer)
    assert notice.count >= 3
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    # Once completed nothing can be changed any more.
    response = client.post(reverse("partner:act", args=[token, "decline"]), {"text": "передумали"})
    assert response.status_code == 400
    sent.refresh_from_db()
    assert sent.state == ReferralState.COMPLETED


def test_declining_needs_a_reason_and_completion_needs_a_date(client, sent):
    token = token_of(to_partner()[0])
    response = client.post(reverse("partner:act", args=[token, "decline"]), {"text": " "})
    assert response.status_code == 400
    assert "Напишите, почему вы отказываете." in response.content.decode()  # the letter's language
    client.post(reverse("partner:act", args=[token, "accept"]))
    response = client.post(reverse("partner:act", args=[token, "complete"]), {"text": "сделано", "completed_on": "x"})
    assert response.status_code == 400
    sent.refresh_from_db()
    assert sent.state == ReferralState.ACCEPTED


def test_a_question_reaches_the_coordinator_who_answers_from_the_referral_page(
    client, sent, coordinator, as_coordinator, django_capture_on_commit_callbacks
):
    token = token_of(to_partner()[0])
    client.post(reverse("partner:act", args=[token, "ask"]), {"text": "Есть ли у клиента трудовой договор?"})
    assert Notice.objects.filter(recipient=coordinator, kind="referral_question").exists()
    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[sent.pk])).content.decode()
    assert "Есть ли у клиента трудовой договор?" in page
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator.post(reverse("memorandum:referral-reply", args=[sent.pk]), {"text": "Договора нет."})
    assert list(ReferralMessage.objects.values_list("from_partner", flat=True)) == [True, False]
    # The partner sees the thread; the answer mail carries a fresh link and no personal data.
    assert "Договора нет." in client.get(page_url(token)).content.decode()
    assert "Договора нет." not in to_partner()[-1].body
    assert client.get(page_url(token_of(to_partner()[-1]))).status_code == 200


def test_a_letter_with_personal_data_needs_the_one_time_code(
    client, case, coordinator, inspectorate, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = make_referral(
            coordinator=coordinator,
            case=case,
            partner=inspectorate,
            state=ReferralState.SENT,
            shared_data=["name", "sex"],
        )
    token = token_of(to_partner()[0])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(page_url(token))
    assert first.status_code == 200
    assert case.client.family_name not in first.content.decode()
    assert 'data-testid="code-input"' in first.content.decode()
    code_mail = to_partner()[1]
    code = CODE.search(code_mail.body).group(1)
    assert case.client.family_name not in code_mail.body
    # The letter itself and the actions stay closed before the code.
    assert client.get(reverse("partner:letter", args=[token])).status_code == 404
    assert client.post(reverse("partner:act", args=[token, "accept"])).status_code == 404
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
    response = client.post(page_url(token), {"code": code})
    assert response.status_code == 302
    assert case.client.family_name in client.get(page_url(token)).content.decode()
    # A used code does not work a second time (another browser).
    from django.test import Client

    other = Client()
    assert other.post(page_url(token), {"code": code}).status_code == 400


def test_three_wrong_codes_bring_a_new_code(
    client, case, coordinator, inspectorate, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_referral(
            coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT, shared_data=["name"]
        )
    token = token_of(to_partner()[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(page_url(token))
    with django_capture_on_commit_callbacks(execute=True):
        real = CODE.search(to_partner()[1].body).group(1)
        wrong = f"{(int(real) + 1) % 10**6:06d}"
        assert "Код неверный" in client.post(page_url(token), {"code": wrong}).content.decode()
        client.post(page_url(token), {"code": wrong})
        third = client.post(page_url(token), {"code": wrong})
    assert "новый код" in third.content.decode()
    assert len(to_partner()) == 3
    # The old code no longer opens the page, the new one does.
    assert client.post(page_url(token), {"code": real}).status_code == 400
    new = CODE.search(to_partner()[-1].body).group(1)
    if new == real:  # one chance in a million
        return
    assert client.post(page_url(token), {"code": new}).status_code == 302


def test_an_expired_code_is_replaced(
    client, case, coordinator, inspectorate, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_referral(
            coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT, shared_data=["contacts"]
        )
    token = token_of(to_partner()[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(page_url(token))
    with django_capture_on_commit_callbacks(execute=True):
        code = CODE.search(to_partner()[1].body).group(1)
        PartnerCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        response = client.post(page_url(token), {"code": code})
    assert response.status_code == 400
    assert len(to_partner()) == 3


@pytest.mark.parametrize("how", ["expired", "revoked", "withdrawn", "closed", "guessed", "malformed"])
def test_every_link_that_does_not_work_gets_the_same_neutral_404(
    client, sent, coordinator, how, django_capture_on_commit_callbacks
):
    token = token_of(to_partner()[0])
    if how == "expired":
        PartnerLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif how == "revoked":
        from memorandum.partner_answers import partner_link_revoke

        partner_link_revoke(referral=sent, actor=coordinator)
    elif how == "withdrawn":
        with django_capture_on_commit_callbacks(execute=True):
            services.referral_withdraw(referral=sent, actor=coordinator)
        assert "отозвано" in to_partner()[-1].subject
        assert sent.case.client.family_name not in to_partner()[-1].body
    elif how == "closed":
        services.referral_close_no_answer(referral=sent, actor=coordinator)
    elif how == "guessed":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif how == "malformed":
        token = "x" * 101
    for url in [page_url(token), reverse("partner:letter", args=[token])]:
        response = client.get(url)
        assert response.status_code == 404
        assert 'data-testid="partner-not-found"' in response.content.decode()
        assert response["Referrer-Policy"] == "no-referrer"
    response = client.post(reverse("partner:act", args=[token, "accept"]))
    assert response.status_code == 404
    sent.refresh_from_db()
    assert sent.state != ReferralState.ACCEPTED


def test_ten_thousand_guessed_tokens_open_nothing(client, sent):
    """No 200 and no 500: every guess gets the neutral 404 (from addresses that stay under their rate)."""
    import secrets

    statuses = set()
    for number in range(10_000):
        address = f"10.0.{number // 100 // 250}.{number // 100 % 250}"
        statuses.add(client.get(page_url(secrets.token_urlsafe(32)), REMOTE_ADDR=address).status_code)
    assert statuses == {404}


def test_one_address_guessing_is_stopped_by_its_rate(client, sent, monkeypatch):
    import secrets

    monkeypatch.setattr(portal, "ADDRESS_RATE", 5)
    statuses = [client.get(page_url(secrets.token_urlsafe(32))).status_code for _ in range(8)]
    assert statuses.count(404) >= 3 and 429 in statuses and set(statuses) <= {404, 429}
    # Even the real link answers 429 to that address until the minute is over.
    assert client.get(page_url(token_of(to_partner()[0]))).status_code == 429
    assert client.get(page_url(token_of(to_partner()[0])), REMOTE_ADDR="10.9.9.9").status_code == 200


def test_the_rate_is_counted_per_minute_in_the_database():
    now = timezone.now().replace(second=5)
    assert all(portal.rate_hit("a:1.2.3.4", limit=3, now=now) for _ in range(3))
    assert not portal.rate_hit("a:1.2.3.4", limit=3, now=now)
    assert portal.rate_hit("a:1.2.3.4", limit=3, now=now + timedelta(minutes=1))


def test_a_referral_of_a_closed_case_cannot_be_accepted(client, sent, case, coordinator):
    token = token_of(to_partner()[0])
    case.refresh_from_db()
    case_change_status(
        case=case, status=CaseStatus.CLOSED, actor=coordinator, outcome="resolved", close_answers={"referrals": "keep"}
    )
    page = client.get(page_url(token)).content.decode()
    assert 'data-testid="case-closed"' in page
    assert 'data-testid="partner-accept"' not in page
    response = client.post(reverse("partner:act", args=[token, "accept"]))
    assert response.status_code == 400
    assert "Дело по этому направлению закрыто" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == ReferralState.SENT


def test_the_partner_cannot_upload_files(client, sent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = token_of(to_partner()[0])
    upload = SimpleUploadedFile("x.pdf", b"%PDF-1.4", content_type="application/pdf")
    client.post(reverse("partner:act", args=[token, "ask"]), {"text": "файл", "file": upload})
    page = client.get(page_url(token)).content.decode()
    assert 'type="file"' not in page and "multipart" not in page


def test_the_partner_downloads_the_letter_pdf(client, sent):
    token = token_of(to_partner()[0])
    response = client.get(reverse("partner:letter", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert LogEntry.objects.filter(additional_data__access="partner letter download").exists()


def test_the_referral_page_shows_the_mail_state_and_the_reason_of_a_failure(sent, as_coordinator):
    OutgoingMail.objects.filter(tag=f"referral:{sent.pk}").update(
        state=MailState.FAILED, attempts=6, last_error="SMTPResponseException: (451, b'try again later')"
    )
    html = as_coordinator.get(reverse("memorandum:referral-detail", args=[sent.pk])).content.decode()
    assert 'data-state="failed"' in html and "451" in html


def test_the_demo_link_is_shown_to_the_administrator_only(sent, client, settings, admin_user, as_coordinator):
    settings.DEBUG = True
    client.force_login(admin_user)
    url = reverse("memorandum:referral-detail", args=[sent.pk])
    assert 'data-testid="demo-partner-link"' in client.get(url).content.decode()
    assert 'data-testid="demo-partner-link"' not in as_coordinator.get(url).content.decode()


def test_outsiders_cannot_reply_or_touch_links(sent, as_outsider):
    for url in [
        reverse("memorandum:referral-reply", args=[sent.pk]),
        reverse("memorandum:referral-link", args=[sent.pk, "revoke"]),
        reverse("memorandum:referral-link", args=[sent.pk, "resend"]),
    ]:
        assert as_outsider.post(url, {"text": "x"}).status_code == 404
    assert PartnerLink.objects.filter(referral=sent, revoked_at__isnull=True).exists()


def test_a_caseworker_cannot_reply_in_the_coordinators_name(sent, as_lawyer):
    as_lawyer.post(reverse("memorandum:referral-reply", args=[sent.pk]), {"text": "x"})
    assert not ReferralMessage.objects.exists()


def test_the_coordinator_revokes_and_sends_a_new_link(sent, as_coordinator, client, django_capture_on_commit_callbacks):
    old = token_of(to_partner()[0])
    as_coordinator.post(reverse("memorandum:referral-link", args=[sent.pk, "revoke"]))
    assert client.get(page_url(old)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator.post(reverse("memorandum:referral-link", args=[sent.pk, "resend"]))
    assert client.get(page_url(token_of(to_partner()[-1]))).status_code == 200
    assert Referral.objects.get(pk=sent.pk).state == ReferralState.SENT
