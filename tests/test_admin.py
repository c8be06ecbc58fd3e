"""The Django admin (offices, staff, reference data) is open to superusers only."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/admin/",
    "/admin/accounts/office/",
    "/admin/accounts/user/",
    "/admin/accounts/user/add/",
    "/admin/reference/region/",
    "/admin/reference/country/",
    "/admin/reference/language/",
]


@pytest.fixture
def as_superuser(client, office_a):
    admin = UserFactory(username="admin", office=None, role="administrator", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_it_opens_the_admin_pages_to_a_superuser(as_superuser, url):
    assert as_superuser.get(url).status_code == 200


@pytest.mark.parametrize("who", ["as_lawyer", "as_coordinator", "as_manager"])
def test_it_sends_everyone_else_to_the_admin_login(request, who):
    http = request.getfixturevalue(who)

    response = http.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_it_lets_a_superuser_give_a_new_caseworker_an_office_and_a_profession(as_superuser, office_a):
    from accounts.models import User

    response = as_superuser.post(
        "/admin/accounts/user/add/",
        {
            "username": "socialworker",
            "password1": "Shymbulak-2026!",
            "password2": "Shymbulak-2026!",
            "usable_password": "true",
            "office": office_a.pk,
            "role": "caseworker",
            "profession": "social_worker",
            "language": "kk",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="socialworker")
    assert (user.office, user.profession, user.language) == (office_a, "social_worker", "kk")
