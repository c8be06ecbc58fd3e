"""A trainer keeps the attendance list of a police training: typed, imported with a dry run, scored, anonymised."""

import io
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import Workbook

from outreach import services
from outreach.models import Attendee
from tests.outreach.factories import agency

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(http, activity, content: bytes, name="sheet.xlsx"):
    return http.post(f"/outreach/{activity.pk}/attendance/import/", {"sheet": SimpleUploadedFile(name, content)})


def test_typing_a_participant_with_scores(as_coordinator, training_a):
    response = as_coordinator.post(
        f"/outreach/{training_a.pk}/attendance/",
        {
            "full_name": "Ахметов Данияр",
            "agency": agency("police").pk,
            "position": "участковый",
            "sex": "male",
            "pre_score": "40",
            "post_score": "75",
        },
    )
    assert response.status_code == 302
    attendee = Attendee.objects.get()
    assert attendee.improvement == Decimal("35")
    page = as_coordinator.get(f"/outreach/{training_a.pk}/attendance/").content.decode()
    assert "Ахметов Данияр" in page
    assert "improvement 35.0 points" in page


def test_a_post_test_without_a_pre_test_is_refused(as_coordinator, training_a):
    response = as_coordinator.post(
        f"/outreach/{training_a.pk}/attendance/",
        {"full_name": "Ахметов Данияр", "agency": agency("police").pk, "post_score": "75"},
    )
    assert response.status_code == 200
    assert "A post-test score needs a pre-test score." in response.content.decode()
    assert not Attendee.objects.exists()
    with pytest.raises(Exception, match="pre-test"):
        services.attendee_add(
            activity=training_a,
            actor=None or training_a.created_by,
            full_name="X",
            agency=agency("police"),
            post_score=Decimal(50),
        )


def test_scores_typed_into_the_list_are_saved_all_or_none(as_coordinator, coordinator, training_a):
    first = services.attendee_add(activity=training_a, actor=coordinator, full_name="Ахметов", agency=agency("police"))
    second = services.attendee_add(activity=training_a, actor=coordinator, full_name="Бекова", agency=agency("police"))
    as_coordinator.post(
        f"/outreach/{training_a.pk}/attendance/scores/",
        {f"pre_{first.pk}": "50", f"post_{first.pk}": "70", f"pre_{second.pk}": "", f"post_{second.pk}": "90"},
    )
    first.refresh_from_db()
    assert first.post_score is None  # the second row was wrong: nothing was saved
    response = as_coordinator.post(
        f"/outreach/{training_a.pk}/attendance/scores/",
        {f"pre_{first.pk}": "50", f"post_{first.pk}": "70", f"pre_{second.pk}": "60", f"post_{second.pk}": "90"},
        follow=True,
    )
    assert "improvement 25.0 points" in response.content.decode()


def test_importing_the_sign_in_sheet_is_a_dry_run_first(as_coordinator, training_a):
    content = _xlsx(
        [
            ["ФИО", "Ведомство", "Должность", "Пол", "До", "После"],
            ["Сериков Ерлан", "Полиция", "инспектор", "м", 45, 80],
            ["Жумабаева Алия", "migration-service", "специалист", "ж", "50", "70"],
        ]
    )
    response = _upload(as_coordinator, training_a, content)
    assert response.status_code == 302
    preview = as_coordinator.get(response["Location"])
    assert 'data-testid="import-ok"' in preview.content.decode()
    assert not Attendee.objects.exists()  # a dry run
    done = as_coordinator.post(response["Location"])
    assert done.status_code == 302
    assert Attendee.objects.filter(activity=training_a).count() == 2
    assert Attendee.objects.get(full_name="Жумабаева Алия").agency == agency("migration-service")


def test_a_row_with_an_unknown_agency_imports_nothing(as_coordinator, training_a):
    content = "name;agency;pre;post\nСериков Ерлан;police;40;60\nИванов Пётр;Космическая служба;30;50\n".encode()
    response = _upload(as_coordinator, training_a, content, name="sheet.csv")
    preview = as_coordinator.get(response["Location"]).content.decode()
    assert "Unknown agency “Космическая служба”" in preview
    assert 'data-testid="import-confirm"' not in preview
    as_coordinator.post(response["Location"])
    assert not Attendee.objects.exists()


