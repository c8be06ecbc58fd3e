"""The Astana caseworker never sees Almaty's outreach: every page, list and export answers 404 or leaves it out."""

import pytest

from outreach import services
from tests.outreach.factories import agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def attendee(training_a, coordinator):
    return services.attendee_add(
        activity=training_a, actor=coordinator, full_name="Сериков Ерлан", agency=agency("police")
    )


@pytest.mark.parametrize(
    "path",
    [
        "/outreach/{a}/",
        "/outreach/{a}/edit/",
        "/outreach/{a}/held/",
        "/outreach/{a}/attendance/",
        "/outreach/{a}/attendance/export/?format=csv",
        "/outreach/{a}/attendance/export/?format=xlsx",
        "/outreach/{a}/attendance/import/",
        "/outreach/{a}/attendance/import/sometoken/",
        "/outreach/{a}/anonymise/",
    ],
)
def test_outsider_gets_404_on_every_almaty_page(as_outsider, training_a, attendee, path):
    assert as_outsider.get(path.format(a=training_a.pk)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/outreach/{a}/cancel/",
        "/outreach/{a}/held/",
        "/outreach/{a}/materials/",
        "/outreach/{a}/attendance/",
        "/outreach/{a}/attendance/scores/",
        "/outreach/{a}/attendance/{p}/remove/",
        "/outreach/{a}/anonymise/",
    ],
)
def test_outsider_gets_404_on_every_almaty_write(as_outsider, training_a, attendee, path):
    response = as_outsider.post(path.format(a=training_a.pk, p=attendee.pk), {"full_name": "X", "confirm": "1"})
    assert response.status_code == 404
    attendee.refresh_from_db()
    assert attendee.full_name == "Сериков Ерлан"


def test_outsiders_list_and_export_leave_almaty_out(as_outsider, outsider, training_a, attendee, office_a):
    assert "Тренинг для сотрудников полиции" not in as_outsider.get("/outreach/").content.decode()
    assert as_outsider.get(f"/outreach/?office={office_a.pk}").status_code == 200


def test_an_astana_coordinator_exports_no_almaty_activity(training_a, office_b):
    from django.test import Client

    from accounts.models import Role
    from tests.factories import UserFactory

    http = Client()
    http.force_login(UserFactory(username="ast-coordinator", office=office_b, role=Role.COORDINATOR, profession=""))
    response = http.get("/outreach/export/?format=csv")
    assert response.status_code == 200
    assert "Тренинг для сотрудников полиции" not in response.content.decode("utf-8-sig")
    assert http.get(f"/outreach/{training_a.pk}/attendance/export/?format=csv").status_code == 404


def test_outsider_gets_404_turning_an_almaty_contact_into_a_client(as_outsider, lawyer):
    contact = services.quick_contact_log(actor=lawyer, channel="phone", action="advice")
    assert as_outsider.get(f"/outreach/contacts/{contact.pk}/client/").status_code == 404
    assert as_outsider.post(f"/outreach/contacts/{contact.pk}/client/", {}).status_code == 404
    assert 'data-testid="contact-row"' not in as_outsider.get("/outreach/contacts/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, training_a):
    for path in ("/outreach/", f"/outreach/{training_a.pk}/", "/outreach/contacts/", "/outreach/export/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
