"""Finding 14: uploads are judged by what they hold, not by their first bytes."""

import io
import zipfile
from pathlib import Path

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clients.models import ClientDocument
from tests.clients.factories import PDF_BYTES, docx_bytes

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(http, client, name, content):
    url = reverse("clients:document-upload", args=[client.pk])
    return http.post(url, {"kind": "contract", "title": "", "file": SimpleUploadedFile(name, content)})


def _pdf(**root) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    for key, value in root.items():
        pdf.Root["/" + key] = value
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _pdf_with_attachment() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00")
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _docx(**extra) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in extra.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


UNSAFE = {
    "javascript.pdf": lambda: _pdf(
        OpenAction=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    ),
    "launch.pdf": lambda: _pdf(OpenAction=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))),
    "attachment.pdf": _pdf_with_attachment,
    "polyglot.pdf": lambda: PDF_BYTES[:9] + b"%" + HTML + b"\n" + PDF_BYTES[9:],
    "macro.docx": lambda: _docx(word__vbaProject_bin=b"\x00" * 64).replace(b"vbaProject_bin", b"vbaProject.bin"),
    "bomb.docx": lambda: _docx(word__media__zeros=b"\x00" * (8 * 1024 * 1024)),
}


@pytest.mark.parametrize("name", list(UNSAFE))
def test_unsafe_documents_are_refused(as_lawyer, client_a, name):
    response = _upload(as_lawyer, client_a, name, UNSAFE[name]())
    assert response.status_code == 302
    assert not ClientDocument.objects.exists()


def test_an_image_is_re_encoded_without_appended_html_or_metadata(as_lawyer, client_a):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = "GPS 43.2389 76.8897 Абдуллаев"  # ImageDescription
    Image.new("RGB", (16, 16), (10, 120, 200)).save(buffer, format="JPEG", exif=exif)
    _upload(as_lawyer, client_a, "photo.jpg", buffer.getvalue() + HTML)
    stored = Path(ClientDocument.objects.get().file.path).read_bytes()
    assert b"<script" not in stored
    assert "Абдуллаев".encode() not in stored
    assert Image.open(io.BytesIO(stored)).size == (16, 16)


def test_plain_documents_are_still_accepted(as_lawyer, client_a):
    _upload(as_lawyer, client_a, "letter.pdf", PDF_BYTES)
    _upload(as_lawyer, client_a, "contract.docx", docx_bytes())
    assert ClientDocument.objects.count() == 2
