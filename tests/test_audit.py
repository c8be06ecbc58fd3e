"""Every change to a registered record, and every look at personal data, leaves an audit entry."""

import pytest
from auditlog.models import LogEntry
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

import audit
from accounts.models import Office
from reference.models import Region
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_admin(client, office_a):
    admin = UserFactory(username="admin", office=None, role="administrator", is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.user = admin
    return client


def test_it_records_who_created_an_office_in_the_admin(as_admin):
    response = as_admin.post(
        "/admin/accounts/office/add/",
        {
            "name_ru": "Офис в Караганде",
            "code": "KAR",
            "region": Region.objects.get(code="karaganda").pk,
            "city_ru": "Караганда",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    office = Office.objects.get(code="KAR")

    entry = LogEntry.objects.get_for_object(office).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == as_admin.user
    assert entry.changes_dict["city_ru"] == ["None", "Караганда"]


def test_it_records_what_changed_when_an_office_is_updated(office_a, manager):
    from auditlog.context import set_actor

    with set_actor(manager):
        office_a.city = "Алматы-2"
        office_a.save()

    entry = LogEntry.objects.get_for_object(office_a).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == manager
    assert entry.changes_dict == {"city_ru": ["Алматы", "Алматы-2"]}


def test_it_never_keeps_password_hashes_in_the_history_of_a_staff_account(lawyer):
    lawyer.set_password("Another-Secret-2026")
    lawyer.save()

    for entry in LogEntry.objects.get_for_object(lawyer):
        assert "password" not in entry.changes_dict


def test_it_masks_registered_personal_fields(office_a):
    # A model registered with mask=[...] keeps no part of the value in the trail.
    from auditlog.registry import auditlog

    auditlog.unregister(Office)
    audit.register(Office, mask=["phone"])
    try:
        office_a.phone = "+7 701 123 45 67"
        office_a.save()
    finally:
        auditlog.unregister(Office)
        audit.register(Office)

    entry = LogEntry.objects.get_for_object(office_a).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["phone"][1] == "********"
    assert "45 67" not in str(entry.changes)


def test_it_records_an_access_entry_when_someone_views_a_record(office_a, lawyer):
    audit.record_access(actor=lawyer, instance=office_a, what="view")

    entry = LogEntry.objects.get_for_object(office_a).get(action=LogEntry.Action.ACCESS)
    assert entry.actor == lawyer
    assert entry.additional_data == {"access": "view"}


def render_history(user, instance) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load audit_tags %}{% audit_history obj %}")
    return template.render(Context({"request": request, "obj": instance}))


def test_it_shows_a_records_history_to_managers(office_a, manager, lawyer):
    audit.record_access(actor=lawyer, instance=office_a)

    html = render_history(manager, office_a)

    assert 'id="history-title"' in html
    assert str(lawyer) in html


def test_it_hides_a_records_history_from_caseworkers(office_a, lawyer):
    audit.record_access(actor=lawyer, instance=office_a)

    assert render_history(lawyer, office_a).strip() == ""


def test_it_names_the_changed_fields_and_the_kind_of_access_in_the_readers_words(office_a, manager, lawyer):
    office_a.city = "Алматы, Медеуский район"
    office_a.save()
    audit.record_access(actor=lawyer, instance=office_a, what="view")

    with translation.override("ru"):
        html = render_history(manager, office_a)
        city, opened = str(Office._meta.get_field("city_ru").verbose_name), gettext("opened the record")

    assert f"({city})" in html
    assert f"({opened})" in html
    assert "(city)" not in html
    assert "opened the record" not in html
    assert "access" not in html
