"""A manager registers a project, gives it indicators and targets, and watches them live; nobody else sees it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cases.models import Funder, Project
from reports.models import Indicator, IndicatorTarget

pytestmark = pytest.mark.django_db


@pytest.fixture
def akimat(db):
    return Funder.objects.create(
        code="akimat-almaty",
        name_ru="Акимат города Алматы",
        name_kk="Алматы қаласының әкімдігі",
        name_en="Akimat of Almaty",
    )


def test_the_manager_defines_a_project_with_indicators_and_targets_and_sees_them_live(world, as_manager, akimat):
    response = as_manager.post(
        reverse("reports:project-new"),
        {"funder": akimat.pk, "code": "AK-1", "name_ru": "Пункт", "name_kk": "Пункт", "name_en": "Advice point",
         "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
    )  # fmt: skip
    project = Project.objects.get(code="AK-1")
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:project", args=[project.pk])

    response = as_manager.post(
        reverse("reports:indicator-new", args=[project.pk]),
        {"code": "1.1", "name_ru": "Обслужено женщин", "name_en": "Women served", "metric": "clients_served",
         "sex": "female", "baseline": "0", "project_target": "40"},
    )  # fmt: skip
    assert response.status_code == 302
    indicator = Indicator.objects.get(project=project)
    assert indicator.filters == {"sex": "female"}
    assert IndicatorTarget.objects.get(indicator=indicator).value == Decimal(40)

    response = as_manager.post(
        reverse("reports:target-set", args=[project.pk]),
        {"indicator": indicator.pk, "period": "quarter", "year": "2026", "quarter": "4", "value": "10"},
    )
    assert response.status_code == 302

    page = as_manager.get(reverse("reports:project", args=[project.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Women served" in html and "Akimat of Almaty" in html and "Advice point" in html
    assert 'data-testid="indicator-1.1"' in html
    assert "progress-bar" in html


def test_a_filter_the_metric_cannot_honour_is_refused_with_a_message(world, as_manager):
    project = world["project"]
    response = as_manager.post(
        reverse("reports:indicator-new", args=[project.pk]),
        {"code": "1.1", "name_ru": "x", "metric": "referrals_sent", "outcome": "resolved", "baseline": "0"},
    )
    assert response.status_code == 400
    assert "This metric cannot be narrowed this way." in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_quarter_target_without_a_quarter_is_refused(world, as_manager, manager):
    from reports import services

    indicator = services.indicator_create(
        actor=manager, project=world["project"], code="1", name_ru="x", metric="clients_served"
    )
    response = as_manager.post(
        reverse("reports:target-set", args=[world["project"].pk]),
        {"indicator": indicator.pk, "period": "quarter", "year": "2026", "value": "10"},
    )
    assert response.status_code == 400
    assert not IndicatorTarget.objects.exists()


@pytest.mark.parametrize("who", ["as_outsider", "as_lawyer"])
def test_nobody_but_managers_sees_or_changes_projects(world, who, request):
    http = request.getfixturevalue(who)
    project = world["project"]
    assert http.get(reverse("reports:projects")).status_code == 404
    assert http.get(reverse("reports:project-new")).status_code == 404
    assert http.get(reverse("reports:project", args=[project.pk])).status_code == 404
    data = {"code": "1", "name_ru": "x", "metric": "clients_served", "baseline": "0"}
    assert http.post(reverse("reports:indicator-new", args=[project.pk]), data).status_code == 404
    assert http.post(reverse("reports:target-set", args=[project.pk]), {}).status_code == 404
    assert not Indicator.objects.exists()


def test_an_unknown_project_is_404(as_manager):
    assert as_manager.get(reverse("reports:project", args=[999999])).status_code == 404


def test_the_project_page_query_count_does_not_grow_with_targets(
    world, as_manager, manager, django_assert_max_num_queries
):
    from reports import services

    for number in range(3):
        indicator = services.indicator_create(
            actor=manager, project=world["project"], code=str(number), name_ru="x", metric="clients_served"
        )
        for quarter in (1, 2, 3, 4):
            services.indicator_target_set(
                actor=manager, indicator=indicator, period="quarter", year=2026, quarter=quarter, value=5
            )
    # session + user + project + indicators + targets + 2 counts per indicator + form choices
    with django_assert_max_num_queries(25):
        assert as_manager.get(reverse("reports:project", args=[world["project"].pk])).status_code == 200
