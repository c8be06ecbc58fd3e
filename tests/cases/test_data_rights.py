"""A client's cases in the subject-access export, and erased when the client is anonymised."""

from auditlog.models import LogEntry

from cases.models import Consultation
from cases.services import consultation_log
from clients.services.data_rights import client_anonymise, client_export_data
from tests.cases.factories import ConsultationFactory


def test_the_subject_access_export_holds_the_cases_without_psychological_notes(case, psychologist):
    ConsultationFactory(case=case, given_by=psychologist, kind="psychological", psych_notes="тайна")
    data = client_export_data(case.client)
    (exported,) = data["cases"]
    assert exported["number"] == case.number
    assert exported["summary"] == case.summary
    assert exported["consultations"][0]["psychological_notes_held"] is True
    assert "тайна" not in str(data)


def test_anonymising_the_client_erases_the_free_text_of_the_cases(case, lawyer, manager):
    consultation = consultation_log(
        case=case, actor=lawyer, summary="Встреча с Каримовым на рынке", place="Рынок «Алтын Орда»"
    )
    client_anonymise(client=case.client, actor=manager, confirmation=case.client.code)
    case.refresh_from_db()
    consultation = Consultation.objects.get(pk=consultation.pk)
    assert "Каримов" not in case.summary + consultation.summary + consultation.place
    assert case.opened_on and case.categories.exists()  # statistics stay
    entries = LogEntry.objects.get_for_object(consultation)
    assert all("Каримов" not in str(entry.changes) for entry in entries)
