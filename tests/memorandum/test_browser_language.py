"""The manager switches to English and reads every partner and project name in English."""

import pytest

from cases.models import Project
from demo.seed_cases import _seed_projects
from demo.seed_memorandum import seed_memorandum, seed_partners
from memorandum.models import Partner
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_manager_switches_to_english_and_reads_partners_and_projects_in_english(page, manager):
    seed_memorandum(seed_partners())
    _seed_projects()

    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/")
    page.goto("/memorandum/")
    with page.expect_navigation():
        page.select_option("#language-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"

    shown = set(page.locator("[data-testid=partner-name]").all_inner_texts())
    assert shown == {partner.name_en for partner in Partner.objects.all()}
    assert len(shown) == 18
    body = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    assert "Memorandum of cooperation on the problems of migrant workers" in body
    assert "Государственная" not in body and "руководитель" not in body
    page.screenshot(path="/tmp/i18n-memorandum-en.png", full_page=True)

    page.goto("/reports/")
    options = page.locator("select[name=project] option").all_inner_texts()
    for project in Project.objects.all():
        assert any(project.name_en in option for option in options), project.code
    assert not any("Защита" in option or "Правовая" in option for option in options)
    page.goto("/cases/")
    options = page.locator("select[name=project] option").all_inner_texts()
    assert any("Protecting vulnerable labour migrants" in option for option in options)
