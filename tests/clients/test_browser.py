"""A lawyer registers a client in Cyrillic, meets the duplicate warning when the same person
comes back with a Latin spelling, and finds the record by that Latin spelling."""

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.factories import country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_new_client(page, family_name, given_name, uzbekistan_pk):
    page.goto("/clients/new/")
    page.fill("#id_family_name", family_name)
    page.fill("#id_given_name", given_name)
    page.check("input[name=sex][value=female]")
    page.select_option("#id_citizenship", str(uzbekistan_pk))
    page.fill("#id_birth_year", "1992")
    page.check("#id_consent_store_data")


def test_register_meet_the_duplicate_warning_and_find_by_latin_spelling(page, lawyer):
    uzbekistan = country("uz").pk
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")

    _fill_new_client(page, "Тошматова", "Гулнора", uzbekistan)
    page.screenshot(path="/tmp/clients-form.png", full_page=True)
    page.click("[data-testid=save]")
    page.wait_for_url("**/clients/*/")
    code = page.inner_text("[data-testid=client-code]")
    assert "Тошматова" in page.inner_text("[data-testid=client-name]")
    page.screenshot(path="/tmp/clients-page.png", full_page=True)

    # The same woman comes back; the intake worker types her name as in her passport.
    _fill_new_client(page, "Toshmatova", "Gulnora", uzbekistan)
    page.click("[data-testid=save]")
    warning = page.locator("[data-testid=duplicates]")
    warning.wait_for()
    assert code in warning.inner_text()
    assert page.locator("[data-testid=create-anyway]").is_visible()
    page.screenshot(path="/tmp/clients-duplicates.png", full_page=True)
    # She is the same person: open the existing record instead of creating a second one.
    page.goto(page.locator("[data-testid=duplicate-link]").first.get_attribute("href"))
    assert page.inner_text("[data-testid=client-code]") == code

    page.goto("/clients/")
    page.fill("#id_q", "Toshmatova")
    page.click("[data-testid=search]")
    page.wait_for_url("**/clients/?q=Toshmatova**")
    rows = page.locator("[data-testid=client-table] tbody tr[data-client-id]")
    rows.first.wait_for()
    assert rows.count() == 1
    assert code in rows.first.inner_text()
    page.screenshot(path="/tmp/clients-list.png", full_page=True)
