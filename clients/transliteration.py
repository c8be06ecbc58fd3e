"""A search key that makes the spellings of one Central Asian name meet.

Names reach us in Russian Cyrillic, Uzbek/Kazakh/Kyrgyz/Tajik Cyrillic, Uzbek
Latin and ad-hoc passport Latin: Абдуллаев, Abdullaev, Abdullayev, Abdulaev.
``fold`` maps any of them to one lower-case Latin key:

1. Cyrillic letters (with the national ones: ў қ ғ ҳ ң ө ү ұ ә і ҷ ӣ ӯ) become
   plain Latin, Uzbek Latin apostrophe letters (oʻ, gʻ) lose their apostrophe.
2. The usual variants fold together: zh/dzh/dj/j/y/й/ж → i, kh/x/х → h, q → k,
   gh → g, w → v, c → ts, ng → n, word-initial or post-vowel ye/yo → e.
3. Double letters collapse (Abdullaev → abdulaev).

The folding is deliberately lossy: it must make variants equal and leave the
remaining differences (typos) to trigram similarity. Both the stored key and
the query go through the same function.
"""

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Uzbek, Kazakh, Kyrgyz, Tajik
    "ў": "u",
    "қ": "q",
    "ғ": "g",
    "ҳ": "h",
    "ң": "n",
    "ө": "o",
    "ү": "u",
    "ұ": "u",
    "ә": "a",
    "і": "i",
    "һ": "h",
    "ҷ": "j",
    "ӣ": "i",
    "ӯ": "u",
    "ї": "i",
    "є": "e",
    # Turkic Latin letters (Turkmen, Azerbaijani, older Uzbek Latin) that are digraphs elsewhere
    "ş": "sh",
    "ç": "ch",
    "ğ": "g",
    "ı": "i",
}

# Apostrophe-like marks used in Uzbek Latin (oʻ, gʻ) and in careless typing.
_APOSTROPHES = "'`ʻʼ’‘´ʹ"
_UZBEK_APOSTROPHE = re.compile(rf"([og])[{re.escape(_APOSTROPHES)}]")

# Applied in order, on Latin text. Longer patterns first.
_FOLDS = [
    (re.compile(r"shch"), "sh"),
    (re.compile(r"dzh|dj|zh"), "j"),
    (re.compile(r"kh|x"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    # "c" alone is the ts of Polish/German-style passports; keep "ch".
    (re.compile(r"c(?!h)"), "ts"),
    (re.compile(r"ng"), "n"),
    # Yergash/Ергаш, Abdullayev/Абдуллаев, Yoqubov/Ёқубов: a y-glide before e/o
    # at the start of a word or after a vowel is dropped.
    (re.compile(r"(?:^|(?<=[aeiou]))y[eo]"), "e"),
    (re.compile(r"[yj]"), "i"),
]
_DOUBLE = re.compile(r"(.)\1+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _to_latin(text: str) -> str:
    text = text.lower()
    text = _UZBEK_APOSTROPHE.sub(lambda m: "u" if m.group(1) == "o" else "g", text)
    text = "".join(_CYRILLIC.get(char, char) for char in text)
    # ö ü ş ğ ı and other accented Latin letters lose their marks.
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    """The search key of one word (no spaces in the result)."""
    text = _NOT_WORD.sub("", _to_latin(word))
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return _DOUBLE.sub(r"\1", text)


def fold(text: str) -> str:
    """The search key of a text: its folded words separated by single spaces."""
    words = _NOT_WORD.split(_to_latin(text or ""))
    return " ".join(key for key in (fold_word(word) for word in words) if key)


def search_key(*names: str) -> str:
    """The stored key of a person: the distinct folded words of all their name forms."""
    seen: dict[str, None] = {}
    for name in names:
        for word in fold(name).split():
            seen.setdefault(word, None)
    return " ".join(seen)
