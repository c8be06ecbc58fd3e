"""A coordinator plans an activity, records who was reached, and the counts are checked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from outreach.models import Activity, ActivityStatus, ParticipantCount
from reference.models import Country, Language, Region
from tests.outreach.factories import make_activity, point, record_held

pytestmark = pytest.mark.django_db


def _held_post(**overrides):
    uz = Country.objects.get(code="uz")
    data = {
        "participants": "12",
        "p_female_18-24": "5",
        "p_female_25-34": "3",
        "p_male_25-34": "4",
        f"c_{uz.pk}": "10",
        "c_unknown": "2",
        "r_leaflets": "",
        "results": "Раздали памятки, ответили на вопросы",
    }
    data.update(overrides)
    return data


def test_it_plans_an_activity_of_the_coordinators_office(as_coordinator, coordinator, office_a):
    response = as_coordinator.post(
        "/outreach/new/",
        {
            "kind": "information_session",
            "title": "Встреча в общежитии строителей",
            "audience": "migrants",
            "starts_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "region": Region.objects.get(code="almaty-city").pk,
            "point": point("dormitory").pk,
            "languages": [Language.objects.get(code="uz-latn").pk, Language.objects.get(code="ru").pk],
            "staff": [coordinator.pk],
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/outreach/{activity.pk}/"
    assert activity.office == office_a
    assert activity.status == ActivityStatus.PLANNED
    assert activity.languages.count() == 2
    page = as_coordinator.get(f"/outreach/{activity.pk}/")
    assert "Встреча в общежитии строителей" in page.content.decode()


def test_the_last_day_cannot_be_before_the_first(as_coordinator):
    today = timezone.localdate()
    response = as_coordinator.post(
        "/outreach/new/",
        {
            "kind": "campaign",
            "title": "Кампания",
            "audience": "migrants",
            "starts_on": today.isoformat(),
            "ends_on": (today - timedelta(days=1)).isoformat(),
            "region": Region.objects.get(code="almaty-city").pk,
        },
    )
    assert response.status_code == 200
    assert "The last day cannot be before the first." in response.content.decode()
    assert not Activity.objects.exists()


def test_recording_who_was_reached_saves_the_grid_and_citizenship(as_coordinator, activity_a):
    response = as_coordinator.post(f"/outreach/{activity_a.pk}/held/", _held_post())
    assert response.status_code == 302
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.HELD
    assert activity_a.participants == 12
    assert ParticipantCount.objects.get(activity=activity_a, sex="female", age_band="18-24").count == 5
    page = as_coordinator.get(f"/outreach/{activity_a.pk}/").content.decode()
    assert 'data-testid="participants">12<' in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"participants": "13"}, "The counts by sex and age add up to 12, but 13 participants were entered."),
        (
            {"c_unknown": "5"},
            "The counts by citizenship (with “not known”) add up to 15, but 12 participants were entered.",
        ),
        ({"p_male_25-34": "-4"}, "A count cannot be negative."),
        ({"p_male_25-34": "4.5"}, "Enter a whole number of people."),
        ({"p_male_25-34": "четыре"}, "Enter a whole number of people."),
    ],
)
def test_counts_that_do_not_add_up_save_nothing(as_coordinator, activity_a, overrides, message):
    response = as_coordinator.post(f"/outreach/{activity_a.pk}/held/", _held_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.PLANNED
    assert activity_a.participants is None
    assert not ParticipantCount.objects.exists()


def test_a_future_activity_cannot_be_recorded_as_held(as_coordinator, office_a, coordinator):
    activity = make_activity(office_a, actor=coordinator, days_ago=-5)
    response = as_coordinator.post(f"/outreach/{activity.pk}/held/", _held_post())
    assert response.status_code == 200
    assert "it cannot be recorded as held before it happens" in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_a_post_test_mean_needs_a_pre_test_mean(as_coordinator, training_a):
    response = as_coordinator.post(f"/outreach/{training_a.pk}/held/", _held_post(post_test_mean="80"))
    assert "A post-test score needs a pre-test score." in response.content.decode()
    training_a.refresh_from_db()
    assert training_a.status == ActivityStatus.PLANNED


def test_a_held_activity_cannot_be_moved_into_the_future(as_coordinator, activity_a, coordinator):
    record_held(activity_a, actor=coordinator)
    data = {
        "kind": activity_a.kind,
        "title": activity_a.title,
        "audience": activity_a.audience,
        "starts_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "region": activity_a.region_id,
    }
    response = as_coordinator.post(f"/outreach/{activity_a.pk}/edit/", data)
    assert "A held activity cannot be dated in the future." in response.content.decode()
    activity_a.refresh_from_db()
    assert activity_a.starts_on < timezone.localdate()


def test_a_campaign_reach_is_kept_apart_from_people_in_the_room(as_coordinator, office_a, coordinator):
    campaign = make_activity(office_a, actor=coordinator, kind="campaign", title="Кампания в Telegram")
    data = _held_post(r_leaflets="3000", r_social_media="12000")
    response = as_coordinator.post(f"/outreach/{campaign.pk}/held/", data)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.participants == 12
    page = as_coordinator.get(f"/outreach/{campaign.pk}/").content.decode()
    assert 'data-testid="campaign-reach"' in page
    assert "12000" in page


def test_cancelling_a_planned_activity(as_coordinator, activity_a):
    as_coordinator.post(f"/outreach/{activity_a.pk}/cancel/", {"reason": "Рынок закрыт"})
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.CANCELLED
    response = as_coordinator.post(f"/outreach/{activity_a.pk}/held/", _held_post(), follow=True)
    assert "A cancelled activity cannot be recorded as held." in response.content.decode()


def test_the_list_filters_by_kind_status_and_dates(as_coordinator, office_a, coordinator):
    session = make_activity(office_a, actor=coordinator, title="Сессия на рынке")
    make_activity(office_a, actor=coordinator, kind="campaign", title="Радиокампания", days_ago=60)
    page = as_coordinator.get("/outreach/?kind=information_session").content.decode()
    assert "Сессия на рынке" in page and "Радиокампания" not in page
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    page = as_coordinator.get(f"/outreach/?dates_after={since}").content.decode()
    assert "Сессия на рынке" in page and "Радиокампания" not in page
    record_held(session, actor=coordinator)
    page = as_coordinator.get("/outreach/?status=planned").content.decode()
    assert "Сессия на рынке" not in page and "Радиокампания" in page


def test_odd_filter_values_give_a_page(as_coordinator, activity_a):
    response = as_coordinator.get("/outreach/?kind=zzz&dates_after=notadate&project=abc&page=x")
    assert response.status_code == 200


def test_the_list_and_the_page_pin_their_query_counts(as_manager, office_a, coordinator, django_assert_max_num_queries):
    for number in range(12):
        activity = make_activity(office_a, actor=coordinator, title=f"Встреча {number}")
        record_held(activity, actor=coordinator)
    with django_assert_max_num_queries(9):
        assert as_manager.get("/outreach/").status_code == 200
    with django_assert_max_num_queries(16):
        assert as_manager.get(f"/outreach/{activity.pk}/").status_code == 200
    with django_assert_max_num_queries(16):
        assert as_manager.get(f"/outreach/{activity.pk}/held/").status_code == 200


def test_the_edit_form_pins_its_query_count(as_coordinator, activity_a, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        assert as_coordinator.get(f"/outreach/{activity_a.pk}/edit/").status_code == 200


def test_a_manager_plans_for_another_office_and_odd_office_values_give_a_form(as_manager, office_b):
    data = {
        "kind": "campaign",
        "title": "Кампания в Астане",
        "audience": "migrants",
        "starts_on": timezone.localdate().isoformat(),
        "region": Region.objects.get(code="astana").pk,
    }
    assert as_manager.post("/outreach/new/", {**data, "office": "abc"}).status_code == 200
    assert as_manager.post("/outreach/new/", {**data, "office": office_b.pk}).status_code == 302
    assert Activity.objects.get().office == office_b
