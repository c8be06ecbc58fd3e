"""Two-factor login: enrolment with a locally drawn QR code, codes from the app, backup codes, recovery."""

import re
import time

import pyotp
import pytest
from auditlog.models import LogEntry
from django.test import Client as HttpClient
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import two_factor_reset
from tests.conftest import PASSWORD
from tests.factories import UserFactory

SETUP = reverse("accounts:two-factor-setup")
VERIFY = reverse("accounts:two-factor-verify")


@pytest.fixture
def production_roles(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["manager", "administrator"]
    settings.TWO_FACTOR_ADMIN = True


def _log_in(username):
    http = HttpClient()
    http.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    return http


def _enrol(http) -> tuple[str, list[str]]:
    page = http.get(SETUP).content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
    assert "data:image/svg+xml;base64," in page  # the QR code is drawn here
    codes_page = http.post(SETUP, {"code": pyotp.TOTP(secret).now()}).content.decode()
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", codes_page)
    return secret, codes


def test_a_manager_cannot_reach_any_page_without_a_second_factor(production_roles, manager):
    http = _log_in("manager")
    response = http.get(reverse("clients:list"))
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_enrolment_then_every_login_asks_for_a_code(production_roles, manager):
    http = _log_in("manager")
    secret, codes = _enrol(http)
    assert len(codes) == 10
    assert http.get(reverse("clients:list")).status_code == 200

    again = _log_in("manager")
    assert again.get(reverse("clients:list")).url.startswith(VERIFY)
    assert again.post(VERIFY, {"code": "000000"}).status_code == 200
    time.sleep(1.1)  # django-otp throttles: after a wrong code the next one waits a second
    # A code is used once: the login takes the next time step (the device accepts one step of drift).
    again.post(VERIFY, {"code": pyotp.TOTP(secret).at(time.time() + 30)})
    assert again.get(reverse("clients:list")).status_code == 200


def test_a_backup_code_works_once(production_roles, manager):
    _secret, codes = _enrol(_log_in("manager"))
    first = _log_in("manager")
    first.post(VERIFY, {"code": codes[0]})
    assert first.get(reverse("clients:list")).status_code == 200
    second = _log_in("manager")
    second.post(VERIFY, {"code": codes[0]})
    assert second.get(reverse("clients:list")).status_code == 302


def test_a_caseworker_is_not_asked_unless_the_office_requires_it(production_roles, lawyer, office_a):
    assert _log_in("lawyer").get(reverse("clients:list")).status_code == 200
    office_a.requires_two_factor = True
    office_a.save()
    assert _log_in("lawyer").get(reverse("clients:list")).url.startswith(SETUP)


def test_the_demo_leaves_it_optional(settings, manager):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    settings.TWO_FACTOR_ADMIN = False
    assert _log_in("manager").get(reverse("clients:list")).status_code == 200


def test_the_admin_site_needs_a_second_factor(production_roles, db):
    UserFactory(username="root", office=None, role="administrator", is_staff=True, is_superuser=True)
    assert _log_in("root").get("/admin/").url.startswith(SETUP)


def test_an_administrator_resets_a_lost_device_and_it_is_audited(production_roles, manager, db):
    admin = UserFactory(username="root", office=None, role="administrator", is_staff=True, is_superuser=True)
    _enrol(_log_in("manager"))
    assert TOTPDevice.objects.filter(user=manager).exists()
    two_factor_reset(user=manager, actor=admin)
    assert not TOTPDevice.objects.filter(user=manager).exists()
    entry = LogEntry.objects.get_for_object(manager).get(actor=admin)
    assert entry.additional_data == {"access": "two-factor reset"}
    assert _log_in("manager").get(reverse("clients:list")).url.startswith(SETUP)


def test_the_production_default_is_managers_and_administrators():
    import sys

    from tests.processes import production_env, run

    code = "import django; django.setup(); from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_ROLES)"
    env = {**production_env(), "DJANGO_SETTINGS_MODULE": "ariptes.settings"}
    result = run([sys.executable, "-c", code], env=env)
    assert "['manager', 'administrator']" in result.stdout, result.stderr
