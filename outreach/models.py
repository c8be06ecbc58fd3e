"""Outreach: information sessions, campaigns, trainings for officials, materials and quick contacts.

Writes go through ``outreach.services``; reads that depend on the user through ``outreach.selectors``.
Counts of people reached are aggregates (sex × age band, citizenship): nobody in the room is named,
except officials on a training's attendance list (``Attendee``), which is personal data of its own:
office-scoped, audited, and erased when the activity is anonymised.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import Sex
from reference.ages import AgeBand
from reference.models import TranslatedName

SCORE_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class OutreachPoint(TranslatedName):
    """Where migrants are met: a market, a construction site, a dormitory... (an editable list)."""

    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Empty: a kind of place found in every region."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("outreach point")
        verbose_name_plural = _("outreach points")


class Agency(TranslatedName):
    """The employer of an official on a training's attendance list (police, migration service...)."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")


class ActivityKind(models.TextChoices):
    INFORMATION_SESSION = "information_session", _("Information session")
    CAMPAIGN = "campaign", _("Information campaign")
    TRAINING_OFFICIALS = "training_officials", _("Training for officials")
    TRAINING_PARTNERS = "training_partners", _("Training for partner, union or NGO staff")
    OTHER = "other", _("Other")


TRAININGS = (ActivityKind.TRAINING_OFFICIALS, ActivityKind.TRAINING_PARTNERS)


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Audience(models.TextChoices):
    MIGRANTS = "migrants", _("Migrants")
    EMPLOYERS = "employers", _("Employers")
    POLICE = "police", _("Police")
    MIGRATION_SERVICE = "migration_service", _("Migration service")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    JUDICIARY = "judiciary", _("Judges and prosecutors")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    PARTNER_STAFF = "partner_staff", _("Union or NGO staff")
    MIXED = "mixed", _("Mixed")


class ReachChannel(models.TextChoices):
    """How a campaign reaches people it never meets; kept apart from people counted in the room."""

    LEAFLETS = "leaflets", _("Leaflets")
    RADIO = "radio", _("Radio")
    SOCIAL_MEDIA = "social_media", _("Social media")
    MESSENGER = "messenger", _("Messenger groups")


