"""Cases: the help the organisation gives to one client, and everything logged on it.

Writes go through ``cases.services``; reads that depend on the user through
``cases.selectors``. The ``version`` field on Case guards against two people
overwriting each other's edits.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reference.models import TranslatedName
from reference.translation import TranslatedFieldsMixin, translated, translated_columns


class ProblemCategory(TranslatedName):
    """A kind of problem a client brings (editable taxonomy, seeded by a data migration)."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")


class Funder(TranslatedName):
    """Who pays for a project (IOM, OSCE, a ministry, the Almaty akimat); its name is read by funders in ru/kk/en."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")


class Project(TranslatedFieldsMixin, models.Model):
    """A funded project (grant or contract) that cases count toward in funder reports."""

    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="projects", verbose_name=_("funder"))
    name_ru, name_kk, name_en = translated_columns(models.CharField, _("name"), max_length=300)
    code = models.CharField(_("code"), max_length=40, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    name = translated("name")
    translated_fields = ("name",)

    class Meta:
        ordering = ["-starts_on", "code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"


class CaseKind(models.TextChoices):
    LEGAL = "legal", _("Legal")
    PSYCHOLOGICAL = "psychological", _("Psychological")
    BOTH = "both", _("Legal and psychological")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")
    STOPPED_CONTACT = "stopped_contact", _("Client stopped contact")
    REFERRED = "referred", _("Referred elsewhere and closed")


OPEN_STATUSES = (CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.WAITING)
# What closing a case records besides its outcome; the closing form and service share this list.
CLOSING_FACTS = (
    "wages_claimed",
    "wages_recovered",
    "documents_returned",
    "status_regularised",
    "deportation_avoided",
    "return_home_arranged",
)


class Case(models.Model):
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="cases", verbose_name=_("client")
    )
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="cases", verbose_name=_("office")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices, default=CaseKind.LEGAL)
    categories = models.ManyToManyField(ProblemCategory, related_name="cases", verbose_name=_("problem categories"))
    summary = models.TextField(_("summary"), max_length=2000)
    is_urgent = models.BooleanField(
        _("urgent"),
        default=False,
        help_text=_("Detention, violence, imminent expulsion, no money for food or shelter."),
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_cases",
        verbose_name=_("lead caseworker"),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="assigned_cases", blank=True, verbose_name=_("other assigned staff")
    )
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="cases", verbose_name=_("project")
    )
    language = models.ForeignKey(
        "reference.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language of the case"),
        help_text=_("The language consultations are usually held in."),
    )
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    wages_claimed = models.DecimalField(
        _("wages claimed (KZT)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    wages_recovered = models.DecimalField(
        _("wages recovered (KZT)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    documents_returned = models.BooleanField(_("documents returned"), default=False)
    status_regularised = models.BooleanField(_("status regularised"), default=False)
    deportation_avoided = models.BooleanField(_("deportation avoided"), default=False)
    return_home_arranged = models.BooleanField(_("return home arranged"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["lead", "status"]),
            models.Index(fields=["opened_on"]),
            # The case list of one office, newest first: its first page is the index's first rows.
            models.Index(fields=["office", "-opened_on", "-id"], name="case_office_opened"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wages_recovered__isnull=True) | models.Q(wages_recovered__gte=0),
                name="case_wages_recovered_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(wages_claimed__isnull=True) | models.Q(wages_claimed__gte=0),
                name="case_wages_claimed_not_negative",
            ),
        ]

    def __str__(self) -> str:
        # Never the client's name: this ends up in audit entries and e-mails.
        return f"#{self.pk}"

    @property
    def number(self) -> str:
        return f"#{self.pk}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class CaseEvent(models.Model):
    """A dated, attributed change in a case's life: opened, status changed, reassigned."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        STATUS = "status", _("Status changed")
        REOPENED = "reopened", _("Reopened")
        CLOSED = "closed", _("Closed")
        REASSIGNED = "reassigned", _("Reassigned")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_status = models.CharField(
        pgettext_lazy("previous state", "from"), max_length=20, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField(
        pgettext_lazy("new state", "to"), max_length=20, choices=CaseStatus.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    # A reason written by the product rather than typed by a person: rendered in the reader's language.
    reason_key = models.CharField(max_length=60, blank=True, editable=False)
    reason_params = models.JSONField(default=dict, blank=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.case} {self.kind} {self.at:%Y-%m-%d}"

    @property
    def reason_text(self) -> str:
        """The reason in the active language: a registered key with its parameters, else the typed text."""
        from cases.event_reasons import render_reason

        if self.reason_key:
            return render_reason(self.reason_key, self.reason_params) or self.reason
        return self.reason


class ConsultationKind(models.TextChoices):
    LEGAL = "legal", _("Legal consultation")
    PSYCHOLOGICAL = "psychological", _("Psychological session")
    DRAFTING = "drafting", _("Document drafting")
    ACCOMPANIMENT = "accompaniment", _("Accompaniment to an authority or court")
    GROUP = "group", _("Group session")
    FOLLOW_UP_CALL = "follow_up_call", _("Follow-up call")


class ConsultationMode(models.TextChoices):
    OFFICE = "office", _("Office")
    OUTREACH = "outreach", _("Outreach point")
    PHONE = "phone", _("Phone")
    MESSENGER = "messenger", _("Messenger or video")


class Consultation(models.Model):
    """One contact with the client."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("case"))
    started_at = models.DateTimeField(_("date and time"), default=timezone.now)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=30)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("given by")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConsultationKind.choices, default=ConsultationKind.LEGAL)
    mode = models.CharField(_("mode"), max_length=20, choices=ConsultationMode.choices, default=ConsultationMode.OFFICE)
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("The office or an outreach point."))
    language = models.ForeignKey(
        "reference.Language", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("language used"),
    )  # fmt: skip
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    summary = models.TextField(_("summary"), max_length=4000)
    next_steps = models.TextField(_("next steps"), max_length=2000, blank=True)
    psych_notes = models.TextField(
        _("psychological notes"),
        blank=True,
        help_text=_("Only the psychologists of the case and managers can read these notes."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        indexes = [
            models.Index(fields=["case", "started_at"]),
            models.Index(fields=["given_by", "started_at"]),
            models.Index(fields=["started_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.started_at:%Y-%m-%d %H:%M}"


class FollowUp(models.Model):
    """A follow-up task on a case: what, who, by when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("case"))
    title = models.CharField(_("what"), max_length=300)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("who")
    )
    due_on = models.DateField(_("due on"))
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["done", "due_on", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [models.Index(fields=["assigned_to", "done", "due_on"])]

    def __str__(self) -> str:
        return f"{self.case} {self.due_on}"

    @property
    def is_overdue(self) -> bool:
        return not self.done and self.due_on < timezone.localdate()

    @property
    def is_due_today(self) -> bool:
        return not self.done and self.due_on == timezone.localdate()
