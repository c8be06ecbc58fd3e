"""Finding 5: with collectstatic, the manifest storage and DEBUG off, letters keep letterhead and stylesheet."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from memorandum import pdf
from memorandum.models import ReferralState
from reference.pdf import LocalFetcher
from tests.memorandum.factories import make_referral


@pytest.fixture
def collected_static(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_the_letter_has_its_letterhead_and_stylesheet_after_collectstatic(
    collected_static, coordinator, caplog, monkeypatch
):
    served = []
    original = LocalFetcher.fetch

    def recording_fetch(self, url, headers=None):
        response = original(self, url, headers)
        served.append(url.rsplit("/", 1)[-1])
        return response

    monkeypatch.setattr(LocalFetcher, "fetch", recording_fetch)
    referral = make_referral(coordinator=coordinator, state=ReferralState.SENT)
    html = pdf.render_letter_html(referral)
    assert "memorandum/letterhead." in html and "letterhead.svg" not in html  # the hashed name is used
    body = pdf.render_letter(referral)
    reader = PdfReader(io.BytesIO(body))
    text = "".join("".join(page.extract_text() for page in reader.pages).split())
    # The page numbers come from the stylesheet's @page rule; the fetcher served both files.
    assert "1/" in text
    assert any(name.startswith("letterhead.") and name.endswith(".svg") for name in served), served
    assert any(name.startswith("letter.") and name.endswith(".css") for name in served), served
    assert "Static file not found" not in caplog.text
