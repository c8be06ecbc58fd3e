"""Outreach stories in a real browser.

A coordinator plans a police training, imports the sign-in sheet (a dry run first), records the
tests and who came; a hotline caseworker logs five calls in a row from the keyboard alone and turns
one caller into a client.
"""

import io

import pytest
from django.utils import timezone
from openpyxl import Workbook

from clients.models import Client
from outreach.models import Activity, ActivityStatus, Attendee, QuickContact
from reference.models import Country
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "/tmp/outreach-{}.png"


def _sheet(tmp_path) -> str:
    book = Workbook()
    sheet = book.active
    sheet.append(["ФИО", "Ведомство", "Должность", "Пол", "До", "После"])
    sheet.append(["Сериков Ерлан", "Полиция", "участковый инспектор", "м", 40, 75])
    sheet.append(["Жумабаева Алия", "Полиция", "инспектор по делам мигрантов", "ж", 55, 85])
    sheet.append(["Касымов Нурлан", "police", "оперуполномоченный", "м", 35, 60])
    path = tmp_path / "sign-in.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_coordinator_plans_and_records_a_police_training(page, coordinator, office_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    log_in(page, "coordinator", PASSWORD)
    page.wait_for_url("**/")
    page.click("nav a[href='/outreach/']")
    page.wait_for_url("**/outreach/")
    page.click("[data-testid=activity-new]")
    page.select_option("select[name=kind]", "training_officials")
    page.fill("input[name=title]", "Тренинг для участковых о правах мигрантов")
    page.select_option("select[name=audience]", "police")
    page.fill("input[name=starts_on]", timezone.localdate().isoformat())
    page.fill("input[name=duration_hours]", "4")
    page.screenshot(path=SHOTS.format("plan"), full_page=True)
    page.click("[data-testid=activity-save]")
    page.wait_for_url("**/outreach/*/")
    activity = Activity.objects.get()
    assert page.get_attribute("[data-testid=activity-status]", "data-status") == "planned"

    # The sign-in sheet: a dry run first, then the import.
    page.click("[data-testid=attendance-link]")
    page.click("[data-testid=attendance-import]")
    page.set_input_files("input[name=sheet]", _sheet(tmp_path))
    page.click("[data-testid=attendance-upload]")
    page.wait_for_selector("[data-testid=import-ok]")
    assert page.locator("[data-testid=preview-row]").count() == 3
    assert not Attendee.objects.exists()
    page.screenshot(path=SHOTS.format("import-preview"), full_page=True)
    page.click("[data-testid=import-confirm]")
    page.wait_for_selector("[data-testid=attendee-row]")
    assert page.locator("[data-testid=attendee-row]").count() == 3
    assert "прирост 30,0" in page.inner_text("[data-testid=improvement]")  # (35 + 30 + 25) / 3

    # A fourth officer signed late: typed in, with the tests.
    page.fill("#attendee_full_name", "Омаров Руслан")
    page.select_option("#attendee_agency", label="Полиция")
    page.fill("#attendee_pre_score", "50")
    page.fill("#attendee_post_score", "80")
    page.click("[data-testid=attendee-add]")
    page.wait_for_selector("[data-testid=attendee-row] >> nth=3")
    page.screenshot(path=SHOTS.format("attendance"), full_page=True)

    # Who came: 4 officers (3 men, 1 woman), all citizens of Kazakhstan.
    page.goto(f"/outreach/{activity.pk}/held/")
    page.fill("input[name=participants]", "4")
    page.fill("input[name='p_male_25-34']", "2")
    page.fill("input[name='p_male_35-49']", "1")
    page.fill("input[name='p_female_25-34']", "1")
    kz = Country.objects.get(code="kz")
    page.fill(f"input[name=c_{kz.pk}]", "3")
    page.click("[data-testid=held-save]")
    # 3 by citizenship for 4 people: refused, nothing saved.
    page.wait_for_selector("[data-testid=held-errors]")
    page.screenshot(path=SHOTS.format("held-error"), full_page=True)
    assert Activity.objects.get().status == ActivityStatus.PLANNED
    page.fill(f"input[name=c_{kz.pk}]", "4")
    page.fill("textarea[name=results]", "Участковые узнали порядок проверки патентов и куда направлять мигрантов.")
    page.click("[data-testid=held-save]")
    page.wait_for_selector("[data-testid=activity-status][data-status=held]")
    assert page.inner_text("[data-testid=participants]") == "4"
    page.screenshot(path=SHOTS.format("detail"), full_page=True)


