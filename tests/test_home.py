"""After logging in, each role sees a greeting, its office and only the sections it may open."""

import dataclasses
import re

import pytest
from django.urls import reverse

from ariptes import navigation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")


@pytest.fixture(autouse=True)
def every_section_served(monkeypatch):
    # The sections' apps are built in parallel; point every section at a page that
    # exists so these stories test who sees what, whatever app is finished.
    served = [dataclasses.replace(s, url_name="home") for s in navigation.SECTIONS]
    monkeypatch.setattr(navigation, "SECTIONS", served)


def sections_on(html: str) -> dict[str, set[str]]:
    nav, _, main = html.partition('id="main"')
    return {
        "nav": set(re.findall(r'data-section="([\w-]+)"', nav)),
        "home": set(re.findall(r'data-section="([\w-]+)"', main)),
    }


def test_it_greets_the_lawyer_and_names_her_office_and_profession(as_lawyer, lawyer):
    response = as_lawyer.get(HOME, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Айгерим" in re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    office = re.search(r'data-testid="user-office">(.*?)</span>', html, re.S).group(1)
    assert "Алматинский офис" in office


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("as_lawyer", {"clients", "cases", "memorandum", "outreach"}),
        ("as_psychologist", {"clients", "cases", "memorandum", "outreach"}),
        ("as_outsider", {"clients", "cases", "memorandum", "outreach"}),
        ("as_coordinator", {"clients", "cases", "referrals", "memorandum", "outreach"}),
        ("as_manager", {"clients", "cases", "referrals", "memorandum", "outreach", "reports"}),
    ],
)
def test_it_shows_each_role_only_the_sections_it_may_open(request, who, expected):
    http = request.getfixturevalue(who)

    shown = sections_on(http.get(HOME).content.decode())

    assert shown["home"] == expected
    assert shown["nav"] == expected


def test_it_hides_reports_from_caseworkers_and_coordinators(as_lawyer, as_coordinator):
    for http in (as_lawyer, as_coordinator):
        assert "reports" not in sections_on(http.get(HOME).content.decode())["nav"]


def test_it_shows_the_administration_link_to_superusers_only(client, as_manager, office_a):
    admin = UserFactory(username="admin", office=None, role="administrator", is_staff=True, is_superuser=True)
    client.force_login(admin)

    assert "admin" in sections_on(client.get(HOME).content.decode())["nav"]
    assert "admin" not in sections_on(as_manager.get(HOME).content.decode())["nav"]


def test_it_says_all_offices_for_an_administrator_without_an_office(client, office_a):
    admin = UserFactory(username="admin", office=None, role="administrator", is_superuser=True, is_staff=True)
    client.force_login(admin)

    html = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert re.search(r'data-testid="user-office">.*?All offices', html, re.S)


def test_it_marks_the_section_of_the_current_page_in_the_navigation(rf, manager):
    request = rf.get("/memorandum/referrals/12/")
    request.user = manager

    active = [s["key"] for s in navigation.navigation(request)["nav_sections"] if s.get("active")]

    assert active == ["referrals"]


def test_it_remembers_the_language_the_lawyer_switches_to(as_lawyer, lawyer):
    response = as_lawyer.post(reverse("accounts:language"), {"language": "kk", "next": HOME})

    assert response.status_code == 302
    assert response.url == HOME
    assert response.cookies["ariptes_language"].value == "kk"
    lawyer.refresh_from_db()
    assert lawyer.language == "kk"
    assert as_lawyer.get(HOME).headers["Content-Language"] == "kk"


def test_it_ignores_an_unknown_language(as_lawyer, lawyer):
    response = as_lawyer.post(reverse("accounts:language"), {"language": "xx", "next": HOME})

    assert response.status_code == 302
    assert "ariptes_language" not in response.cookies
    lawyer.refresh_from_db()
    assert lawyer.language == "ru"


def test_it_lets_a_visitor_switch_the_login_page_language(client):
    response = client.post(reverse("accounts:language"), {"language": "en", "next": reverse("accounts:login")})

    assert response.cookies["ariptes_language"].value == "en"
    page = client.get(reverse("accounts:login"))
    assert page.headers["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()


def test_it_shows_russian_by_default(client, russian_default):
    page = client.get(reverse("accounts:login"))

    assert '<html lang="ru">' in page.content.decode()


def test_it_writes_dates_the_kazakh_way_in_kazakh():
    from datetime import date

    from django.utils import formats, translation

    with translation.override("kk"):
        assert formats.date_format(date(2026, 11, 25), "SHORT_DATE_FORMAT") == "25.11.2026"
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d.%m.%Y"
