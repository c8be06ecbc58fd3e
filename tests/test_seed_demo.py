"""`seed_demo` gives a newcomer offices and accounts to try, once, and never on a real server."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import Office, Role, User

pytestmark = pytest.mark.django_db

OUR_APPS = ["reference", "accounts", "clients", "cases", "memorandum", "reports"]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count() for app in OUR_APPS for model in apps.get_app_config(app).get_models()
    }


@pytest.fixture
def demo_server(settings):
    settings.DEBUG = True


def test_it_creates_the_demo_accounts_with_the_password_demo(demo_server):
    call_command("seed_demo", clients=0)  # accounts only: no client records

    assert set(User.objects.values_list("username", flat=True)) >= {
        "lawyer",
        "psychologist",
        "coordinator",
        "manager",
        "admin",
        "outsider",
    }
    lawyer = User.objects.get(username="lawyer")
    assert lawyer.check_password("demo")
    assert (lawyer.office.code, lawyer.role, lawyer.profession) == ("ALA", Role.CASEWORKER, "lawyer")
    assert User.objects.get(username="outsider").office.code == "AST"
    assert User.objects.get(username="admin").is_superuser


def test_it_leaves_one_set_of_demo_data_and_sends_no_e_mail_when_run_twice(demo_server, mailoutbox):
    call_command("seed_demo")
    first = row_counts()
    # Seeding works through the services, which notify staff: demo data must not mail anyone.
    assert mailoutbox == []

    call_command("seed_demo")

    assert row_counts() == first
    assert Office.objects.filter(code="ALA").count() == 1


def test_it_does_not_reset_a_password_someone_changed(demo_server):
    call_command("seed_demo", clients=0)
    lawyer = User.objects.get(username="lawyer")
    lawyer.set_password("Changed-Secret-2026")
    lawyer.save()

    call_command("seed_demo", clients=0)

    lawyer.refresh_from_db()
    assert lawyer.check_password("Changed-Secret-2026")


def test_it_refuses_to_create_demo_passwords_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="allow-demo-passwords"):
        call_command("seed_demo")

    assert not User.objects.filter(username="lawyer").exists()


def test_it_creates_them_with_debug_off_when_explicitly_allowed(settings):
    settings.DEBUG = False

    call_command("seed_demo", allow_demo_passwords=True, clients=0)

    assert User.objects.filter(username="lawyer").exists()
