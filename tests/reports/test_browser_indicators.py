"""The manager's story of issue 9, in Chromium.

She registers the akimat's project with two indicators and their targets, asks for a funder report in
English for the quarter that is still running, watches it being built, and opens the PDF: its title
says the quarter is cut at today, the indicator table shows the percentages, no Russian word is left
in it, and the hidden cells carry their marks with the legend under the table.
"""

import datetime as dt
import io
import re

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone
from pypdf import PdfReader

from cases.models import CaseKind, ConsultationKind, ConsultationMode, Funder
from reports.models import Indicator
from reports.periods import quarter_of
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.reports.factories import consult, make_case, make_client

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def _work_this_quarter(office, lawyer):
    """Seven women and two men served since the quarter began (the men: a small number to hide)."""
    today = timezone.localdate()
    start = quarter_of(today).start
    day = min(start + dt.timedelta(days=3), today)
    cases = []
    for index in range(9):
        client = make_client(office, sex="female" if index < 7 else "male", birth_year=1990, country="uz")
        case = make_case(client, office, kind=CaseKind.LEGAL, opened=day.isoformat(), category="housing", lead=lawyer)
        consult(
            case, day=day.isoformat(), kind=ConsultationKind.LEGAL, mode=ConsultationMode.OFFICE, minutes=50, by=lawyer
        )
        cases.append(case)
    return cases


def test_the_manager_defines_indicators_and_reads_them_in_a_funder_report_of_the_running_quarter(
    page, redis_app, manager, office_a, lawyer
):
    akimat = Funder.objects.create(
        code="akimat-almaty", name_ru="Акимат города Алматы", name_kk="Алматы қаласының әкімдігі",
        name_en="Akimat of Almaty",
    )  # fmt: skip
    today = timezone.localdate()
    quarter = quarter_of(today)
    number = (quarter.start.month - 1) // 3 + 1
    cases = _work_this_quarter(office_a, lawyer)

    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/")
    page.goto("/reports/")
    page.click("[data-testid=projects-link]")
    page.click("[data-testid=new-project]")
    page.select_option("#id_funder", str(akimat.pk))
    page.fill("#id_code", "AK-ALA-1")
    page.fill("#id_name_ru", "Консультационный пункт для мигрантов")
    page.fill("#id_name_kk", "Мигранттарға арналған кеңес беру пункті")
    page.fill("#id_name_en", "Advice point for migrants")
    page.fill("#id_starts_on", f"{today.year}-01-01")
    page.fill("#id_ends_on", f"{today.year}-12-31")
    page.click("[data-testid=project-form] button[type=submit]")
    page.wait_for_url(re.compile(r".*/reports/projects/\d+/$"))

    for code, ru, en, metric, sex, whole in (
        ("1", "Обслужено мигрантов", "Migrants served", "clients_served", "", "100"),
        ("2", "Обслужено женщин", "Women served", "clients_served", "female", "40"),
    ):
        form = page.locator("[data-testid=indicator-form]")
        form.locator("#id_code").fill(code)
        form.locator("#id_name_ru").fill(ru)
        form.locator("#id_name_en").fill(en)
        form.locator("#id_metric").select_option(metric)
        if sex:
            form.locator("#id_sex").select_option(sex)
        form.locator("#id_project_target").fill(whole)
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"[data-testid='indicator-{code}']")
    for code, value in (("1", "20"), ("2", "10")):
        form = page.locator("[data-testid=target-form]")
        form.locator("#id_indicator").select_option(str(Indicator.objects.get(code=code).pk))
        form.locator("#id_period").select_option("quarter")
        form.locator("#id_year").fill(str(today.year))
        form.locator("#id_quarter").select_option(str(number))
        form.locator("#id_value").fill(value)
        form.locator("button[type=submit]").click()
        page.wait_for_selector(".alert-success")
    # The cases become the project's: the live page counts them at once.
    from cases.models import Case, Project

    project = Project.objects.get(code="AK-ALA-1")
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(project=project)
    page.reload()
    row = page.locator("[data-testid='indicator-1']")
    assert "9 / 20" in row.inner_text() and "45" in row.inner_text()
    assert page.locator("[data-testid='indicator-2'] .progress-bar").count() == 2
    page.screenshot(path="/tmp/reports-project-page.png", full_page=True)

    page.goto("/reports/")
    page.select_option("#id_project", str(project.pk))
    page.select_option("#id_quarter", f"{quarter.start.year}Q{number}")
    page.select_option("#id_language", "en")
    assert page.locator("#id_audience").input_value() == "funder"
    page.click("[data-testid=generate]")
    page.wait_for_url("**/reports/*/")
    assert page.locator("[data-testid=report-progress]").get_attribute("data-state") == "pending"
    # The page speaks the manager's interface language (the report's language is English).
    assert page.locator("[data-testid=audience]").inner_text().split(":")[0] in {"Funder", "Спонсор"}
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20, queues=["pdf"]):
        page.wait_for_selector("[data-testid=report-progress][data-state=done]", timeout=120_000)
    href = page.locator("[data-testid=download-pdf]").get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.status == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)

    assert "Report to Akimat of Almaty" in text
    assert "Advice point for migrants (AK-ALA-1)" in text
    if today < quarter.end:
        assert f"{quarter.start.year} Q{number} to {today:%d.%m.%Y}" in text
        assert "The period has not ended" in text
    flat = text.replace("\u202f", " ")
    assert re.search(r"Migrants served\s+0\s+20\s+9\s+45 %", flat), flat[:2000]
    assert re.search(r"Women served\s+0\s+10\s+7\s+70 %", flat)
    assert not CYRILLIC.search(text), CYRILLIC.findall(text)[:20]
    # Two men: "<5"; the seven women beside them: hidden too, with their own mark; the legend says so.
    by_sex = " ".join(text[text.rindex("Clients by sex") :].split())
    assert "Female × " in by_sex and "Male <5 " in by_sex
    assert "<5 — a count from 1 to 4; × — hidden so that a small count cannot be worked out from the totals" in by_sex
