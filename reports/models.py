"""A funder report request and its generated files.

The row is the state of the job (pretix's CachedFile idea): the Celery task
only carries the id, claims the row, reports progress on it and attaches the
files, so a page can poll it and a lost broker message loses nothing.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reference.languages import LANGUAGE_CHOICES


class ReportState(models.TextChoices):
    PENDING = "pending", _("Waiting for a worker")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ReportStage(models.TextChoices):
    QUEUED = "queued", _("Queued")
    COUNTING = "counting", _("Counting")
    CHARTS = "charts", _("Drawing charts")
    PDF = "pdf", _("Writing the PDF")
    XLSX = "xlsx", _("Writing the spreadsheet")
    FINISHED = "finished", _("Finished")


class Audience(models.TextChoices):
    """Who a report is written for, which decides what it hides."""

    FUNDER = "funder", _("Funder: key figures and indicators exact, breakdowns protected")
    PUBLIC = "public", _("Public: every figure protected")
    INTERNAL = "internal", _("Internal: exact everywhere, managers only")


# Reports are written in any interface language.
REPORT_LANGUAGES = LANGUAGE_CHOICES


def report_file_path(job: "ReportJob", filename: str) -> str:
    # One folder per job and a fixed name per kind: a retried task overwrites
    # its own file instead of leaving a second one behind.
    return f"reports/{job.pk}/{filename}"


class ReportJob(models.Model):
    # Parameters
    project = models.ForeignKey(
        "cases.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_jobs",
        verbose_name=_("project"),
        help_text=_("Empty: all work."),
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    offices = models.ManyToManyField(
        "accounts.Office", blank=True, related_name="report_jobs", verbose_name=_("offices"), help_text=_("Empty: all.")
    )
    # A period that had not ended when the report was requested ends on that day; this is the end it will have.
    period_full_end = models.DateField(_("end of the whole period"), null=True, blank=True)
    language = models.CharField(_("report language"), max_length=5, choices=REPORT_LANGUAGES, default="en")
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.FUNDER)
    achievements = models.TextField(_("achievements"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    story = models.TextField(_("anonymised story"), blank=True)

    # Who and when
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="report_jobs", verbose_name=_("requested by")
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)

    # State, written by the task
    state = models.CharField(_("state"), max_length=10, choices=ReportState.choices, default=ReportState.PENDING)
    stage = models.CharField(_("stage"), max_length=10, choices=ReportStage.choices, default=ReportStage.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    error_message = models.CharField(_("error"), max_length=300, blank=True)
    attempt = models.PositiveIntegerField(default=0, help_text="Incremented by every claim; fences stale workers.")
    lease_until = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    counting_seconds = models.FloatField(null=True, blank=True)
    pdf_seconds = models.FloatField(null=True, blank=True)

    # Results: private files, served only by the permission-checked download view
    pdf = models.FileField(_("PDF"), upload_to=report_file_path, max_length=200, blank=True)
    xlsx = models.FileField(_("spreadsheet"), upload_to=report_file_path, max_length=200, blank=True)
    expires_at = models.DateTimeField(_("files expire at"), null=True, blank=True)
    files_deleted = models.BooleanField(_("files deleted"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["state", "expires_at"], name="reports_job_state_expiry")]

    def __str__(self) -> str:
        return f"Report #{self.pk} {self.period_start}–{self.period_end}"

    @property
    def period(self):
        from reports.periods import Period

        return Period(self.period_start, self.period_end, full_end=self.period_full_end)

    @property
    def is_finished(self) -> bool:
        return self.state in (ReportState.DONE, ReportState.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker stopped renewing the lease: it died and its message was lost."""
        return self.state == ReportState.RUNNING and self.lease_until is not None and self.lease_until < timezone.now()

    @property
    def has_files(self) -> bool:
        return self.state == ReportState.DONE and not self.files_deleted and bool(self.pdf)


class TargetPeriod(models.TextChoices):
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")
    PROJECT = "project", _("Life of the project")


class Indicator(models.Model):
    """One line of a project's logframe: a metric from the catalogue, optionally narrowed, with its targets.

    The title has the three columns and the fallback of ``reference.models.TranslatedName``.
    ``filters`` holds the narrowing keys of ``reference.metrics.MetricContext.filters``.
    """

    project = models.ForeignKey(
        "cases.Project", on_delete=models.CASCADE, related_name="indicators", verbose_name=_("project")
    )
    code = models.CharField(_("code"), max_length=20)
    name_ru = models.CharField(_("title (Russian)"), max_length=300)
    name_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    metric = models.CharField(_("metric"), max_length=60)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    ordering = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["ordering", "code", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [models.UniqueConstraint(fields=["project", "code"], name="indicator_code_unique_in_project")]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    @property
    def name(self) -> str:
        language = (get_language() or "ru")[:2]
        return getattr(self, f"name_{language}", "") or self.name_ru or self.name_en


class IndicatorTarget(models.Model):
    """The value an indicator should reach in one quarter, one year, or over the life of the project."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    period = models.CharField(_("period"), max_length=10, choices=TargetPeriod.choices)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["period", "year", "quarter"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "year", "quarter"], name="indicator_target_unique_period"
            ),
            models.UniqueConstraint(
                fields=["indicator"],
                condition=models.Q(period="project"),
                name="indicator_one_project_target",
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="indicator_target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period} {self.year or ''} {self.quarter or ''}"
