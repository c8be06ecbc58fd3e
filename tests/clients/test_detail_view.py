"""The client page: every section, the access audit, a fixed number of queries."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from clients.extensions import _sections, register_client_section
from tests.clients.factories import (
    ClientDocumentFactory,
    ClientFactory,
    ClientPhoneFactory,
    ConsentFactory,
    FamilyMemberFactory,
)

pytestmark = pytest.mark.django_db


def _url(client):
    return reverse("clients:detail", args=[client.pk])


def test_the_page_shows_summary_family_consent_and_documents(as_lawyer, client_a):
    FamilyMemberFactory(client=client_a, name="Малика")
    ClientDocumentFactory(client=client_a, title="Расчётный лист")
    html = as_lawyer.get(_url(client_a)).content.decode()
    for text in (client_a.code, "Абдуллаев", "+77011234567", "Малика", "Расчётный лист"):
        assert text in html


def test_every_view_is_audited(as_lawyer, lawyer, client_a):
    as_lawyer.get(_url(client_a))
    entry = LogEntry.objects.get_for_object(client_a).get(action=LogEntry.Action.ACCESS)
    assert entry.actor == lawyer
    assert entry.additional_data == {"access": "view"}


def test_history_is_shown_to_managers_only(as_manager, as_lawyer, client_a):
    assert 'id="history-title"' in as_manager.get(_url(client_a)).content.decode()
    assert 'id="history-title"' not in as_lawyer.get(_url(client_a)).content.decode()


def test_the_manager_sees_data_rights_buttons_and_the_lawyer_does_not(as_manager, as_lawyer, client_a):
    assert 'data-testid="anonymise-client"' in as_manager.get(_url(client_a)).content.decode()
    html = as_lawyer.get(_url(client_a)).content.decode()
    assert 'data-testid="anonymise-client"' not in html
    assert 'data-testid="merge-client"' not in html


def test_sections_registered_by_other_apps_are_shown(as_lawyer, client_a):
    def section(request, client):
        return {"template": "clients/_merge_side.html", "record": client}

    register_client_section(section)
    try:
        html = as_lawyer.get(_url(client_a)).content.decode()
    finally:
        _sections.remove(section)
    assert html.count(client_a.code) >= 3


def test_an_old_id_of_a_merged_record_leads_to_the_survivor(as_lawyer, client_a, office_a):
    old = ClientFactory(office=office_a, merged_into=client_a)
    response = as_lawyer.get(_url(old))
    assert response.status_code == 302
    assert response["Location"] == _url(client_a)


def test_the_restricted_record_opens_for_its_assigned_lawyer(as_lawyer, restricted_client):
    assert as_lawyer.get(_url(restricted_client)).status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_data(
    as_manager, client_a, django_assert_max_num_queries, trafficking
):
    def load():
        # 23: a restricted record also looks for a pending request to lift its restriction (issue 15).
        with django_assert_max_num_queries(23):
            assert as_manager.get(_url(client_a)).status_code == 200

    load()
    client_a.vulnerabilities.add(trafficking)
    for _index in range(8):
        ClientPhoneFactory(client=client_a)
        FamilyMemberFactory(client=client_a)
        ConsentFactory(client=client_a)
        ClientDocumentFactory(client=client_a)
        ClientFactory(office=client_a.office, merged_into=client_a)
    load()
