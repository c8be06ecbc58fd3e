"""Documents attached to a client: checked by content, stored under random names outside the web root."""

import zipfile

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from clients.models import Client, ClientDocument
from clients.uploads import make_safe

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx"}


def sniff_content_type(uploaded: UploadedFile) -> str | None:
    """The type of an uploaded file judged by its bytes (never its name), or None if not accepted."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            uploaded.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX
    return None


def validate_upload(uploaded: UploadedFile) -> str:
    if (uploaded.size or 0) > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB."),
            code="too_large",
            params={"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
        )
    content_type = sniff_content_type(uploaded)
    if content_type is None:
        raise ValidationError(_("Only PDF, JPEG, PNG and DOCX files can be uploaded."), code="bad_type")
    return content_type


@transaction.atomic
def document_upload(
    *, client: Client, actor: User, uploaded: UploadedFile, kind: str, title: str = ""
) -> ClientDocument:
    content_type = validate_upload(uploaded)
    original_name = (uploaded.name or "")[:200]
    uploaded.seek(0)
    # Active PDFs, macro documents and zip bombs are refused; images are re-encoded (see clients/uploads.py).
    content = make_safe(uploaded.read(), content_type)
    with set_actor(actor):
        document = ClientDocument(
            client=client,
            kind=kind,
            title=title,
            original_name=original_name,
            content_type=content_type,
            size=len(content),
            uploaded_by=actor,
        )
        # The stored name is random (see document_path); only the extension comes from the content.
        document.file.save(f"upload{EXTENSIONS[content_type]}", ContentFile(content), save=False)
        # If the row cannot be saved, do not leave an orphan file behind.
        try:
            document.save()
        except Exception:
            document.file.delete(save=False)
            raise
    Client.objects.filter(pk=client.pk).update(updated_at=document.uploaded_at)
    return document


@transaction.atomic
def document_delete(*, document: ClientDocument, actor: User) -> None:
    with set_actor(actor):
        name = document.file.name
        storage = document.file.storage
        document.delete()
    # The file goes only once the row is really gone.
    transaction.on_commit(lambda: storage.delete(name))
