"""What an uploaded document really holds, beyond its first bytes.

- PDFs with JavaScript, launch actions, embedded files, forms that run scripts (XFA) or rich media
  are refused (pikepdf reads the document's objects);
- images are re-encoded with Pillow: whatever was appended after the picture and all metadata
  (EXIF with GPS positions, comments) are dropped;
- Word documents with macro parts, or that would unpack to more than ``DOCX_MAX_RATIO`` times
  the upload (a zip bomb), are refused;
- a file that also reads as a web page (HTML or SVG markup inside a PDF or DOCX: a polyglot) is refused.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

DOCX_MAX_RATIO = 50
DOCX_MAX_MEMBERS = 2_000
IMAGE_MAX_PIXELS = 60_000_000  # a 60-megapixel scan is plenty; more is a decompression bomb
# Markup a browser would run if it ever took the file for a page.
HTML_MARKERS = re.compile(rb"<\s*(?:script|html|body|iframe|svg|object|embed)[\s>/]|<!doctype\s+html", re.IGNORECASE)
# PDF names that run something or carry other files.
PDF_ACTIVE_KEYS = ("/JavaScript", "/JS", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/RichMedia", "/XFA")


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="unsafe")


def check_pdf(content: bytes) -> bytes:
    import pikepdf

    if HTML_MARKERS.search(content):
        raise _refuse(_("This PDF also contains web page code and was refused."))
    try:
        with pikepdf.open(io.BytesIO(content)) as pdf:
            # Every indirect object, and the direct dictionaries inside them (the catalog's /Names, actions).
            if any(_is_active(obj) for obj in pdf.objects) or _is_active(pdf.trailer):
                raise _refuse(_("This PDF contains scripts, launch actions or attached files and was refused."))
    except pikepdf.PdfError:
        raise _refuse(_("This PDF is damaged and cannot be checked.")) from None
    return content


def _is_active(obj, depth: int = 0) -> bool:
    import pikepdf

    if depth > 8:
        return False
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        if set(obj.keys()).intersection(PDF_ACTIVE_KEYS):
            return True
        if obj.get("/S") in (pikepdf.Name.JavaScript, pikepdf.Name.Launch):
            return True
        return any(not getattr(value, "is_indirect", True) and _is_active(value, depth + 1) for value in obj.values())
    if isinstance(obj, pikepdf.Array):
        return any(not getattr(value, "is_indirect", True) and _is_active(value, depth + 1) for value in obj)
    return False


def reencode_image(content: bytes, content_type: str) -> bytes:
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise _refuse(_("This image is too large."))
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the orientation, then drop the metadata
            output = io.BytesIO()
            if content_type == JPEG:
                image.convert("RGB").save(output, format="JPEG", quality=90, optimize=True)
            else:
                if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                    image = image.convert("RGBA")
                image.save(output, format="PNG", optimize=True)
    except ValidationError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise _refuse(_("This image is damaged and cannot be read.")) from None
    return output.getvalue()


def check_docx(content: bytes) -> bytes:
    if HTML_MARKERS.search(content[:4096]) or HTML_MARKERS.search(content[-4096:]):
        raise _refuse(_("This document also contains web page code and was refused."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > DOCX_MAX_MEMBERS:
                raise _refuse(_("This document has too many parts and was refused."))
            unpacked = sum(member.file_size for member in members)
            if unpacked > DOCX_MAX_RATIO * max(len(content), 1):
                raise _refuse(_("This document would unpack to a huge size and was refused."))
            names = [member.filename.lower() for member in members]
            content_types = archive.read("[Content_Types].xml").lower() if "[content_types].xml" in names else b""
    except zipfile.BadZipFile:
        raise _refuse(_("This document is damaged and cannot be checked.")) from None
    if any(name.endswith("vbaproject.bin") or "vbadata" in name or "/activex/" in name for name in names) or (
        b"macroenabled" in content_types or b"vbaproject" in content_types
    ):
        raise _refuse(_("Documents with macros are refused. Save it as a plain .docx and upload it again."))
    return content


def make_safe(content: bytes, content_type: str) -> bytes:
    """The bytes to store for an upload of this (sniffed) type, or a ValidationError saying why not."""
    if content_type == PDF:
        return check_pdf(content)
    if content_type in (JPEG, PNG):
        return reencode_image(content, content_type)
    if content_type == DOCX:
        return check_docx(content)
    return content
