"""Reference rows shown on every page are read once per process and reloaded after any change."""

import pytest

from reference import cached
from reference.models import Language

pytestmark = pytest.mark.django_db


def test_it_reads_the_languages_once_and_again_after_one_changes(django_assert_num_queries):
    with django_assert_num_queries(1):
        first = cached.active(Language)
    with django_assert_num_queries(0):
        assert cached.active(Language) == first

    Language.objects.create(code="zz", name_ru="Тестовый", name_kk="Тест тілі", name_en="Testish")

    with django_assert_num_queries(1):
        assert "Testish" in [language.name_en for language in cached.active(Language)]


def test_a_retired_language_leaves_the_active_list_but_stays_among_all_rows():
    language = Language.objects.create(code="zy", name_ru="Старый", name_kk="Ескі", name_en="Old")
    assert language in cached.active(Language)

    language.is_active = False
    language.save()

    assert language not in cached.active(Language)
    assert language in cached.rows(Language)