class Activity(models.Model):
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="outreach_activities", verbose_name=_("office")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(_("last day"), null=True, blank=True, help_text=_("For activities over several days."))
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    region = models.ForeignKey("reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    point = models.ForeignKey(
        OutreachPoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("outreach point"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("Address or name of the place."))
    languages = models.ManyToManyField(
        "reference.Language", blank=True, related_name="+", verbose_name=_("languages used")
    )
    project = models.ForeignKey(
        "cases.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach_activities",
        verbose_name=_("project"),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="outreach_activities", verbose_name=_("staff")
    )
    partners = models.ManyToManyField(
        "memorandum.Partner",
        blank=True,
        related_name="outreach_activities",
        verbose_name=_("co-organising partners"),
    )
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    description = models.TextField(_("description"), blank=True)
    results = models.TextField(_("results"), blank=True)
    # People counted in the room (held activities); the breakdowns are ParticipantCount and CitizenshipCount.
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    # Aggregate test means, when the scores of each participant were not kept (0–100).
    pre_test_mean = models.DecimalField(
        _("mean pre-test score"), max_digits=5, decimal_places=1, null=True, blank=True, validators=SCORE_VALIDATORS
    )
    post_test_mean = models.DecimalField(
        _("mean post-test score"), max_digits=5, decimal_places=1, null=True, blank=True, validators=SCORE_VALIDATORS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("outreach activity")
        verbose_name_plural = _("outreach activities")
        indexes = [
            models.Index(fields=["office", "-starts_on"], name="outreach_office_starts"),
            models.Index(fields=["status", "starts_on"], name="outreach_status_starts"),
            models.Index(fields=["starts_on"], name="outreach_starts"),
        ]

    def __str__(self) -> str:
        # A title never names a person; still, audit entries and logs carry only the number.
        return f"#{self.pk}"

    @property
    def is_training(self) -> bool:
        return self.kind in TRAININGS

    @property
    def is_planned(self) -> bool:
        return self.status == ActivityStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.status == ActivityStatus.HELD


class ParticipantCount(models.Model):
    """People in the room of a held activity, by sex and age band (reference.ages)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participant_counts")
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "sex", "age_band"], name="outreach_participants_unique")
        ]

    def __str__(self) -> str:
        return f"{self.sex}/{self.age_band}: {self.count}"


class CitizenshipCount(models.Model):
    """People in the room by citizenship; ``country`` empty: citizenship not known."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="citizenship_counts")
    country = models.ForeignKey("reference.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    count = models.PositiveIntegerField(_("count"))

    def __str__(self) -> str:
        return f"{self.country_id}: {self.count}"


class ChannelReach(models.Model):
    """A campaign's estimated reach through one channel (never added to people counted in the room)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="channel_reach")
    channel = models.CharField(_("channel"), max_length=20, choices=ReachChannel.choices)
    estimate = models.PositiveIntegerField(_("estimated reach"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "channel"], name="outreach_reach_unique")]

    def __str__(self) -> str:
        return f"{self.channel}: {self.estimate}"


class Attendee(models.Model):
    """An official on a training's attendance list, with their pre- and post-test scores (0–100)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendees")
    full_name = models.CharField(_("name"), max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="attendees", verbose_name=_("agency"))
    partner = models.ForeignKey(
        "memorandum.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("memorandum partner"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    pre_score = models.DecimalField(
        _("pre-test score"), max_digits=5, decimal_places=1, null=True, blank=True, validators=SCORE_VALIDATORS
    )
    post_score = models.DecimalField(
        _("post-test score"), max_digits=5, decimal_places=1, null=True, blank=True, validators=SCORE_VALIDATORS
    )

    class Meta:
        ordering = ["activity", "pk"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return f"attendee #{self.pk}"

    @property
    def improvement(self) -> Decimal | None:
        if self.pre_score is None or self.post_score is None:
            return None
        return self.post_score - self.pre_score


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("Leaflet")
    BROCHURE = "brochure", _("Brochure")
    POSTER = "poster", _("Poster")
    CARD = "card", _("Hotline card")
    OTHER = "other", _("Other")


class Material(models.Model):
    """A printed (or other) material in one language; names follow the TranslatedName pattern."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    language = models.ForeignKey(
        "reference.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return TranslatedName.name.fget(self)


class MaterialStock(models.Model):
    """How many copies of a material an office holds; handing out lowers it."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+", verbose_name=_("office"))
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="stocks", verbose_name=_("material"))
    quantity = models.IntegerField(_("in stock"), default=0)
    low_threshold = models.PositiveIntegerField(
        _("running low below"), default=100, help_text=_("The stock page warns below this many copies.")
    )

    class Meta:
        ordering = ["office", "material"]
        constraints = [models.UniqueConstraint(fields=["office", "material"], name="outreach_stock_unique")]
        verbose_name = _("material stock")
        verbose_name_plural = _("material stocks")

    def __str__(self) -> str:
        return f"{self.office_id}/{self.material_id}: {self.quantity}"

    @property
    def is_low(self) -> bool:
        return self.quantity < self.low_threshold


class MaterialHandout(models.Model):
    """Copies of a material handed out at an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="handouts")
    material = models.ForeignKey(
        Material, on_delete=models.PROTECT, related_name="handouts", verbose_name=_("material")
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])

    def __str__(self) -> str:
        return f"{self.material_id}: {self.quantity}"


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    IN_PERSON = "in_person", _("In person at an outreach point")


class ContactAction(models.TextChoices):
    ADVICE = "advice", _("Advice given")
    REFERRED = "referred", _("Referred to a partner")
    INVITED = "invited", _("Invited to the office")


class QuickContact(models.Model):
    """A hotline call or a brief advice at an outreach point: no name, no phone, by design."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+", verbose_name=_("office"))
    at = models.DateTimeField(_("date and time"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=20, choices=ContactChannel.choices)
    citizenship = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("citizenship"),
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    language = models.ForeignKey(
        "reference.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language"),
    )
    categories = models.ManyToManyField(
        "cases.ProblemCategory", blank=True, related_name="quick_contacts", verbose_name=_("problems")
    )
    action = models.CharField(_("what was done"), max_length=20, choices=ContactAction.choices)
    point = models.ForeignKey(
        OutreachPoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("outreach point"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("One line, never a name."))
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quick_contacts",
        verbose_name=_("became client"),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("quick contact")
        verbose_name_plural = _("quick contacts")
        indexes = [
            models.Index(fields=["office", "-at"], name="outreach_contact_office_at"),
            models.Index(fields=["at"], name="outreach_contact_at"),
        ]

    def __str__(self) -> str:
        return f"contact #{self.pk}"
