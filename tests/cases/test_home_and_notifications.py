"""The caseworker's home page, in-app notifications and e-mails, and the cases section of the client page."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.services import case_update
from notices.models import Notice
from tests.cases.factories import CaseFactory, ConsultationFactory, FollowUpFactory, make_client


def test_the_home_page_lists_the_days_work(office_a, lawyer, psychologist, as_lawyer):
    calm = CaseFactory(client=make_client(office_a), lead=lawyer, summary="calm")
    urgent = CaseFactory(client=make_client(office_a), lead=psychologist, is_urgent=True)
    urgent.staff.add(lawyer)
    closed = CaseFactory(client=make_client(office_a), lead=lawyer, status="closed")
    not_mine = CaseFactory(client=make_client(office_a), lead=psychologist)
    today = timezone.localdate()
    overdue = FollowUpFactory(case=calm, assigned_to=lawyer, due_on=today - timedelta(days=2), title="Просрочено")
    due_today = FollowUpFactory(case=calm, assigned_to=lawyer, due_on=today, title="Сегодня")
    FollowUpFactory(case=calm, assigned_to=lawyer, due_on=today + timedelta(days=1), title="Завтра")
    consultation = ConsultationFactory(case=calm, given_by=lawyer)

    response = as_lawyer.get(reverse("home"))

    panel = next(p for p in response.context["panels"] if p["template"] == "cases/home/_caseworker_panel.html")
    assert panel["open_cases"] == [urgent, calm]
    assert closed not in panel["open_cases"] and not_mine not in panel["open_cases"]
    assert panel["due_follow_ups"] == [overdue, due_today]
    assert panel["recent_consultations"] == [consultation]
    html = response.content.decode()
    assert f'href="{reverse("cases:detail", args=[calm.pk])}#log"' in html  # one click to log a consultation
    assert html.count('data-testid="overdue"') == 1


def test_reassigning_a_case_tells_the_new_lead_in_app_and_by_mail(
    case, lawyer, psychologist, coordinator, as_psychologist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_update(case=case, actor=coordinator, expected_version=1, lead=psychologist)
    notice = Notice.objects.get(recipient=psychologist)
    assert notice.subject == f"case:{case.pk}"
    assert [message.to for message in mail.outbox] == [[psychologist.email]]
    assert reverse("cases:detail", args=[case.pk]) in mail.outbox[0].body
    assert case.client.family_name not in mail.outbox[0].body + mail.outbox[0].subject
    assert case.events.get().kind == "reassigned"
    # The new lead sees the notice on the home page and can mark it read.
    assert notice.text in as_psychologist.get(reverse("home")).content.decode()
    as_psychologist.post(reverse("cases:notifications-read"))
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert as_psychologist.get(reverse("cases:notifications")).status_code == 200


def test_nobody_is_notified_of_their_own_action(case, lawyer):
    case_update(case=case, actor=lawyer, expected_version=1, summary="новое описание")
    assert not Notice.objects.exists()


def test_the_client_page_shows_the_clients_cases(case, lawyer, as_lawyer, office_a):
    other_client_case = CaseFactory(client=make_client(office_a), lead=lawyer)
    html = as_lawyer.get(reverse("clients:detail", args=[case.client_id])).content.decode()
    assert 'data-testid="client-cases"' in html
    assert reverse("cases:detail", args=[case.pk]) in html
    assert reverse("cases:detail", args=[other_client_case.pk]) not in html
    assert f"{reverse('cases:create')}?client={case.client_id}" in html
