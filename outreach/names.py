"""Does a short note look like it names a person? A cautious guess for the quick-contact form.

Quick contacts must stay anonymous. The check warns (the user may confirm) when the note holds
two capitalised words in a row, a Russian/Kazakh/Central Asian family-name or patronymic ending,
or words such as "зовут"/"name is".
"""

import re

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Endings of family names and patronymics in Russian, Kazakh, Uzbek, Kyrgyz and Tajik usage.
NAME_ENDINGS = re.compile(
    r"(ов|ова|ев|ева|ин|ина|ский|ская|енко|швили|ович|овна|евич|евна|ична|улы|уулу|кызы|қызы|"
    r"ov|ova|ev|eva|yev|yeva|uly|ulu|kyzy|qizi|zoda|zade|bekov|bekova)$",
    re.IGNORECASE,
)
CUES = re.compile(r"\b(зовут|имя|фамилия|есімі|аты|по имени|name is|named)\b", re.IGNORECASE)
# Common capitalised words of a note that are not names (places, agencies, languages).
NOT_NAMES = {
    "алматы",
    "астана",
    "шымкент",
    "казахстан",
    "узбекистан",
    "кыргызстан",
    "таджикистан",
    "россия",
    "мвд",
    "нпо",
    "whatsapp",
    "telegram",
    "almaty",
    "astana",
    "shymkent",
    "kazakhstan",
    "uzbekistan",
}


def looks_like_a_name(note: str) -> bool:
    if CUES.search(note):
        return True
    words = WORD.findall(note)
    capitalised_run = 0
    for index, word in enumerate(words):
        lower = word.lower()
        capitalised = word[:1].isupper() and not word.isupper() and lower not in NOT_NAMES
        # A first word is capitalised anyway; only Latin-script first words (rare in notes) are suspect.
        if capitalised and len(word) > 3 and NAME_ENDINGS.search(lower) and (index > 0 or word.isascii()):
            return True
        capitalised_run = capitalised_run + 1 if capitalised else 0
        if capitalised_run >= 2:
            return True
    return False
