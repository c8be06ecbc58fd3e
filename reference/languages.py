"""The product's interface languages: one list for settings, users' preferences, the switcher and reports.

Kept free of models so that the settings module can import it.
"""

from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = "ru"

# (code, name in the interface language): Django's LANGUAGES.
INTERFACE_LANGUAGES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
]

# Each language by its own name, as a language menu shows it whatever the page's language.
AUTONYMS = {"ru": "Русский", "kk": "Қазақша", "en": "English"}

# (code, own name): the choices of a user's interface language and of a report's language.
LANGUAGE_CHOICES = [(code, AUTONYMS[code]) for code, _name in INTERFACE_LANGUAGES]
