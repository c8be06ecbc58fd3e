"""Two people edit one case at the same time: the second save is refused, shows what changed, loses nothing."""

from django.test import Client as HttpClient
from django.urls import reverse

from cases.models import CaseStatus
from tests.cases.factories import category


def _edit_data(case, **changes) -> dict:
    data = {
        "kind": case.kind,
        "categories": [c.pk for c in case.categories.all()],
        "summary": case.summary,
        "lead": case.lead_id,
        "staff": [],
        "project": "",
        "language": "",
        "opened_on": case.opened_on.isoformat(),
        "version": case.version,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not False}


def test_the_second_save_is_refused_with_what_changed(case, lawyer, coordinator):
    first, second = HttpClient(), HttpClient()
    first.force_login(lawyer)
    second.force_login(coordinator)
    url = reverse("cases:edit", args=[case.pk])
    # Both open the edit form while the case is at version 1.
    assert first.get(url).status_code == 200
    assert second.get(url).status_code == 200
    saved = first.post(url, _edit_data(case, summary="Зарплата не выплачена за 4 месяца"))
    assert saved.status_code == 302

    refused = second.post(url, _edit_data(case, summary="Паспорт у работодателя", is_urgent="on"))

    assert refused.status_code == 200
    html = refused.content.decode()
    assert 'data-testid="conflict"' in html
    assert "Зарплата не выплачена за 4 месяца" in html  # what the other person saved
    assert "Паспорт у работодателя" in html  # the refused input is still in the form
    case.refresh_from_db()
    assert case.summary == "Зарплата не выплачена за 4 месяца"
    assert not case.is_urgent
    assert case.version == 2
    differences = {str(row["label"]) for row in refused.context["conflict"]["differences"]}
    assert differences == {"summary", "urgent"}

    # Having seen the difference, the second person saves again on purpose.
    again = second.post(url, _edit_data(case, summary="Паспорт у работодателя", is_urgent="on", version=2))
    assert again.status_code == 302
    case.refresh_from_db()
    assert (case.summary, case.is_urgent, case.version) == ("Паспорт у работодателя", True, 3)


def test_a_status_change_on_a_stale_page_is_refused(case, as_lawyer, as_coordinator):
    url = reverse("cases:status", args=[case.pk])
    as_coordinator.post(url, {"status": CaseStatus.WAITING, "version": 1})
    response = as_lawyer.post(url, {"status": CaseStatus.CLOSED, "outcome": "resolved", "version": 1})
    assert response.status_code == 200
    assert 'data-testid="conflict"' in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.WAITING


def test_editing_the_categories_keeps_at_least_one(case, as_lawyer):
    url = reverse("cases:edit", args=[case.pk])
    response = as_lawyer.post(url, _edit_data(case, categories=[]))
    assert response.status_code == 200
    assert list(case.categories.all()) == [category()]
