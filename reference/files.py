"""The one way a private file leaves Ariptes, after the view has checked the user's right to it."""

from __future__ import annotations

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseRedirect


def private_file_response(
    file: FieldFile, *, filename: str, content_type: str | None = None, as_attachment: bool = True
) -> HttpResponse:
    """Stream ``file`` from its storage (local disk or object storage).

    With ``FILES_SIGNED_URLS`` on and object storage configured, answer with a redirect to a signed
    URL that lives ``FILES_SIGNED_URL_SECONDS``; the caller has already checked and audited the
    access, and the URL names the object, never the person.
    """
    if getattr(settings, "FILES_SIGNED_URLS", False) and hasattr(file.storage, "bucket_name"):
        disposition = "attachment" if as_attachment else "inline"
        url = file.storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": f'{disposition}; filename="{filename}"',
                **({"ResponseContentType": content_type} if content_type else {}),
            },
        )
        response: HttpResponse = HttpResponseRedirect(url)
        response["Referrer-Policy"] = "no-referrer"
        return response
    return FileResponse(file.open("rb"), as_attachment=as_attachment, filename=filename, content_type=content_type)
