"""Outgoing mail as rows: a saved request never waits for, or fails because of, the mail server."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingMail(models.Model):
    """One e-mail to one address. The body holds no client names (codes and links only)."""

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    # Who or what asked for it (e.g. "referral:42"), so a page can show the mail's state.
    tag = models.CharField(_("tag"), max_length=80, blank=True, db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=MailState.choices, default=MailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="notices_mail_due")]

    def __str__(self) -> str:
        return f"mail #{self.pk} ({self.state})"


class Delivery(models.TextChoices):
    """How a user wants one kind of notice: in the app only, by e-mail at once, or in a daily digest."""

    APP = "app", _("In the app only")
    IMMEDIATE = "immediate", _("E-mail at once")
    DIGEST = "digest", _("Daily e-mail digest")


class Notice(models.Model):
    """An in-app notice to one staff member, stored as message ids and parameters, not as finished text.

    Each line is ``{"m": msgid, "c": context, "p": params, "at": iso time}`` and is rendered in the
    reader's language when shown or mailed (``notices.rendering``). Notices about one subject (a case)
    that follow each other within ``NOTICE_GROUP_MINUTES`` are lines of one notice, not many notices.
    The text never holds a client's name: case numbers and client codes only.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=40)
    # What it is about, e.g. "case:42": the grouping key.
    subject = models.CharField(_("subject"), max_length=60, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    lines = models.JSONField(_("lines"), default=list)
    count = models.PositiveIntegerField(_("number of updates"), default=1)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    # How many lines went out by e-mail (at once or in a digest).
    mailed_count = models.PositiveIntegerField(default=0)
    mail_due_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notices_notice_unread"),
            models.Index(fields=["recipient", "subject", "updated_at"], name="notices_notice_group"),
        ]

    def __str__(self) -> str:
        return f"notice #{self.pk} ({self.kind})"

    @property
    def text(self) -> str:
        """The latest line, in the active language."""
        from notices.rendering import render_line

        return render_line(self.lines[-1]) if self.lines else ""

    @property
    def texts(self) -> list[str]:
        from notices.rendering import render_line

        return [render_line(line) for line in self.lines]


class NoticePreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=40)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_once")]
        verbose_name = _("notice preference")
        verbose_name_plural = _("notice preferences")

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"
