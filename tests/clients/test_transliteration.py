"""The search key makes the spellings of one name meet, and keeps different names apart."""

import pytest

from clients.transliteration import fold, search_key

SAME_PERSON = [
    ("Абдуллаев", "Abdullaev", "Abdullayev", "Abdulaev", "ABDULLAYEV"),
    ("Холматов", "Xolmatov", "Kholmatov", "Holmatov", "Ҳолматов"),
    ("Жамшид", "Jamshid", "Djamshid", "Dzhamshid", "Джамшид", "Zhamshid"),
    ("Юсупов", "Yusupov", "Iusupov"),
    ("Қодиров", "Qodirov", "Kodirov", "Кодиров"),
    ("Ғафуров", "G'afurov", "Gafurov", "Гафуров", "Ghafurov"),
    ("Ёқубов", "Yoqubov", "Екубов"),
    ("Эргашев", "Ergashev", "Yergashev", "Ергашев"),
    ("Мухаммадиев", "Muhammadiyev", "Mukhammadiev", "Muhammadiev"),
    ("Нуриддинов", "Nuriddinov", "Nuridinov"),
    ("Тўйчиев", "To'ychiyev", "To‘ychiev", "Туйчиев", "Tuychiev"),
    ("Ўғли", "O'g'li", "ugli", "Угли"),
    ("Цой", "Tsoy", "Coi"),
    ("Мамытов", "Mamytov", "Mamitov"),
    ("Шукуров", "Shukurov", "Şukurov"),
    ("Оңғаров", "Ongarov", "Онгаров"),
    ("Өмүрбеков", "Omurbekov", "Өмурбеков", "Ömürbekov"),
    ("Ұлан", "Ulan", "Улан"),
    ("Әлиев", "Aliev", "Aliyev", "Алиев"),
    ("Ілияс", "Ilyas", "Ильяс", "Iliyas"),
    ("Ҷалилов", "Jalilov", "Джалилов", "Dzhalilov"),
    ("Ширин", "Shirin", "Shiriin"),
    ("Чолпон", "Cholpon", "Чолпон"),
    ("Фёдоров", "Федоров", "Fedorov"),
]


@pytest.mark.parametrize("spellings", SAME_PERSON, ids=lambda spellings: spellings[1])
def test_it_folds_every_spelling_of_a_name_to_one_key(spellings):
    keys = {fold(spelling) for spelling in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(fold, spellings), strict=True))


@pytest.mark.parametrize(
    ("first", "second"),
    [("Абдуллаев", "Абдурахманов"), ("Karimov", "Kurbanov"), ("Рустам", "Руслан"), ("Азиз", "Аюб")],
)
def test_it_keeps_different_names_apart(first, second):
    assert fold(first) != fold(second)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Абдуллаев Рустам", "abdulaev rustam"),
        ("  KARIMOVA-Dilnoza  ", "karimova dilnoza"),
        ("O'g'il", "ugil"),
        ("", ""),
        ("123", "123"),
        ("Юлдашев", "iuldashev"),
        ("Шерзод", "sherzod"),
        ("Щукин", "shukin"),
        ("Ҳамроқулов", "hamrokulov"),
    ],
)
def test_it_produces_lower_case_latin_words(text, key):
    assert fold(text) == key


def test_a_stored_key_holds_each_word_of_every_name_form_once():
    assert search_key("Абдуллаев", "Рустам", "", "ABDULLAYEV RUSTAM") == "abdulaev rustam"
    assert search_key("Каримова", "Дильноза", "Рустамовна", "") == "karimova dilnoza rustamovna"
