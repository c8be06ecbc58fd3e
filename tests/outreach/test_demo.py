"""The demo seeder: a year of outreach in three offices whose counts add up; run twice, same data."""

import io
import random

from django.db.models import Sum

from demo import outreach as demo
from outreach.models import Activity, ActivityStatus, CitizenshipCount, ParticipantCount, QuickContact
from reference.models import Region
from tests.factories import OfficeFactory


def _seed(clients=None):
    return demo.seed({}, clients=clients, rng=random.Random(1), stdout=io.StringIO())


def _offices():
    for code, region in (("ALA", "almaty-city"), ("AST", "astana"), ("SHY", "shymkent")):
        OfficeFactory(code=code, region=Region.objects.get(code=region))


def test_a_year_of_outreach_in_three_offices_that_adds_up(db):
    _offices()
    _seed()
    assert Activity.objects.count() == 3 * demo.ACTIVITIES_PER_OFFICE
    assert QuickContact.objects.count() == 3 * demo.CONTACTS_PER_OFFICE
    assert set(Activity.objects.values_list("office__code", flat=True)) == {"ALA", "AST", "SHY"}
    assert Activity.objects.filter(status=ActivityStatus.PLANNED).exists()
    for activity in Activity.objects.filter(status=ActivityStatus.HELD):
        grid = ParticipantCount.objects.filter(activity=activity).aggregate(n=Sum("count"))["n"]
        nations = CitizenshipCount.objects.filter(activity=activity).aggregate(n=Sum("count"))["n"]
        assert grid == nations == activity.participants
    _seed()
    assert Activity.objects.count() == 3 * demo.ACTIVITIES_PER_OFFICE


def test_the_benchmark_scale(db):
    _offices()
    _seed(clients=1000)
    assert Activity.objects.count() == 3 * max(demo.ACTIVITIES_PER_OFFICE, round(1000 * demo.ACTIVITIES_PER_CLIENT / 3))
    assert QuickContact.objects.count() == 3 * max(demo.CONTACTS_PER_OFFICE, round(1000 * demo.CONTACTS_PER_CLIENT / 3))