def _log_call_from_keyboard(page, note: str, *, citizenship_steps: int) -> None:
    # Focus starts on the channel (phone is chosen); everything else is reached with Tab.
    page.wait_for_function("document.activeElement && document.activeElement.name === 'channel'")
    page.keyboard.press("Tab")  # sex: "not known" is chosen
    page.keyboard.press("ArrowRight")  # female
    page.keyboard.press("Tab")  # age band: "unknown" is chosen
    page.keyboard.press("ArrowLeft")  # 50+
    page.keyboard.press("ArrowLeft")  # 35–49
    page.keyboard.press("Tab")  # citizenship: "not known", then the usual countries first
    for _step in range(citizenship_steps):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # language
    page.keyboard.press("Tab")  # what was done: advice
    page.keyboard.press("Tab")  # problems: the first one
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # note
    page.keyboard.type(note)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=today-count]")


def test_a_caseworker_logs_five_calls_from_the_keyboard_and_turns_one_into_a_client(page, lawyer):
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")
    page.goto("/outreach/contacts/")
    notes = [
        "не платят зарплату два месяца",
        "паспорт у работодателя",
        "спросила про патент",
        "задержали на рынке",
        "нужна справка для школы",
    ]
    uzbekistan = Country.objects.get(code="uz")
    steps = list(Country.objects.filter(is_active=True).values_list("pk", flat=True)).index(uzbekistan.pk) + 1
    for number, note in enumerate(notes, start=1):
        _log_call_from_keyboard(page, note, citizenship_steps=steps)
        page.wait_for_function(f"document.querySelectorAll('[data-testid=contact-row]').length === {number}")
    assert QuickContact.objects.count() == 5
    for contact in QuickContact.objects.all():
        assert (contact.channel, contact.sex, contact.age_band, contact.citizenship) == (
            "phone",
            "female",
            "35-49",
            uzbekistan,
        )
        assert contact.categories.count() == 1
    page.screenshot(path=SHOTS.format("contacts"), full_page=True)

    # A note with a name is caught before saving.
    page.fill("#qc_note", "звонила Каримова Гулнора")
    page.wait_for_selector("[data-testid=name-warning]:not(.d-none)")
    page.screenshot(path=SHOTS.format("name-warning"), full_page=False)
    page.fill("#qc_note", "")

    # The first caller comes to the office: turn her into a client.
    first = QuickContact.objects.order_by("pk").first()
    page.click(f"[data-testid=contact-row]:has-text('{notes[0]}') >> [data-testid=contact-to-client]")
    page.wait_for_url(f"**/outreach/contacts/{first.pk}/client/")
    assert page.is_checked("input[name=sex][value=female]")
    assert page.input_value("#id_citizenship") == str(uzbekistan.pk)
    page.fill("#id_family_name", "Юлдашева")
    page.fill("#id_given_name", "Малика")
    page.check("#id_consent_store_data")
    page.screenshot(path=SHOTS.format("to-client"), full_page=True)
    page.click("[data-testid=save]")
    page.wait_for_url("**/clients/*/")
    client = Client.objects.get(family_name="Юлдашева")
    first.refresh_from_db()
    assert first.client == client
    page.goto("/outreach/contacts/")
    assert page.locator("[data-testid=contact-client]").inner_text() == client.code
