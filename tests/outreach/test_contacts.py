"""The hotline operator logs calls in seconds (one POST each) and turns one caller into a client."""

import pytest

from clients.models import Client
from outreach import services
from outreach.models import QuickContact
from reference.models import Country, Language
from tests.cases.factories import category

pytestmark = pytest.mark.django_db


def _call(**overrides):
    data = {
        "channel": "phone",
        "sex": "female",
        "age_band": "25-34",
        "citizenship": Country.objects.get(code="uz").pk,
        "language": Language.objects.get(code="uz-latn").pk,
        "categories": [category("unpaid-wages").pk],
        "action": "advice",
        "note": "работодатель не платит три месяца",
    }
    data.update(overrides)
    return data


def test_one_post_logs_a_contact(as_lawyer, lawyer, office_a, django_assert_max_num_queries):
    as_lawyer.get("/outreach/contacts/")
    with django_assert_max_num_queries(24):
        response = as_lawyer.post("/outreach/contacts/", _call())
    assert response.status_code == 302
    assert response["Location"] == "/outreach/contacts/?channel=phone"
    contact = QuickContact.objects.get()
    assert contact.office == office_a and contact.logged_by == lawyer
    assert list(contact.categories.values_list("code", flat=True)) == ["unpaid-wages"]
    page = as_lawyer.get(response["Location"]).content.decode()
    assert "работодатель не платит три месяца" in page


def test_only_channel_and_action_are_needed(as_lawyer):
    response = as_lawyer.post("/outreach/contacts/", {"channel": "whatsapp", "action": "invited"})
    assert response.status_code == 302
    assert QuickContact.objects.get().age_band == "unknown"


def test_a_note_that_looks_like_a_name_is_stopped_until_confirmed(as_lawyer):
    response = as_lawyer.post("/outreach/contacts/", _call(note="звонил Каримов Бахтиёр"))
    assert response.status_code == 400
    assert "This note looks like it contains a name." in response.content.decode()
    assert not QuickContact.objects.exists()
    response = as_lawyer.post("/outreach/contacts/", _call(note="рынок Алтын Орда", not_a_name="on"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("note", "is_name"),
    [
        ("звонил Каримов Бахтиёр", True),
        ("меня зовут Гульнара", True),
        ("спросила про Ахмедова", True),
        ("Abdullayev called twice", True),
        ("called twice about the patent", False),
        ("Rustam Abdullayev", True),
        ("не платят зарплату, паспорт у работодателя", False),
        ("Паспорт у бригадира, живёт в Алматы", False),
        ("Документов нет", False),
    ],
)
def test_the_name_guess(note, is_name):
    from outreach.names import looks_like_a_name

    assert looks_like_a_name(note) is is_name


def test_bad_input_gives_a_message_and_saves_nothing(as_lawyer):
    response = as_lawyer.post("/outreach/contacts/", _call(channel="pigeon", at="2990-01-01T10:00"))
    assert response.status_code == 400
    assert not QuickContact.objects.exists()
    response = as_lawyer.post("/outreach/contacts/", _call(at="2990-01-01T10:00"))
    assert "A contact cannot be logged in the future." in response.content.decode()


def test_turning_a_contact_into_a_client_prefills_and_links(as_lawyer, lawyer):
    contact = services.quick_contact_log(
        actor=lawyer,
        channel="phone",
        action="invited",
        sex="female",
        age_band="25-34",
        citizenship=Country.objects.get(code="kg"),
        language=Language.objects.get(code="ky"),
    )
    form = as_lawyer.get(f"/outreach/contacts/{contact.pk}/client/")
    assert form.status_code == 200
    initial = form.context["form"].initial
    assert initial["sex"] == "female"
    assert initial["citizenship"] == Country.objects.get(code="kg").pk
    assert initial["found_us_via"] == "hotline"
    response = as_lawyer.post(
        f"/outreach/contacts/{contact.pk}/client/",
        {
            "family_name": "Осмонова",
            "given_name": "Айпери",
            "sex": "female",
            "citizenship": Country.objects.get(code="kg").pk,
            "birth_year": "1996",
            "consent_store_data": "on",
            "consent_method": "verbal",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    client = Client.objects.get(family_name="Осмонова")
    contact.refresh_from_db()
    assert contact.client == client
    # Once linked, the contact leads to the client.
    assert as_lawyer.get(f"/outreach/contacts/{contact.pk}/client/")["Location"] == f"/clients/{client.pk}/"


def test_the_contacts_page_pins_its_query_count(as_lawyer, lawyer, django_assert_max_num_queries):
    for _ in range(20):
        services.quick_contact_log(
            actor=lawyer,
            channel="phone",
            action="advice",
            categories=[category("unpaid-wages")],
            citizenship=Country.objects.get(code="uz"),
        )
    with django_assert_max_num_queries(16):
        assert as_lawyer.get("/outreach/contacts/").status_code == 200


def test_a_user_without_an_office_cannot_log(admin_client):
    assert admin_client.get("/outreach/contacts/").status_code == 404


def test_a_linked_contact_is_in_the_clients_data_export_and_its_note_goes_with_anonymisation(lawyer, manager):
    from clients.extensions import export_sections, run_anonymisers
    from tests.cases.factories import make_client

    client = make_client(lawyer.office, actor=lawyer)
    contact = services.quick_contact_log(actor=lawyer, channel="phone", action="advice", note="ждёт у рынка")
    services.quick_contact_link_client(contact=contact, client=client, actor=lawyer)
    assert export_sections(client)["quick_contacts"][0]["note"] == "ждёт у рынка"
    run_anonymisers(client, manager)
    contact.refresh_from_db()
    assert contact.note == "" and contact.client == client
