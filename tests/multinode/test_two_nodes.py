"""Ariptes on several machines: files, reports and permissions work across nodes that share nothing local.

Node A and node B are two web servers with different, empty MEDIA_ROOTs; one Celery worker builds
reports; every file lives in S3-compatible object storage. A load balancer may send any request of
a session to any node.
"""

import signal
import time

import pytest
import requests

from memorandum.models import ReferralState
from reports.models import ReportJob, ReportState
from tests.cases.factories import make_client
from tests.clients.factories import PDF_BYTES
from tests.conftest import PASSWORD
from tests.memorandum.factories import make_referral
from tests.multinode.conftest import Browser, bucket_objects

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_document_uploaded_on_one_node_downloads_byte_identical_from_the_other(cluster, lawyer, outsider, office_a):
    node_a, node_b = cluster["web"]("a"), cluster["web"]("b")
    client = make_client(office_a)
    content = PDF_BYTES + b"%" + bytes(range(256)) * 40

    on_a = Browser(node_a.url, lawyer.username, PASSWORD)
    response = on_a.post(
        f"/clients/{client.pk}/documents/",
        {"kind": "contract", "title": ""},
        form_page=f"/clients/{client.pk}/",
        files={"file": ("contract.pdf", content, "application/pdf")},
        allow_redirects=False,
    )
    assert response.status_code == 302
    document = client.documents.get()
    # The object is in the bucket, under the name the row holds.
    assert bucket_objects(cluster["s3"])[document.file.name] == content

    on_b = on_a.on(node_b.url)
    download = on_b.get(f"/clients/{client.pk}/documents/{document.pk}/")
    assert download.status_code == 200
    assert download.content == content
    assert "no-store" in download.headers["Cache-Control"]

    for node in (node_a, node_b):
        intruder = Browser(node.url, outsider.username, PASSWORD)
        assert intruder.get(f"/clients/{client.pk}/documents/{document.pk}/").status_code == 404


def test_a_report_requested_on_one_node_is_built_by_the_worker_and_downloaded_from_the_other(
    cluster, manager, outsider, office_a
):
    node_a, node_b = cluster["web"]("a"), cluster["web"]("b")
    cluster["worker"]()
    make_client(office_a)

    on_b = Browser(node_b.url, manager.username, PASSWORD)
    response = on_b.post(
        "/reports/new/",
        {"quarter": "custom", "start": "2026-07-01", "end": "2026-09-30", "language": "en"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    job = ReportJob.objects.get()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in {ReportState.DONE, ReportState.FAILED}:
            break
        time.sleep(1)
    assert job.state == ReportState.DONE, (job.state, job.error, (cluster["logs"] / "worker.log").read_text()[-3000:])

    on_a = on_b.on(node_a.url)
    pdf = on_a.get(f"/reports/{job.pk}/download/pdf/")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert pdf.content == bucket_objects(cluster["s3"])[job.pdf.name]
    xlsx = on_a.get(f"/reports/{job.pk}/download/xlsx/")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"

    for node in (node_a, node_b):
        intruder = Browser(node.url, outsider.username, PASSWORD)
        assert intruder.get(f"/reports/{job.pk}/download/pdf/").status_code == 404


def test_a_referral_letter_made_on_one_node_downloads_from_the_other(cluster, coordinator, outsider):
    node_a, node_b = cluster["web"]("a"), cluster["web"]("b")
    referral = make_referral(coordinator=coordinator, state=ReferralState.DRAFT)

    on_a = Browser(node_a.url, coordinator.username, PASSWORD)
    first = on_a.get(f"/memorandum/referrals/{referral.pk}/letter.pdf")
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    referral.refresh_from_db()
    assert referral.letter.name in bucket_objects(cluster["s3"])

    again = on_a.on(node_b.url).get(f"/memorandum/referrals/{referral.pk}/letter.pdf")
    assert again.status_code == 200 and again.content.startswith(b"%PDF")

    for node in (node_a, node_b):
        intruder = Browser(node.url, outsider.username, PASSWORD)
        assert intruder.get(f"/memorandum/referrals/{referral.pk}/letter.pdf").status_code == 404


def test_killing_a_node_mid_run_loses_no_saved_follow_up(cluster, lawyer, office_a):
    """200 requests shared by two nodes; node A dies half-way; the balancer retries its requests on B."""
    from cases.models import FollowUp
    from tests.cases.factories import CaseFactory

    node_a, node_b = cluster["web"]("a"), cluster["web"]("b")
    case = CaseFactory(lead=lawyer, client=make_client(office_a))
    on_a = Browser(node_a.url, lawyer.username, PASSWORD)
    on_b = on_a.on(node_b.url)
    nodes = [on_a, on_b]
    confirmed: list[str] = []
    for number in range(200):
        if number == 100:
            node_a.stop(signal.SIGKILL)
            nodes = [on_b]
        title = f"Call the employer #{number}"
        for attempt, node in enumerate(nodes * 2):
            try:
                if number % 2:
                    response = node.get(f"/cases/{case.pk}/")
                else:
                    response = node.post(
                        f"/cases/{case.pk}/follow-ups/new/",
                        {"title": title, "due_on": "2026-12-20", "assigned_to": lawyer.pk},
                        form_page=f"/cases/{case.pk}/",
                        allow_redirects=False,
                    )
            except requests.ConnectionError:
                continue  # the balancer tries the next node
            # A page answers 200; a saved follow-up redirects (a form error would answer 200 and save nothing).
            assert response.status_code == (200 if number % 2 else 302), (number, attempt, response.status_code)
            if number % 2 == 0:
                confirmed.append(title)
            break
        else:
            pytest.fail(f"request {number} reached no node")
    saved = list(FollowUp.objects.filter(case=case).values_list("title", flat=True))
    assert len(confirmed) == 100
    assert sorted(saved) == sorted(confirmed)
