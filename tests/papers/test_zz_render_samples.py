import os
from pathlib import Path

import pytest

from papers import pdf
from papers.texts import DEFAULT_BRING_ITEMS


@pytest.mark.skipif(not os.environ.get("PAPERS_SAMPLES"), reason="writes sample PDFs for a visual check")
def test_write_samples(tajik_client, inspectorate, lawyer, manager):
    out = Path(os.environ["PAPERS_SAMPLES"])
    out.mkdir(exist_ok=True)
    for language in ("ru", "kk", "uz", "ky", "tg", "en"):
        (out / f"consent-{language}.pdf").write_bytes(pdf.render_consent(tajik_client, language, staff=lawyer))
        (out / f"rights-{language}.pdf").write_bytes(pdf.render_rights(tajik_client, language))
        (out / f"slip-{language}.pdf").write_bytes(
            pdf.render_slip(
                tajik_client,
                language,
                partner=inspectorate,
                contact=inspectorate.contacts.first(),
                hours="Пн–Пт 09:00–18:00",
                bring=DEFAULT_BRING_ITEMS,
                show=("name",),
            )
        )
    (out / "export-kk.pdf").write_bytes(pdf.render_export(tajik_client, "kk", viewer=manager))
