"""Uploading and downloading documents: checked by content, random names, attachment, audited."""

from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clients.models import ClientDocument
from tests.clients.factories import JPEG_BYTES, PDF_BYTES, PNG_BYTES, docx_bytes

pytestmark = pytest.mark.django_db


def _upload(http, client, name, content, content_type="application/octet-stream"):
    url = reverse("clients:document-upload", args=[client.pk])
    return http.post(url, {"kind": "contract", "title": "", "file": SimpleUploadedFile(name, content, content_type)})


@pytest.mark.parametrize(
    ("name", "content", "stored_type"),
    [
        ("договор Абдуллаев.pdf", PDF_BYTES, "application/pdf"),
        ("photo.jpg", JPEG_BYTES, "image/jpeg"),
        ("scan.png", PNG_BYTES, "image/png"),
        ("contract.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        # The name lies; the content decides.
        ("notice.txt", PDF_BYTES, "application/pdf"),
    ],
)
def test_accepted_files_are_stored_under_a_random_name(as_lawyer, client_a, private_media, name, content, stored_type):
    response = _upload(as_lawyer, client_a, name, content)
    assert response.status_code == 302
    document = ClientDocument.objects.get()
    assert document.content_type == stored_type
    assert document.original_name == name
    stored = Path(document.file.path)
    assert stored.is_relative_to(private_media)
    assert "Абдуллаев" not in stored.name and "notice" not in stored.name
    if not stored_type.startswith("image/"):  # images are re-encoded (issue 15, finding 14)
        assert stored.read_bytes() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.pdf", b"MZ\x90\x00 this is an exe"),
        ("page.html", b"<html><script>alert(1)</script>"),
        ("archive.docx", b"PK\x03\x04 broken zip"),
    ],
)
def test_other_content_is_refused_whatever_its_name(as_lawyer, client_a, name, content):
    response = _upload(as_lawyer, client_a, name, content)
    assert response.status_code == 302
    assert not ClientDocument.objects.exists()
    follow = as_lawyer.get(response["Location"])
    assert "PDF, JPEG, PNG" in follow.content.decode()


def test_a_zip_that_is_not_a_word_document_is_refused(as_lawyer, client_a):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _upload(as_lawyer, client_a, "x.docx", buffer.getvalue())
    assert not ClientDocument.objects.exists()


def test_a_file_over_the_limit_is_refused(as_lawyer, client_a, settings):
    settings.UPLOAD_MAX_BYTES = 100
    _upload(as_lawyer, client_a, "big.pdf", PDF_BYTES + b"0" * 200)
    assert not ClientDocument.objects.exists()


def test_download_is_an_audited_attachment_named_by_code(as_lawyer, lawyer, client_a):
    _upload(as_lawyer, client_a, "Абдуллаев.pdf", PDF_BYTES)
    document = ClientDocument.objects.get()
    response = as_lawyer.get(reverse("clients:document-download", args=[client_a.pk, document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert client_a.code in response["Content-Disposition"]
    assert "Абдуллаев" not in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert LogEntry.objects.get_for_object(document).filter(action=LogEntry.Action.ACCESS, actor=lawyer).exists()


def test_a_document_of_another_client_is_404_through_this_clients_url(as_lawyer, client_a, office_a):
    from tests.clients.factories import ClientDocumentFactory, ClientFactory

    other_document = ClientDocumentFactory(client=ClientFactory(office=office_a))
    url = reverse("clients:document-download", args=[client_a.pk, other_document.pk])
    assert as_lawyer.get(url).status_code == 404


def test_deleting_a_document_removes_its_file(as_lawyer, client_a, django_capture_on_commit_callbacks):
    _upload(as_lawyer, client_a, "a.pdf", PDF_BYTES)
    document = ClientDocument.objects.get()
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        as_lawyer.post(reverse("clients:document-delete", args=[client_a.pk, document.pk]))
    assert not ClientDocument.objects.exists()
    assert not path.exists()
