"""In-app notices: stored as message ids and parameters, grouped per case, delivered as each user chose."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from cases.models import CaseStatus
from cases.notifications import KIND_CASE_STATUS, notify
from cases.services import case_change_status
from notices.kinds import notice_kinds
from notices.models import Delivery, Notice, NoticePreference
from notices.services import notice_mail, notices_mail_due, notices_send_digests
from tests.cases.factories import CaseFactory, make_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(office_a, lawyer):
    return CaseFactory(client=make_client(office_a, actor=lawyer, family_name="Каримов"), lead=lawyer)


def test_a_notice_is_shown_in_the_readers_language_whatever_the_language_of_its_author(case, lawyer, coordinator):
    coordinator.language = "en"
    lawyer.language = "kk"
    lawyer.save()
    with translation.override("en"):
        case_change_status(case=case, status=CaseStatus.WAITING, actor=coordinator)
    notice = Notice.objects.get(recipient=lawyer)
    assert notice.lines[0]["p"]["status"] == {"_m": "Waiting"}
    with translation.override("kk"):
        kazakh = notice.text
    with translation.override("ru"):
        russian = notice.text
    with translation.override("en"):
        english = notice.text
    assert case.number in kazakh and case.number in russian
    assert "Waiting" in english and "В ожидании" in russian and "Күтуде" in kazakh


def test_steps_about_one_case_within_minutes_are_one_notice_and_one_mail(
    case, lawyer, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the mail waits for the grouping window (task with a countdown)
    from unittest import mock

    with mock.patch("notices.tasks.mail_notice.apply_async"), django_capture_on_commit_callbacks(execute=True):
        for status in [CaseStatus.WAITING, CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.IN_PROGRESS]:
            case.refresh_from_db()
            case_change_status(case=case, status=status, actor=coordinator)
    notice = Notice.objects.get(recipient=lawyer)
    assert notice.count == 4
    assert mail.outbox == []
    # The window closes: beat's job mails the four steps in one message.
    assert notices_mail_due(now=timezone.now() + timedelta(minutes=6)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        pass
    notice.refresh_from_db()
    assert notice.mailed_count == 4
    # Nothing is mailed twice.
    assert notice_mail(notice_id=notice.pk) == 0


def test_a_notice_after_the_window_is_a_new_notice(case, lawyer, coordinator):
    notify(recipient=lawyer, case=case, actor=coordinator, message="first")
    Notice.objects.update(updated_at=timezone.now() - timedelta(minutes=10))
    notify(recipient=lawyer, case=case, actor=coordinator, message="second")
    assert Notice.objects.filter(recipient=lawyer).count() == 2


def test_a_read_notice_is_not_extended(case, lawyer, coordinator):
    notify(recipient=lawyer, case=case, actor=coordinator, message="first")
    Notice.objects.update(read_at=timezone.now())
    notify(recipient=lawyer, case=case, actor=coordinator, message="second")
    assert Notice.objects.filter(recipient=lawyer).count() == 2


def test_in_app_only_sends_no_mail(case, lawyer, coordinator, django_capture_on_commit_callbacks):
    NoticePreference.objects.create(user=lawyer, kind=KIND_CASE_STATUS, delivery=Delivery.APP)
    with django_capture_on_commit_callbacks(execute=True):
        case_change_status(case=case, status=CaseStatus.WAITING, actor=coordinator)
    assert Notice.objects.get(recipient=lawyer).delivery == Delivery.APP
    assert mail.outbox == []
    assert notices_mail_due(now=timezone.now() + timedelta(hours=1)) == 0


def test_the_daily_digest_gathers_every_digest_notice_of_a_user_in_one_mail(
    case, lawyer, coordinator, office_a, django_capture_on_commit_callbacks
):
    NoticePreference.objects.create(user=lawyer, kind=KIND_CASE_STATUS, delivery=Delivery.DIGEST)
    other = CaseFactory(client=make_client(office_a, actor=lawyer), lead=lawyer)
    with django_capture_on_commit_callbacks(execute=True):
        case_change_status(case=case, status=CaseStatus.WAITING, actor=coordinator)
        case_change_status(case=other, status=CaseStatus.WAITING, actor=coordinator)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_send_digests() == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert case.number in body and other.number in body
    assert "Каримов" not in body
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_send_digests() == 0  # once only


def test_a_date_parameter_is_formatted_per_language(case, lawyer, coordinator):
    notify(recipient=lawyer, case=case, actor=coordinator, message="due %(due)s", params={"due": date(2026, 12, 13)})
    notice = Notice.objects.get()
    with translation.override("ru"):
        assert "13.12.2026" in notice.text


def test_the_user_chooses_a_delivery_per_kind_of_notice(as_lawyer, lawyer):
    page = as_lawyer.get(reverse("notices:preferences"))
    assert page.status_code == 200
    assert 'data-testid="pref-case_status-digest"' in page.content.decode()
    data = {f"kind-{kind.code}": "immediate" for kind in notice_kinds()}
    data.update({"kind-case_assigned": "app", "kind-case_status": "digest"})
    response = as_lawyer.post(reverse("notices:preferences"), data)
    assert response.status_code == 302
    saved = dict(NoticePreference.objects.filter(user=lawyer).values_list("kind", "delivery"))
    assert saved["case_assigned"] == "app" and saved["case_status"] == "digest" and saved["follow_up"] == "immediate"


def test_a_forged_delivery_is_refused_with_a_message(as_lawyer, lawyer):
    response = as_lawyer.post(reverse("notices:preferences"), {"kind-case_status": "fax"})
    assert response.status_code == 400
    assert not NoticePreference.objects.exists()


def test_notice_settings_need_a_login(client):
    assert client.get(reverse("notices:preferences")).status_code == 302
