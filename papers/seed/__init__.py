"""The texts the papers are seeded with, one module per language (data, not UI strings).

Every seeded text starts unreviewed: nobody has confirmed it as a native speaker yet.
Export papers exist only in the staff languages (ru, kk, en): for other languages the
data export is printed in Russian, which the issue allows.
"""

from importlib import import_module

LANGUAGES = ("ru", "kk", "uz", "ky", "tg", "en")


def seed_texts(language: str) -> dict:
    """{kind: (title, body)} for one language, LABELS as 'key: text' lines."""
    module = import_module(f"papers.seed.{language}")
    texts = {"consent": module.CONSENT, "rights": module.RIGHTS, "slip": module.SLIP}
    if hasattr(module, "EXPORT"):
        texts["export"] = module.EXPORT
    texts["labels"] = ("", "\n".join(f"{key}: {text}" for key, text in module.LABELS.items()))
    return texts
