"""The one URL fetcher of every PDF (referral letters, funder reports): nothing is fetched from the network.

WeasyPrint asks the fetcher for every stylesheet, image and font a document names. Ours serves our
own static files from disk (under a made-up origin that relative URLs resolve against) and, where
a document embeds them, ``data:`` URIs (report charts); any other URL is refused, so a document can
neither leak a request to the outside nor hang on a slow server.
"""

import mimetypes
import os

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in documents resolve against this made-up origin; only its static path is served.
PDF_BASE_URL = "https://pdf.ariptes.invalid/"
STATIC_PREFIX = PDF_BASE_URL + settings.STATIC_URL.lstrip("/")


def _static_path(relative: str) -> str | None:
    """The file behind a static name: collected (hashed by the manifest storage, DEBUG off) or in the sources."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    try:
        collected = staticfiles_storage.path(relative)
    except (NotImplementedError, ValueError, SuspiciousFileOperation):
        collected = None
    if collected and os.path.isfile(collected):
        return collected
    return finders.find(relative)


class LocalFetcher(URLFetcher):
    """Serves /static/ files from disk, and ``data:`` URIs when ``data_uris``; refuses everything else."""

    def __init__(self, *, data_uris: bool = False) -> None:
        super().__init__(allowed_protocols={"data"} if data_uris else set())
        self.data_uris = data_uris

    def fetch(self, url, headers=None):
        if self.data_uris and url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_PREFIX):
            raise ValueError("Documents may only use local static files.")
        relative = url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0]
        if ".." in relative.split("/"):
            raise ValueError("Documents may only use local static files.")
        path = _static_path(relative)
        if not path:
            raise ValueError("Static file not found.")
        with open(path, "rb") as handle:
            body = handle.read()
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})
