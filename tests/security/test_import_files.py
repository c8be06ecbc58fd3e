"""Findings 8 and 13: waiting import lists do not outlive their use; the row limit is checked while streaming."""

import io
import os
import time
from datetime import timedelta

import pytest
import tablib
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from clients import importing
from clients.import_files import IMPORT_DIR, import_files_remove_stale
from clients.services.data_rights import client_anonymise
from tests.cases.factories import make_client

CSV = "family_name,given_name,sex,citizenship,consent\nТурсунов,Алишер,m,uz,yes\nКаримова,Дильноза,f,uz,yes\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _waiting(private_media):
    folder = private_media / IMPORT_DIR
    return sorted(folder.iterdir()) if folder.exists() else []


def _preview(as_manager, text=CSV):
    return as_manager.post(reverse("clients:import"), {"file": SimpleUploadedFile("list.csv", text.encode())})


def test_a_list_previewed_and_never_imported_is_deleted_after_an_hour(as_manager, private_media):
    _preview(as_manager)
    (stored,) = _waiting(private_media)
    assert import_files_remove_stale() == 0
    hour_ago = time.time() - timedelta(minutes=61).total_seconds()
    os.utime(stored, (hour_ago, hour_ago))
    assert import_files_remove_stale() == 1
    assert _waiting(private_media) == []


def test_the_beat_schedule_runs_the_clean_up(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "clients.remove_stale_import_files" in tasks


def test_anonymising_a_client_deletes_waiting_lists_that_name_them(
    as_manager, manager, office_a, private_media, django_capture_on_commit_callbacks
):
    client = make_client(office_a, actor=manager, family_name="Турсунов", given_name="Алишер")
    _preview(as_manager)
    _preview(as_manager, CSV.replace("Турсунов,Алишер", "Иванов,Пётр"))
    assert len(_waiting(private_media)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client_anonymise(client=client, actor=manager, confirmation=client.code)
    (left,) = _waiting(private_media)
    assert "Турсунов" not in left.read_bytes().decode()


def test_a_huge_xlsx_is_refused_while_streaming_before_it_is_parsed(monkeypatch):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["family_name", "given_name", "sex", "citizenship", "consent"])
    for n in range(importing.MAX_ROWS + 50):
        sheet.append([f"F{n}", "G", "m", "uz", "yes"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    def must_not_parse(*args, **kwargs):
        raise AssertionError("the whole file was parsed")

    monkeypatch.setattr(tablib.Dataset, "load", must_not_parse)
    with pytest.raises(importing.ImportFileError, match="At most"):
        importing.read_rows(buffer.getvalue())


def test_a_huge_csv_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(tablib.Dataset, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("parsed")))
    text = "family_name,given_name,sex,citizenship,consent\n" + "A,B,m,uz,yes\n" * (importing.MAX_ROWS + 10)
    with pytest.raises(importing.ImportFileError, match="At most"):
        importing.read_rows(text.encode())


def test_default_storage_is_private(private_media):
    assert str(default_storage.location).startswith(str(private_media))
