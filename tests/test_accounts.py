"""Staff log in, change and reset their passwords, and log out."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client as HttpClient
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
HOME = reverse("home")


def log_in(http: HttpClient, username: str, password: str = PASSWORD):
    return http.post(LOGIN, {"username": username, "password": password})


def test_it_sends_an_anonymous_visitor_to_the_login_page(client):
    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=/"


def test_it_logs_the_lawyer_in_with_the_right_password(client, lawyer):
    response = log_in(client, "lawyer")

    assert response.status_code == 302
    assert response.url == HOME
    assert client.session[SESSION_KEY] == str(lawyer.pk)
    assert client.get(HOME).status_code == 200


def test_it_refuses_a_wrong_password_with_a_message_and_no_session(client, lawyer):
    response = log_in(client, "lawyer", "not-the-password")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert SESSION_KEY not in client.session


def test_it_logs_the_lawyer_out_with_a_post(as_lawyer):
    response = as_lawyer.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response.url == LOGIN
    assert as_lawyer.get(HOME).status_code == 302


def test_it_lets_the_lawyer_change_her_password(as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": "Kok-Tobe-2026!", "new_password2": "Kok-Tobe-2026!"},
    )

    assert response.status_code == 302
    assert response.url == reverse("accounts:password-change-done")
    lawyer.refresh_from_db()
    assert lawyer.check_password("Kok-Tobe-2026!")
    # The session that changed the password stays valid.
    assert as_lawyer.get(HOME).status_code == 200


def test_it_refuses_a_short_new_password(as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    lawyer.refresh_from_db()
    assert lawyer.check_password(PASSWORD)


def test_it_resets_a_forgotten_password_through_a_mailed_link(client, lawyer, django_capture_on_commit_callbacks):
    # The mail is queued and delivered after commit (issue 15, finding 9).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password-reset"), {"email": lawyer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [lawyer.email]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body).group(1)

    # Django swaps the token for a session-held one and redirects to the form.
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "Medeu-Rink-2026", "new_password2": "Medeu-Rink-2026"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password-reset-complete")
    assert log_in(client, "lawyer", "Medeu-Rink-2026").url == HOME


def test_it_does_not_tell_whether_an_address_has_an_account(client, lawyer):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password-reset-done")
    assert mail.outbox == []


def test_it_applies_the_users_own_language_at_login(client, lawyer):
    lawyer.language = "kk"
    lawyer.save()

    response = log_in(client, "lawyer")

    assert response.cookies["ariptes_language"].value == "kk"
    home = client.get(HOME)
    assert home.headers["Content-Language"] == "kk"
    assert "Сәлеметсіз бе" in home.content.decode()


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [("accounts:password-change", "Change password"), ("accounts:password-reset", "Reset password")],
)
def test_it_titles_each_password_page_by_what_it_does(as_lawyer, url_name, heading):
    html = as_lawyer.get(reverse(url_name)).content.decode()

    assert f'<h1 class="h3 my-3">{heading}</h1>' in html
