"""Editing a case whose project, problem category or lead has since been retired from use."""

from django.urls import reverse

from tests.cases.factories import ProjectFactory, category
from tests.cases.test_concurrent_edits import _edit_data


def test_a_case_of_an_ended_project_and_a_retired_category_can_still_be_edited(case, as_lawyer):
    """Projects end every year: their cases must stay editable without losing the project they count toward."""
    project = ProjectFactory()
    case.project = project
    case.save()
    project.is_active = False
    project.save()
    retired = case.categories.get()
    retired.is_active = False
    retired.save()

    response = as_lawyer.post(
        reverse("cases:edit", args=[case.pk]),
        _edit_data(case, summary="Зарплата выплачена частично", project=project.pk),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.summary, case.project) == ("Зарплата выплачена частично", project)
    assert list(case.categories.all()) == [retired]
    # New cases are not offered what was retired.
    response = as_lawyer.get(reverse("cases:create"), {"client": case.client_id})
    assert project not in response.context["form"].fields["project"].queryset
    assert retired not in response.context["form"].fields["categories"].queryset


def test_a_caseworker_edits_a_case_whose_lead_has_left(case, lawyer, as_psychologist):
    """The lead's account was deactivated; a colleague (who cannot reassign) still updates the summary."""
    lawyer.is_active = False
    lawyer.save()

    response = as_psychologist.post(
        reverse("cases:edit", args=[case.pk]), _edit_data(case, summary="Клиентка вернулась на родину")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.summary, case.lead) == ("Клиентка вернулась на родину", lawyer)
    assert category() in case.categories.all()
