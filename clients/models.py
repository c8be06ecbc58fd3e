"""The people the organisation helps.

Every personal field here could hurt the client if it leaked: lists show only
the code, name, sex, birth year and citizenship; ``__str__`` is the code so that
audit entries, admin pages and error reports never carry a name.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reference.models import Country, Language, Region, TranslatedName


class MigrationStatus(TranslatedName):
    """Registered, work permit or patent, EAEU worker, irregular, unknown, other."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("migration status")
        verbose_name_plural = _("migration statuses")


class Vulnerability(TranslatedName):
    """A vulnerability flag; some (trafficking, gender-based violence) restrict who may see the record."""

    restricts_access = models.BooleanField(
        _("restricts access"),
        default=False,
        help_text=_("Records with this flag are visible only to their assigned staff and managers."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("vulnerability")
        verbose_name_plural = _("vulnerabilities")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class DocumentSituation(models.TextChoices):
    HAS_PASSPORT = "has_passport", _("Has passport")
    HELD_BY_EMPLOYER = "held_by_employer", _("Passport held by employer")
    LOST = "lost", _("Passport lost")
    EXPIRED = "expired", _("Passport expired")
    UNKNOWN = "unknown", _("Unknown")


class Sector(models.TextChoices):
    CONSTRUCTION = "construction", _("Construction")
    AGRICULTURE = "agriculture", _("Agriculture")
    MARKETS = "markets", _("Markets and trade")
    DOMESTIC = "domestic", _("Domestic work")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")


class HowFoundUs(models.TextChoices):
    HOTLINE = "hotline", _("Hotline")
    OUTREACH = "outreach", _("Outreach point")
    TRADE_UNION = "trade_union", _("Trade union")
    EMBASSY = "embassy", _("Embassy or consulate")
    LEAFLET = "leaflet", _("Leaflet")
    WEBSITE = "website", _("Website or social media")
    ANOTHER_CLIENT = "another_client", _("Another client")
    PARTNER = "partner", _("Partner referral")
    OTHER = "other", _("Other")


class Messenger(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    IMO = "imo", "imo"
    VIBER = "viber", "Viber"
    OTHER = "other", _("Other")


class Client(models.Model):
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="clients", verbose_name=_("office")
    )
    code = models.CharField(_("client code"), max_length=20, unique=True, editable=False)

    # Identity
    family_name = models.CharField(_("family name"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    latin_name = models.CharField(
        _("name in Latin letters"), max_length=200, blank=True, help_text=_("As written in the passport.")
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, help_text=_("Exact or approximate.")
    )
    citizenship = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("citizenship"))
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("preferred languages"))
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)

    # Contact (phones are ClientPhone rows)
    messenger = models.CharField(_("messenger"), max_length=20, choices=Messenger.choices, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region of stay")
    )
    city = models.CharField(_("city or district"), max_length=100, blank=True)
    address = models.TextField(
        _("exact address"), blank=True, help_text=_("Only if the work needs it. Never shown in lists.")
    )

    # Migration situation
    arrived_on = models.DateField(_("date of arrival in Kazakhstan"), null=True, blank=True)
    migration_status = models.ForeignKey(
        MigrationStatus, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("migration status")
    )
    document_situation = models.CharField(_("documents"), max_length=20, choices=DocumentSituation.choices, blank=True)
    sector = models.CharField(_("sector of work"), max_length=20, choices=Sector.choices, blank=True)
    employer = models.CharField(_("employer"), max_length=200, blank=True)

    vulnerabilities = models.ManyToManyField(
        Vulnerability, blank=True, related_name="clients", verbose_name=_("vulnerabilities")
    )
    is_restricted = models.BooleanField(_("restricted"), default=False, db_index=True, editable=False)
    assigned_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assigned_clients", verbose_name=_("assigned staff")
    )
    found_us_via = models.CharField(_("how they found us"), max_length=20, choices=HowFoundUs.choices, blank=True)

    # Life cycle
    is_anonymised = models.BooleanField(_("anonymised"), default=False, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_records",
        editable=False,
        verbose_name=_("merged into"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(
        pgettext_lazy("date", "created"), default=timezone.now, editable=False, db_index=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # A folded, transliterated key of every name form (clients.transliteration), for search.
    search_key = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        indexes = [models.Index(fields=["office", "-created_at"], name="client_office_created")]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clients:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.family_name, self.given_name, self.patronymic) if part)

    @property
    def age(self) -> int | None:
        if self.birth_year is None:
            return None
        return timezone.localdate().year - self.birth_year


class ClientCodeCounter(models.Model):
    """The last number given in an office and year; locked with SELECT ... FOR UPDATE."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="client_code_counter_unique")]

    def __str__(self) -> str:
        return f"{self.office_id}-{self.year}: {self.last_number}"


class PhoneKind(models.TextChoices):
    KAZAKH = "kz", _("Kazakh number")
    HOME = "home", _("Home-country number")
    OTHER = "other", _("Other")


class ClientPhone(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("phone"), max_length=20, db_index=True, help_text=_("E.164, e.g. +77011234567."))
    kind = models.CharField(_("kind"), max_length=10, choices=PhoneKind.choices, default=PhoneKind.KAZAKH)

    class Meta:
        ordering = ["id"]
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self) -> str:
        return f"{self.client_id}:phone"


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Brother or sister")
    OTHER = "other", _("Other relative")


class Schooling(models.TextChoices):
    SCHOOL = "school", _("Attends school")
    KINDERGARTEN = "kindergarten", _("Attends kindergarten")
    NONE = "none", _("Neither school nor kindergarten")


class FamilyMember(models.Model):
    """An accompanying family member (not a client of their own)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="family_members")
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    schooling = models.CharField(
        _("school or kindergarten"), max_length=20, choices=Schooling.choices, blank=True, help_text=_("For children.")
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("family member")
        verbose_name_plural = _("family members")

    def __str__(self) -> str:
        return f"{self.client_id}:{self.relation}"


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Written")
    VERBAL = "verbal", _("Verbal")
    ELECTRONIC = "electronic", _("Electronic")


class ConsentScope(models.TextChoices):
    STORE_DATA = "store_data", _("Store the data")
    SHARE_PARTNERS = "share_partners", _("Share with partner organisations")
    SHARE_LAW_ENFORCEMENT = "share_law_enforcement", _("Share with law enforcement")
    RESEARCH = "research", _("Use in anonymised research")


# Each scope is also the name of its yes/no column on Consent (``consent.share_partners``).
CONSENT_SCOPES: tuple[ConsentScope, ...] = tuple(ConsentScope)


class Consent(models.Model):
    """A consent given by the client; the newest one decides (and, once withdrawn, allows nothing)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    method = models.CharField(_("how"), max_length=20, choices=ConsentMethod.choices, default=ConsentMethod.VERBAL)
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("language")
    )
    store_data = models.BooleanField(_("store the data"), default=True)
    share_partners = models.BooleanField(_("share with partner organisations"), default=False)
    share_law_enforcement = models.BooleanField(_("share with law enforcement"), default=False)
    research = models.BooleanField(_("use in anonymised research"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.client_id}:consent:{self.given_on}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None

    def scopes(self) -> list[tuple[str, bool]]:
        """(label, granted) for each scope, for display."""
        return [(label, getattr(self, value)) for value, label in ConsentScope.choices]

    def allows(self, scope: str) -> bool:
        return self.is_active and bool(getattr(self, scope, False))


class DocumentKind(models.TextChoices):
    CONTRACT = "contract", _("Labour contract")
    PAY_SLIP = "pay_slip", _("Pay slip")
    NOTICE = "notice", _("Notice or decision")
    IDENTITY = "identity", _("Identity document")
    MEDICAL = "medical", _("Medical document")
    OTHER = "other", _("Other")


def document_path(instance, filename: str) -> str:
    """A random name: the original name (often a person's name) is never on disk."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"clients/documents/{secrets.token_hex(16)}{suffix}"


class ClientDocument(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.client_id}:document:{self.pk}"


class ClientMerge(models.Model):
    """A merge of ``source`` into ``target``, with the ids of every row moved, so it can be undone."""

    source = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="merges_out")
    target = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="merges_in")
    source_code = models.CharField(max_length=20)
    target_code = models.CharField(max_length=20)
    moved = models.JSONField(default=dict, help_text="{'app_label.model.field': [ids]}")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    merged_at = models.DateTimeField(default=timezone.now)
    reverted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.source_code} → {self.target_code}"


class RestrictionLiftRequest(models.Model):
    """A caseworker asked to remove restricting flags; the record stays restricted until a manager approves."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a manager")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="restriction_lift_requests", verbose_name=_("client")
    )
    flags = models.ManyToManyField(Vulnerability, related_name="+", verbose_name=_("flags to remove"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("request to lift a restriction")
        verbose_name_plural = _("requests to lift a restriction")

    def __str__(self) -> str:
        return f"{self.client} {self.state}"
