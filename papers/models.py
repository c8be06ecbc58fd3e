"""The texts of the papers printed for clients, one row per kind and language, edited in the admin."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PaperLanguage(models.TextChoices):
    """The languages clients read papers in. Labels are each language's own name for itself."""

    RUSSIAN = "ru", "Русский"
    KAZAKH = "kk", "Қазақша"
    UZBEK = "uz", "Oʻzbekcha"
    KYRGYZ = "ky", "Кыргызча"
    TAJIK = "tg", "Тоҷикӣ"
    ENGLISH = "en", "English"


class PaperKind(models.TextChoices):
    CONSENT = "consent", _("Consent form and privacy notice")
    RIGHTS = "rights", _("Your rights in Kazakhstan as a labour migrant")
    SLIP = "slip", _("Referral slip")
    EXPORT = "export", _("Your data in plain words")
    LABELS = "labels", _("Words printed on the papers (one 'key: text' per line)")


# The values an administrator may write in a text as {{ name }}: strings about the office, never the client.
PLACEHOLDERS = ("organisation", "office_name", "office_address", "office_phone", "office_email")
PLACEHOLDER_RE = re.compile(r"\{\{\s*(.*?)\s*\}\}")


class PaperText(models.Model):
    """A paper's text in one language: a title and a body in a small markup.

    The body: paragraphs separated by an empty line, "# " starts a heading, "- " a list item,
    ``{{ office_phone }}`` and the other PLACEHOLDERS put in the office's details. For the
    LABELS kind the body is one ``key: text`` line per word the papers print.
    """

    kind = models.CharField(_("paper"), max_length=20, choices=PaperKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=PaperLanguage.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("The native speaker who checked this text. Empty: not reviewed yet."),
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["kind", "language"]
        constraints = [models.UniqueConstraint(fields=["kind", "language"], name="paper_text_once_per_language")]
        verbose_name = _("paper text")
        verbose_name_plural = _("paper texts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"

    @property
    def is_reviewed(self) -> bool:
        return bool(self.reviewed_by and self.reviewed_on)

    def clean(self) -> None:
        unknown = sorted(set(PLACEHOLDER_RE.findall(self.body)) - set(PLACEHOLDERS))
        if unknown:
            raise ValidationError(
                {
                    "body": _("Unknown placeholders: %(names)s. Allowed: %(allowed)s.")
                    % {"names": ", ".join(unknown), "allowed": ", ".join(PLACEHOLDERS)}
                }
            )
        if bool(self.reviewed_by) != bool(self.reviewed_on):
            raise ValidationError(_("Give both the reviewer's name and the date of the review, or neither."))
        if self.kind == PaperKind.LABELS:
            bad = [line for line in self.body.splitlines() if line.strip() and ":" not in line]
            if bad:
                raise ValidationError({"body": _("Every line must read 'key: text'.")})
