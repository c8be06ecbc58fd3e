"""The figures the funder report and the manager's dashboard read match the records."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from outreach import aggregates, services
from outreach.models import ActivityKind
from reference import metrics
from reference.metrics import MetricContext
from tests.cases.factories import category
from tests.outreach.factories import agency, make_activity, make_training, material, record_held

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(office_a, office_b, coordinator, manager):
    session = make_activity(office_a, actor=coordinator)
    record_held(session, actor=coordinator, women=(3, 2), men=(4, 1))
    training = make_training(office_a, actor=coordinator)
    record_held(training, actor=coordinator, women=(1, 1), men=(2, 2))
    for name, pre, post in (("А", 40, 80), ("Б", 50, 70), ("В", None, None)):
        services.attendee_add(
            activity=training,
            actor=coordinator,
            full_name=name,
            agency=agency("police"),
            pre_score=None if pre is None else Decimal(pre),
            post_score=None if post is None else Decimal(post),
        )
    services.stock_add(office=office_a, material=material("rights-leaflet-uz"), quantity=1000, actor=coordinator)
    services.handout_record(activity=session, actor=coordinator, material=material("rights-leaflet-uz"), quantity=300)
    make_activity(office_a, actor=coordinator, title="planned, not counted", days_ago=-3)
    astana = make_activity(office_b, actor=manager, title="Astana")
    record_held(astana, actor=manager, women=(10, 0), men=(0, 0))
    services.quick_contact_log(
        actor=coordinator, channel="phone", action="advice", categories=[category("unpaid-wages")]
    )
    services.quick_contact_log(actor=coordinator, channel="whatsapp", action="invited")
    return {"session": session, "training": training}


def _scope(**kwargs):
    today = timezone.localdate()
    return aggregates.Scope(today - timedelta(days=30), today, **kwargs)


def test_the_aggregates_count_held_activities_only(year, office_a):
    scope = _scope(office_ids=(office_a.pk,))
    assert aggregates.activities_by_kind(scope) == {"information_session": 1, "training_officials": 1}
    assert aggregates.people_reached(scope) == 16
    by_sex_age = aggregates.people_reached_by_sex_and_age(scope)
    assert by_sex_age[("female", "18-24")] == 4 and by_sex_age[("male", "18-24")] == 6
    assert sum(aggregates.people_reached_by_citizenship(scope).values()) == 16
    assert aggregates.officials_trained(scope) == 6
    assert aggregates.officials_trained_by_agency(scope) == {agency("police").pk: 3}
    assert aggregates.mean_test_improvement(scope) == Decimal("30.0")
    assert aggregates.leaflets_distributed(scope) == 300
    assert sum(aggregates.materials_by_language(scope).values()) == 300
    assert aggregates.quick_contacts_by_channel(scope) == {"phone": 1, "whatsapp": 1}
    assert aggregates.quick_contacts_by_problem(scope) == {category("unpaid-wages").pk: 1}
    assert aggregates.people_reached(_scope()) == 26  # every office


def test_the_room_means_count_when_no_one_was_scored(office_a, coordinator):
    training = make_training(office_a, actor=coordinator)
    record_held(training, actor=coordinator, pre_test_mean=Decimal(40), post_test_mean=Decimal(65))
    assert aggregates.mean_test_improvement(_scope()) == Decimal("25.0")


def test_the_metrics_are_in_the_catalogue(year):
    codes = {metric.code for metric in metrics.all_metrics()}
    assert {
        "outreach_people_reached",
        "outreach_officials_trained",
        "outreach_leaflets_distributed",
        "outreach_quick_contacts",
        "outreach_mean_test_improvement",
    } <= codes
    context = MetricContext(start=timezone.localdate() - timedelta(days=30), end=timezone.localdate())
    assert metrics.get("outreach_people_reached").compute(context) == 26
    assert metrics.get("outreach_quick_contacts").compute(context) == 2
    assert metrics.get("outreach_mean_test_improvement").compute(context) == Decimal("30.0")


def test_the_managers_home_shows_the_quarters_outreach(as_manager, year):
    cache.clear()
    page = as_manager.get("/").content.decode()
    assert 'data-testid="outreach-quarter-panel"' in page
    people = aggregates.people_reached(
        aggregates.Scope(*__import__("outreach.home").home.quarter_of(timezone.localdate()))
    )
    assert f'data-testid="figure-people-reached">{people}<' in page  # under 1,000: no thousands separator


def test_the_coordinators_home_lists_planned_activities(as_coordinator, office_a, coordinator, as_lawyer):
    make_activity(office_a, actor=coordinator, title="Встреча на стройке в Бостандыкском районе", days_ago=-4)
    make_activity(office_a, actor=coordinator, title="Забытая встреча", days_ago=4)
    page = as_coordinator.get("/").content.decode()
    assert "Встреча на стройке в Бостандыкском районе" in page
    assert 'data-testid="planned-overdue"' in page
    assert 'data-testid="outreach-quarter-panel"' not in page
    assert 'data-testid="outreach-planned-panel"' not in as_lawyer.get("/").content.decode()


def test_the_navigation_has_outreach(as_lawyer):
    assert 'href="/outreach/"' in as_lawyer.get("/").content.decode()


def test_a_cancelled_or_planned_activity_counts_nothing(office_a, coordinator):
    activity = make_activity(office_a, actor=coordinator, kind=ActivityKind.CAMPAIGN)
    services.activity_cancel(activity=activity, actor=coordinator)
    assert aggregates.summary(_scope())["activities"] == 0
