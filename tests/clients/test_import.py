"""Importing an existing client list: dry run first, then all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from clients.models import Client

pytestmark = pytest.mark.django_db

HEADER = "Фамилия;Имя;Пол;Гражданство;Год рождения;Телефон;Согласие\n"
GOOD = "Тошматова;Гулнора;ж;uz;1992;+998 90 765 43 21;да\nAsanov;Azamat;m;Kyrgyzstan;1985;;yes\n"


def _upload(http, content: bytes, name="clients.csv"):
    response = http.post(reverse("clients:import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_the_dry_run_sorts_rows_into_new_duplicate_and_bad(as_coordinator, client_a):
    rows = (
        HEADER
        + GOOD
        + "Abdullayev;Rustam;м;Узбекистан;1988;;да\n"  # already registered (client_a)
        + "Тошматова;Гулнора;ж;uz;1992;;да\n"  # same as line 2
        + ";Без фамилии;ж;uz;;;да\n"
        + "Каримов;Азиз;x;Марс;19xx;12;нет\n"
    )
    preview = as_coordinator.get(_upload(as_coordinator, rows.encode()))
    html = preview.content.decode()
    context = preview.context
    assert [row.line for row in context["to_create"]] == [2, 3]
    assert [row.line for row in context["duplicates"]] == [4, 5]
    assert client_a.code in html
    bad = {row.line: " ".join(row.reasons) for row in context["errors"]}
    assert set(bad) == {6, 7}
    for reason in ("sex", "citizenship", "year of birth", "phone", "consent"):
        assert reason in bad[7].lower()
    assert 'data-testid="run-import"' not in html  # bad rows block the import
    assert Client.objects.count() == 1  # a dry run saves nothing


def test_a_clean_file_is_imported_with_duplicates_skipped(as_coordinator, client_a):
    rows = HEADER + GOOD + "Abdullayev;Rustam;м;Узбекистан;1988;;да\n"
    url = _upload(as_coordinator, rows.encode("cp1251"))
    response = as_coordinator.post(url)
    assert response.status_code == 302
    assert Client.objects.count() == 3
    imported = Client.objects.get(family_name="Тошматова")
    assert imported.phones.get().number == "+998907654321"
    assert imported.consents.get().store_data
    assert as_coordinator.get(url).status_code == 404  # the file is gone


def test_the_real_import_is_all_or_nothing(as_coordinator, monkeypatch):
    import clients.importing

    url = _upload(as_coordinator, (HEADER + GOOD).encode())
    calls = []
    real_create = clients.importing.client_create

    def failing_second_create(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_create(**kwargs)

    monkeypatch.setattr(clients.importing, "client_create", failing_second_create)
    with pytest.raises(RuntimeError):
        as_coordinator.post(url)
    assert not Client.objects.exists()


def test_xlsx_files_are_read(as_coordinator):
    book = Workbook()
    sheet = book.active
    sheet.append(["family_name", "given_name", "sex", "citizenship", "consent_store_data"])
    sheet.append(["Rahmonov", "Daler", "male", "tj", "yes"])
    buffer = io.BytesIO()
    book.save(buffer)
    preview = as_coordinator.get(_upload(as_coordinator, buffer.getvalue(), "list.xlsx"))
    assert [row.display_name for row in preview.context["to_create"]] == ["Rahmonov Daler"]


def test_a_file_without_the_required_columns_is_explained(as_coordinator):
    response = as_coordinator.post(
        reverse("clients:import"), {"file": SimpleUploadedFile("x.csv", b"name,phone\nA,1\n")}
    )
    assert response.status_code == 200
    assert "citizenship" in response.content.decode()


def test_caseworkers_cannot_import_and_others_cannot_see_my_preview(as_lawyer, as_coordinator, as_manager):
    assert as_lawyer.get(reverse("clients:import")).status_code == 404
    url = _upload(as_coordinator, (HEADER + GOOD).encode())
    assert as_manager.get(url).status_code == 404


def test_an_abandoned_upload_is_removed_after_a_day(as_coordinator, private_media):
    import datetime
    import os

    from django.core.files.storage import default_storage

    first = _upload(as_coordinator, (HEADER + GOOD).encode())
    token = first.rstrip("/").rsplit("/", 1)[1]
    path = default_storage.path(f"clients/imports/{token}.bin")
    old = (datetime.datetime.now() - datetime.timedelta(days=2)).timestamp()
    os.utime(path, (old, old))
    _upload(as_coordinator, (HEADER + GOOD).encode())
    assert not os.path.exists(path)


def test_a_file_over_the_limit_is_refused(as_coordinator, settings):
    settings.UPLOAD_MAX_BYTES = 10
    response = as_coordinator.post(
        reverse("clients:import"), {"file": SimpleUploadedFile("x.csv", (HEADER + GOOD).encode())}
    )
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()


def test_a_name_with_a_nul_byte_is_a_bad_row_not_a_server_error(as_coordinator):
    # A broken export can carry NUL bytes; PostgreSQL refuses them in text columns.
    rows = HEADER + "Али\x00ев;Бек;м;uz;1990;;да\n" + GOOD
    url = _upload(as_coordinator, rows.encode())
    preview = as_coordinator.get(url)
    assert [row.line for row in preview.context["errors"]] == [2]
    response = as_coordinator.post(url)
    assert response.status_code == 200
    assert not Client.objects.exists()


def test_a_date_of_birth_in_the_future_or_against_the_year_is_a_bad_row(as_coordinator):
    header = "Фамилия;Имя;Пол;Гражданство;Дата рождения;Год рождения;Согласие\n"
    rows = header + "Асанов;Бек;м;kg;01.01.2990;;да\n" + "Асанова;Айпери;ж;kg;01.01.1990;1985;да\n"
    preview = as_coordinator.get(_upload(as_coordinator, rows.encode()))
    bad = {row.line: " ".join(row.reasons) for row in preview.context["errors"]}
    assert set(bad) == {2, 3}
    assert "date of birth" in bad[2].lower()
    assert "year" in bad[3].lower()


def test_the_staged_file_is_deleted_once_the_import_is_committed(
    as_coordinator, private_media, django_capture_on_commit_callbacks
):
    import os

    from django.core.files.storage import default_storage

    url = _upload(as_coordinator, (HEADER + GOOD).encode())
    path = default_storage.path(f"clients/imports/{url.rstrip('/').rsplit('/', 1)[1]}.bin")
    assert os.path.exists(path)

    with django_capture_on_commit_callbacks(execute=True):
        assert as_coordinator.post(url).status_code == 302

    assert Client.objects.count() == 2
    assert not os.path.exists(path)
