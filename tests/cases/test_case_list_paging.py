"""A long case list is not counted to its end, yet every case can be reached, and filters give exact counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import pagination
from cases.views import case_pages
from tests.cases.factories import CaseFactory

LIST = reverse("cases:list")


@pytest.fixture
def seven_cases(lawyer, monkeypatch):
    """Seven cases, opened one a day (the first the oldest); a 'long' list is more than 3, pages of 2."""
    monkeypatch.setattr(pagination, "COUNT_BOUND", 3)
    monkeypatch.setattr(case_pages, "PAGE_SIZE", 2)
    today = timezone.localdate()
    return [CaseFactory(lead=lawyer, opened_on=today - timedelta(days=6 - n)) for n in range(7)]


def _numbers(response) -> list[str]:
    return [case.number for case in response.context["page"]]


def test_a_long_list_says_more_than_the_bound_and_pages_on(seven_cases, as_lawyer):
    first = as_lawyer.get(LIST)
    assert "more than 3 cases" in first.content.decode()
    assert _numbers(first) == [seven_cases[6].number, seven_cases[5].number]
    assert 'data-testid="page-next"' in first.content.decode()

    second = as_lawyer.get(LIST, {"page": 2})
    assert _numbers(second) == [seven_cases[4].number, seven_cases[3].number]
    assert 'data-testid="page-previous"' in second.content.decode()


def test_the_oldest_cases_are_one_click_away(seven_cases, as_lawyer):
    last = as_lawyer.get(LIST, {"page": "last"})
    assert _numbers(last) == [seven_cases[1].number, seven_cases[0].number]
    assert 'data-testid="page-next"' not in last.content.decode()

    # Paging one by one reaches the same end.
    fourth = as_lawyer.get(LIST, {"page": 4})
    assert _numbers(fourth) == [seven_cases[0].number]
    assert 'data-testid="page-next"' not in fourth.content.decode()


def test_a_page_past_the_end_shows_the_oldest_cases(seven_cases, as_lawyer):
    response = as_lawyer.get(LIST, {"page": 99})
    assert response.status_code == 200
    assert _numbers(response) == [seven_cases[1].number, seven_cases[0].number]


def test_a_filter_that_narrows_the_list_gives_the_exact_count(seven_cases, as_lawyer):
    since = seven_cases[5].opened_on.isoformat()
    response = as_lawyer.get(LIST, {"opened_after": since})
    assert "2 cases" in response.content.decode()
    assert "more than" not in response.content.decode()
    assert response.context["page"].num_pages == 1
