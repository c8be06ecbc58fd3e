"""Error pages are translated and never repeat what was asked for (names, search terms)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False


def test_it_shows_a_plain_not_found_page_that_does_not_echo_the_address(production, as_lawyer):
    response = as_lawyer.get("/no-such-page/Tursunova/?q=Tursunova", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Страница не найдена" in html
    assert "Tursunova" not in html


def test_it_shows_a_plain_not_found_page_to_visitors_too(production, client, russian_default):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert 'lang="ru"' in response.content.decode()


def test_it_shows_the_server_error_page_without_touching_the_database(rf, django_assert_num_queries):
    from ariptes.errors import server_error

    request = rf.get("/clients/42/?q=Tursunova")
    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    assert "Tursunova" not in response.content.decode()
