"""Follow-up tasks: what, who, by when; overdue ones stand out."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.models import FollowUp
from notices.models import Notice
from tests.cases.factories import FollowUpFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_adding_a_follow_up_for_a_colleague_tells_them(case, as_lawyer, psychologist):
    due = timezone.localdate() + timedelta(days=3)
    response = as_lawyer.post(
        reverse("cases:follow-up-create", args=[case.pk]),
        {"title": "Позвонить клиентке", "assigned_to": psychologist.pk, "due_on": due.isoformat()},
        **HTMX,
    )
    assert response.status_code == 200
    follow_up = FollowUp.objects.get()
    assert (follow_up.assigned_to, follow_up.due_on) == (psychologist, due)
    assert f'id="follow-up-{follow_up.pk}"' in response.content.decode()
    assert Notice.objects.filter(recipient=psychologist, subject=f"case:{case.pk}").exists()


def test_without_javascript_adding_a_follow_up_redirects(case, as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("cases:follow-up-create", args=[case.pk]),
        {"title": "Проверить ответ", "assigned_to": lawyer.pk, "due_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert FollowUp.objects.filter(case=case).count() == 1


def test_a_follow_up_needs_a_date(case, as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("cases:follow-up-create", args=[case.pk]), {"title": "x", "assigned_to": lawyer.pk, "due_on": "завтра"}
    )
    assert response.status_code == 200
    assert not FollowUp.objects.exists()


def test_overdue_follow_ups_stand_out_on_the_case_page(case, as_lawyer):
    FollowUpFactory(case=case, title="Просрочено", due_on=timezone.localdate() - timedelta(days=2))
    FollowUpFactory(case=case, title="Ещё не срок", due_on=timezone.localdate() + timedelta(days=2))
    html = as_lawyer.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert html.count('data-testid="overdue"') == 1


def test_marking_a_follow_up_done(case, as_lawyer):
    follow_up = FollowUpFactory(case=case, due_on=timezone.localdate() - timedelta(days=1))
    response = as_lawyer.post(reverse("cases:follow-up-done", args=[follow_up.pk]), {"done": "1"}, **HTMX)
    assert response.status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.done and follow_up.done_at is not None
    assert 'data-testid="overdue"' not in response.content.decode()


def test_marking_done_from_the_home_page_goes_back_home(case, as_lawyer):
    follow_up = FollowUpFactory(case=case)
    response = as_lawyer.post(reverse("cases:follow-up-done", args=[follow_up.pk]), {"done": "1", "next": "home"})
    assert response["Location"] == reverse("home")


def test_a_follow_up_cannot_go_to_a_colleague_kept_out_of_a_restricted_client(
    office_a, lawyer, psychologist, as_lawyer
):
    """They could not open the case to do it, and the notice would tell them about a record they may not see."""
    from cases.selectors import cases_visible_to
    from clients.services import client_assign_staff
    from tests.cases.factories import CaseFactory, make_client

    client = make_client(office_a, restricted=True)
    client_assign_staff(client=client, users=[lawyer])
    case = CaseFactory(client=client, lead=lawyer)
    assert not cases_visible_to(psychologist).filter(pk=case.pk).exists()

    response = as_lawyer.post(
        reverse("cases:follow-up-create", args=[case.pk]),
        {"title": "Позвонить клиентке", "assigned_to": psychologist.pk, "due_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert "assigned_to" in response.context["follow_up_form"].errors
    assert not FollowUp.objects.exists()
    assert not Notice.objects.filter(recipient=psychologist).exists()