def test_a_row_with_a_post_test_only_is_marked(as_coordinator, training_a):
    content = "name,agency,post\nСериков Ерлан,police,60\n".encode()
    response = _upload(as_coordinator, training_a, content, name="sheet.csv")
    assert "A post-test score needs a pre-test score." in as_coordinator.get(response["Location"]).content.decode()


def test_a_sheet_without_the_agency_column_is_refused_at_upload(as_coordinator, training_a):
    response = _upload(as_coordinator, training_a, b"name\nX\n", name="sheet.csv")
    assert response.status_code == 200
    assert "Columns missing: agency." in response.content.decode()


def test_another_users_dry_run_is_not_reachable(as_coordinator, as_lawyer, training_a):
    response = _upload(as_coordinator, training_a, b"name,agency\nA,police\n", name="s.csv")
    assert as_lawyer.get(response["Location"]).status_code == 404


def test_looking_at_and_exporting_the_list_is_audited(as_coordinator, coordinator, training_a):
    attendee = services.attendee_add(
        activity=training_a, actor=coordinator, full_name="=HYPERLINK(1)", agency=agency("police")
    )
    as_coordinator.get(f"/outreach/{training_a.pk}/attendance/")
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(training_a.pk), additional_data__access="attendance"
    ).exists()
    response = as_coordinator.get(f"/outreach/{training_a.pk}/attendance/export/?format=csv")
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(attendee.pk), additional_data__access="export-csv"
    ).exists()
    xlsx = as_coordinator.get(f"/outreach/{training_a.pk}/attendance/export/?format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_a_caseworker_sees_the_list_but_cannot_export_it(as_lawyer, training_a):
    assert as_lawyer.get(f"/outreach/{training_a.pk}/attendance/").status_code == 200
    assert as_lawyer.get(f"/outreach/{training_a.pk}/attendance/export/").status_code == 404


def test_an_information_session_has_no_attendance_list(as_coordinator, activity_a):
    assert as_coordinator.get(f"/outreach/{activity_a.pk}/attendance/").status_code == 404


@override_settings(LANGUAGE_CODE="en")
def test_anonymising_the_activity_erases_names_also_from_the_history(as_manager, coordinator, training_a):
    attendee = services.attendee_add(
        activity=training_a,
        actor=coordinator,
        full_name="Сериков Ерлан",
        agency=agency("police"),
        position="инспектор",
        pre_score=Decimal(40),
        post_score=Decimal(70),
    )
    response = as_manager.post(f"/outreach/{training_a.pk}/anonymise/", {"confirm": str(training_a.pk)})
    assert response.status_code == 302
    attendee.refresh_from_db()
    assert attendee.full_name == "***" and attendee.position == ""
    assert attendee.improvement == Decimal(30)  # scores stay for reports
    for entry in LogEntry.objects.filter(object_pk=str(attendee.pk), content_type__model="attendee"):
        assert "Сериков" not in str(entry.changes) and "Сериков" not in str(entry.serialized_data)
    assert as_manager.get(f"/outreach/{training_a.pk}/anonymise/").status_code == 404  # done once


def test_only_managers_anonymise(as_coordinator, training_a):
    assert as_coordinator.get(f"/outreach/{training_a.pk}/anonymise/").status_code == 404


def test_the_attendance_page_pins_its_query_count(
    as_coordinator, coordinator, training_a, django_assert_max_num_queries
):
    for number in range(15):
        services.attendee_add(
            activity=training_a,
            actor=coordinator,
            full_name=f"Участник {number}",
            agency=agency("police"),
            pre_score=Decimal(40),
            post_score=Decimal(60),
        )
    with django_assert_max_num_queries(14):
        assert as_coordinator.get(f"/outreach/{training_a.pk}/attendance/").status_code == 200
