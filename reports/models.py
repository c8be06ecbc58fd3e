"""A funder report request and its generated files.

The row is the state of the job (pretix's CachedFile idea): the Celery task
only carries the id, claims the row, reports progress on it and attaches the
files, so a page can poll it and a lost broker message loses nothing.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
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
    language = models.CharField(_("report language"), max_length=5, choices=REPORT_LANGUAGES, default="en")
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
    def is_finished(self) -> bool:
        return self.state in (ReportState.DONE, ReportState.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker stopped renewing the lease: it died and its message was lost."""
        return self.state == ReportState.RUNNING and self.lease_until is not None and self.lease_until < timezone.now()

    @property
    def has_files(self) -> bool:
        return self.state == ReportState.DONE and not self.files_deleted and bool(self.pdf)
