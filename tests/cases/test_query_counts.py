"""The case list, the case page and the home page run a fixed number of queries, however much data there is."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.services import case_change_status
from tests.cases.factories import CaseFactory, ConsultationFactory, FollowUpFactory, category, make_client


def _add_cases(office, lawyer, psychologist, count: int) -> list:
    cases = []
    for _ in range(count):
        case = CaseFactory(
            client=make_client(office), lead=lawyer, categories=[category(), category("housing")], is_urgent=True
        )
        case.staff.add(psychologist)
        ConsultationFactory(case=case)
        FollowUpFactory(case=case, due_on=timezone.localdate() - timedelta(days=1))
        cases.append(case)
    return cases


def _add_history(case, lawyer, psychologist, count: int) -> None:
    for number in range(count):
        ConsultationFactory(case=case, given_by=psychologist, kind="psychological", psych_notes=f"заметка {number}")
        FollowUpFactory(case=case)
        CaseFactory(client=case.client, lead=lawyer)
    case_change_status(case=case, status="waiting", actor=lawyer)
    case_change_status(case=case, status="in_progress", actor=lawyer)


def _count(http, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert http.get(url).status_code == 200
    return len(queries)


# Measured: the list 11 queries, home 11 (cases panels only), the case page 20. Other apps add
# home panels and timeline providers, so the fixed bounds leave them a little room.
@pytest.mark.parametrize(("name", "bound"), [("cases:list", 12), ("home", 20)])
def test_the_list_and_the_home_page_do_not_grow_with_data(
    name, bound, office_a, lawyer, psychologist, as_lawyer, django_assert_max_num_queries
):
    url = reverse(name)
    _add_cases(office_a, lawyer, psychologist, 3)
    few = _count(as_lawyer, url)
    _add_cases(office_a, lawyer, psychologist, 12)
    with django_assert_max_num_queries(few):
        as_lawyer.get(url)
    with django_assert_max_num_queries(bound):
        as_lawyer.get(url)


def test_the_case_page_does_not_grow_with_its_history(
    case, lawyer, psychologist, as_manager, django_assert_max_num_queries
):
    url = reverse("cases:detail", args=[case.pk])
    _add_history(case, lawyer, psychologist, 2)
    few = _count(as_manager, url)
    _add_history(case, lawyer, psychologist, 8)
    with django_assert_max_num_queries(few):
        as_manager.get(url)
    with django_assert_max_num_queries(12):  # the lawyer's eleven and the record's history
        as_manager.get(url)


def test_a_lawyer_opens_a_case_page_in_eleven_queries(case, lawyer, psychologist, as_lawyer, django_assert_num_queries):
    # Session, user, the client's cases, the case's categories, the access entry, colleagues and the
    # case's staff, consultations, events, follow-ups, documents, referrals. (With sessions in Redis,
    # as in production, the first one goes.) Languages come from the process's reference copy.
    _add_history(case, lawyer, psychologist, 3)
    url = reverse("cases:detail", args=[case.pk])
    as_lawyer.get(url)
    with django_assert_num_queries(11):
        assert as_lawyer.get(url).status_code == 200


@pytest.mark.parametrize("htmx", [True, False])
def test_logging_a_consultation_runs_eleven_queries(case, lawyer, as_lawyer, htmx, django_assert_num_queries):
    # Session, user, case, its staff, colleagues, the named colleague, the locked case, the
    # consultation, its one audit entry, and the transaction's two statements.
    data = {
        "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 30,
        "given_by": lawyer.pk,
        "kind": "legal",
        "mode": "office",
        "summary": "Advice on unpaid wages",
    }
    url = reverse("cases:consultation-create", args=[case.pk])
    headers = {"HX-Request": "true"} if htmx else {}
    as_lawyer.post(url, data, headers=headers)  # the first one moves the case to "in progress"
    with django_assert_num_queries(11):
        assert as_lawyer.post(url, data, headers=headers).status_code == (200 if htmx else 302)
