"""The papers page and its PDFs: who may print what, what is audited, what the PDFs carry."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from clients.models import Consent, ConsentMethod
from tests.clients.factories import ClientFactory
from tests.papers.conftest import pdf_text

pytestmark = pytest.mark.django_db


def urls(client, partner=None):
    slip = reverse("papers:slip", args=[client.pk]) + f"?language=tg&partner={partner.pk if partner else 1}"
    return [
        reverse("papers:index", args=[client.pk]),
        reverse("papers:pdf", args=[client.pk, "consent"]) + "?language=tg",
        reverse("papers:pdf", args=[client.pk, "rights"]) + "?language=tg",
        reverse("papers:pdf", args=[client.pk, "export"]) + "?language=ru",
        slip,
    ]


def test_an_outsider_gets_404_on_every_papers_url(as_outsider, tajik_client, inspectorate):
    for url in urls(tajik_client, inspectorate):
        assert as_outsider.get(url).status_code == 404, url
    response = as_outsider.post(
        reverse("papers:signed-consent", args=[tajik_client.pk]), {"language": "tg", "signed_on": "2026-11-01"}
    )
    assert response.status_code == 404
    assert not Consent.objects.filter(client=tajik_client, method=ConsentMethod.WRITTEN, recorded_by__isnull=False)


def test_a_restricted_client_s_papers_are_hidden_from_staff_not_assigned(as_psychologist, office_a, trafficking):
    restricted = ClientFactory(office=office_a, vulnerabilities=[trafficking])
    assert as_psychologist.get(reverse("papers:index", args=[restricted.pk])).status_code == 404
    assert as_psychologist.get(reverse("papers:pdf", args=[restricted.pk, "consent"])).status_code == 404


def test_the_client_page_links_to_the_papers(as_lawyer, tajik_client):
    response = as_lawyer.get(tajik_client.get_absolute_url())
    assert reverse("papers:index", args=[tajik_client.pk]) in response.content.decode()


def test_the_papers_page_opens_in_the_clients_language_and_shows_the_review_state(
    as_lawyer, tajik_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        response = as_lawyer.get(reverse("papers:index", args=[tajik_client.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="tg" selected' in page
    assert "Not yet reviewed by a native speaker" in page
    assert 'data-testid="print-export"' not in page  # the data export is for managers
    assert LogEntry.objects.filter(object_pk=str(tajik_client.pk), additional_data__access="papers page").exists()


def test_the_consent_pdf_is_not_cached_and_its_printing_is_audited(as_lawyer, tajik_client):
    response = as_lawyer.get(reverse("papers:pdf", args=[tajik_client.pk, "consent"]) + "?language=tg")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "Рахмонов" not in response["Content-Disposition"]
    assert "Розигӣ" in pdf_text(response.content)
    entry = LogEntry.objects.get(object_pk=str(tajik_client.pk), additional_data__access="paper consent (tg)")
    assert entry.actor.username == "lawyer"


def test_an_unknown_language_falls_back_to_the_clients_own(as_lawyer, tajik_client):
    response = as_lawyer.get(reverse("papers:pdf", args=[tajik_client.pk, "rights"]) + "?language=xx")
    assert "Ҳуқуқҳои шумо" in pdf_text(response.content)


def test_an_unknown_paper_is_404(as_lawyer, tajik_client):
    assert as_lawyer.get(reverse("papers:pdf", args=[tajik_client.pk, "labels"])).status_code == 404


def test_only_managers_print_the_data_export(as_lawyer, as_manager, tajik_client):
    url = reverse("papers:pdf", args=[tajik_client.pk, "export"]) + "?language=tg"
    assert as_lawyer.get(url).status_code == 404
    response = as_manager.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].endswith('-export-ru.pdf"')  # Tajik readers get the Russian export
    assert "Рахмонов" in pdf_text(response.content)


def test_the_slip_carries_only_the_code_by_default(as_lawyer, tajik_client, inspectorate):
    url = reverse("papers:slip", args=[tajik_client.pk])
    response = as_lawyer.get(url, {"language": "tg", "partner": inspectorate.pk, "bring": ["passport"]})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert tajik_client.code in text and "Шиноснома" in text
    assert "Рахмонов" not in text and "+77015550101" not in text
    assert LogEntry.objects.filter(additional_data__access="paper slip (tg)").exists()


def test_the_slip_form_starts_with_the_partner_of_the_latest_referral(as_lawyer, tajik_client, lawyer, inspectorate):
    from memorandum.models import Referral
    from tests.cases.factories import CaseFactory

    case = CaseFactory(client=tajik_client, lead=lawyer)
    Referral.objects.create(case=case, partner=inspectorate, request="Проверка", created_by=lawyer)
    page = as_lawyer.get(reverse("papers:index", args=[tajik_client.pk])).content.decode()
    assert f'<option value="{inspectorate.pk}" selected>' in page


def test_a_slip_with_a_contact_of_another_partner_is_refused_with_a_message(as_lawyer, tajik_client, inspectorate):
    from memorandum.models import PartnerContact
    from tests.memorandum.factories import PartnerFactory

    stranger = PartnerContact.objects.create(partner=PartnerFactory(), name="Другой", phone="+77270000001")
    url = reverse("papers:slip", args=[tajik_client.pk])
    response = as_lawyer.get(url, {"language": "tg", "partner": inspectorate.pk, "contact": stranger.pk})
    assert response.status_code == 400
    assert "This person does not work for the chosen partner." in response.content.decode()


def test_recording_the_signed_form_makes_a_written_consent_with_the_ticked_scopes(as_lawyer, tajik_client, lawyer):
    url = reverse("papers:signed-consent", args=[tajik_client.pk])
    response = as_lawyer.post(
        url, {"language": "tg", "signed_on": "2026-11-20", "store_data": "on", "share_partners": "on"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?language=tg")
    consent = tajik_client.consents.order_by("-id").first()
    assert consent.method == ConsentMethod.WRITTEN and consent.language.code == "tg"
    assert str(consent.given_on) == "2026-11-20" and consent.recorded_by == lawyer
    assert consent.store_data and consent.share_partners
    assert not consent.share_law_enforcement and not consent.research
    assert LogEntry.objects.filter(object_pk=str(consent.pk), action=LogEntry.Action.CREATE, actor=lawyer).exists()
    assert LogEntry.objects.filter(
        object_pk=str(tajik_client.pk), additional_data__action="consent_form_signed"
    ).exists()


def test_a_signed_form_dated_in_the_future_is_refused_and_nothing_is_saved(as_lawyer, tajik_client):
    before = tajik_client.consents.count()
    response = as_lawyer.post(
        reverse("papers:signed-consent", args=[tajik_client.pk]), {"language": "tg", "signed_on": "2999-01-01"}
    )
    assert response.status_code == 400
    assert "The date is in the future." in response.content.decode()
    assert tajik_client.consents.count() == before
