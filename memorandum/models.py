"""Partners, the cooperation memorandum and the referrals of cases to partners."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reference.translation import TranslatedFieldsMixin, translated, translated_columns


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    TRADE_UNION = "trade_union", _("Trade union")
    NGO = "ngo", _("NGO")
    EMBASSY = "embassy", _("Embassy or consulate")
    INTERNATIONAL = "international", _("International organisation")


class Partner(TranslatedFieldsMixin, models.Model):
    """An organisation cases are referred to; it may or may not have signed the memorandum."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_ru, name_kk, name_en = translated_columns(models.CharField, _("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("region"),
        help_text=_("Leave empty for national coverage."),
    )
    categories = models.ManyToManyField(
        "cases.ProblemCategory", blank=True, related_name="partners", verbose_name=_("problems it can help with")
    )
    address_ru, address_kk, address_en = translated_columns(
        models.CharField, _("address"), required=False, max_length=300, help_text=_("Printed on referral letters.")
    )
    response_days = models.PositiveSmallIntegerField(
        _("expected response time (days)"),
        default=10,
        help_text=_("A referral's answer is due this many days after it is sent."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    name = translated("name")
    address = translated("address")
    translated_fields = ("name", "address")

    class Meta:
        ordering = ["kind", "name_ru"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return self.translation("name", language)

    @property
    def is_national(self) -> bool:
        return self.region_id is None

    @property
    def is_law_enforcement(self) -> bool:
        return self.kind == PartnerKind.LAW_ENFORCEMENT


class PartnerContact(TranslatedFieldsMixin, models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    position_ru, position_kk, position_en = translated_columns(
        models.CharField, _("position"), required=False, max_length=200
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    position = translated("position")
    translated_fields = ("position",)

    class Meta:
        ordering = ["partner", "name"]
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")

    def __str__(self) -> str:
        return self.name


class Memorandum(TranslatedFieldsMixin, models.Model):
    title_ru, title_kk, title_en = translated_columns(models.CharField, _("title"), max_length=300)
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: open-ended."))
    document = models.FileField(
        _("signed document"),
        upload_to="memorandum/documents/",
        blank=True,
        help_text=_("Kept private: downloaded only by signed-in staff."),
    )
    summary_ru, summary_kk, summary_en = translated_columns(models.TextField, _("summary"), required=False)

    title = translated("title")
    summary = translated("summary")
    translated_fields = ("title", "summary")

    class Meta:
        ordering = ["-signed_on"]
        verbose_name = _("memorandum")
        verbose_name_plural = _("memoranda")

    def __str__(self) -> str:
        return self.title

    @property
    def is_in_force(self) -> bool:
        return self.valid_until is None or self.valid_until >= timezone.localdate()


class Signatory(TranslatedFieldsMixin, models.Model):
    memorandum = models.ForeignKey(
        Memorandum, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("memorandum")
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("partner"))
    signed_by_ru, signed_by_kk, signed_by_en = translated_columns(
        models.CharField, _("signed by"), required=False, max_length=200, help_text=_("Name and position.")
    )

    signed_by = translated("signed_by")
    translated_fields = ("signed_by",)

    class Meta:
        ordering = ["partner__kind", "partner__name_ru"]
        constraints = [models.UniqueConstraint(fields=["memorandum", "partner"], name="signatory_once_per_memorandum")]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return str(self.partner)


class Commitment(TranslatedFieldsMixin, models.Model):
    """One undertaking a signatory took on in the memorandum."""

    signatory = models.ForeignKey(
        Signatory, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("signatory")
    )
    text_ru, text_kk, text_en = translated_columns(models.TextField, _("commitment"))
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    text = translated("text")
    translated_fields = ("text",)

    class Meta:
        ordering = ["signatory", "ordering", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text[:80]


class ReferralState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")
    CLOSED_NO_ANSWER = "closed_no_answer", _("Closed without answer")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The only legal moves. Services check them; views never change a state themselves.
TRANSITIONS: dict[str, set[str]] = {
    ReferralState.DRAFT: {ReferralState.SENT, ReferralState.WITHDRAWN},
    ReferralState.SENT: {
        ReferralState.ACKNOWLEDGED,
        ReferralState.ACCEPTED,
        ReferralState.DECLINED,
        ReferralState.CLOSED_NO_ANSWER,
        ReferralState.WITHDRAWN,
    },
    ReferralState.ACKNOWLEDGED: {
        ReferralState.ACCEPTED,
        ReferralState.DECLINED,
        ReferralState.CLOSED_NO_ANSWER,
        ReferralState.WITHDRAWN,
    },
    ReferralState.ACCEPTED: {ReferralState.COMPLETED, ReferralState.WITHDRAWN},
    ReferralState.DECLINED: set(),
    ReferralState.COMPLETED: set(),
    ReferralState.CLOSED_NO_ANSWER: set(),
    ReferralState.WITHDRAWN: set(),
}

# While a referral is in one of these states the case waits for the partner.
OPEN_STATES = (ReferralState.SENT, ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED)
# The partner has not answered yet: the due date applies.
AWAITING_ANSWER_STATES = (ReferralState.SENT,)
FINAL_STATES = (
    ReferralState.DECLINED,
    ReferralState.COMPLETED,
    ReferralState.CLOSED_NO_ANSWER,
    ReferralState.WITHDRAWN,
)


class SharedData(models.TextChoices):
    """What a referral letter may tell the partner about the client. The client code always goes."""

    SEX = "sex", _("Sex")
    AGE_GROUP = "age_group", _("Age group")
    CITIZENSHIP = "citizenship", _("Citizenship")
    PROBLEM = "problem", _("The problem (categories)")
    NAME = "name", _("Full name")
    BIRTH_DATE = "birth_date", _("Date of birth")
    CONTACTS = "contacts", _("Contacts")


# Shared data that identifies the client.
PERSONAL_SHARED_DATA = [SharedData.NAME, SharedData.BIRTH_DATE, SharedData.CONTACTS]
MINIMAL_SHARED_DATA = [SharedData.SEX, SharedData.AGE_GROUP, SharedData.CITIZENSHIP, SharedData.PROBLEM]


class LetterLanguage(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    KAZAKH = "kk", _("Kazakh")


class Referral(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="referrals", verbose_name=_("case"))
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("partner"))
    reference = models.CharField(_("reference number"), max_length=40, unique=True, null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ReferralState.choices, default=ReferralState.DRAFT, db_index=True
    )
    request = models.TextField(_("request to the partner"))
    client_needs = models.TextField(_("what the client needs"), blank=True)
    categories = models.ManyToManyField(
        "cases.ProblemCategory", blank=True, related_name="referrals", verbose_name=_("problem categories")
    )
    shared_data = models.JSONField(
        _("data shared with the partner"),
        default=list,
        blank=True,
        help_text=_("Besides the client code, which always goes."),
    )
    language = models.CharField(
        _("letter language"), max_length=2, choices=LetterLanguage.choices, default=LetterLanguage.RUSSIAN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    created_at = models.DateTimeField(_("drafted at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    due_on = models.DateField(_("answer due on"), null=True, blank=True, db_index=True)
    # First acknowledgement, acceptance or refusal: what "days to answer" measures.
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_days = models.PositiveIntegerField(_("days to answer"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    result = models.TextField(_("result"), blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)
    consent_override_reason = models.TextField(_("reason for sending without consent"), blank=True)
    consent_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent overridden by"),
    )
    resent_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resent_as",
        verbose_name=_("re-sent after"),
    )
    letter = models.FileField(_("letter"), upload_to="memorandum/letters/%Y/", blank=True)
    # A letter made from a draft is a preview; the one made once sent is kept as sent.
    letter_is_final = models.BooleanField(default=False, editable=False)
    reminded_at = models.DateTimeField(_("coordinator reminded at"), null=True, blank=True)
    # The partner's contact it went to (by e-mail with a link, or by hand when the contact has no address).
    contact = models.ForeignKey(
        PartnerContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("sent to"),
    )
    sent_by_hand = models.BooleanField(_("sent by hand"), default=False)
    partner_reminded_at = models.DateTimeField(_("partner reminded at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "due_on"], name="referral_state_due")]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return self.reference or _("Referral draft %(id)s") % {"id": self.pk}

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_draft(self) -> bool:
        return self.state == ReferralState.DRAFT

    @property
    def is_overdue(self) -> bool:
        return self.state in AWAITING_ANSWER_STATES and self.due_on is not None and self.due_on < timezone.localdate()

    @property
    def needs_approval(self) -> bool:
        """Drafted by a caseworker: a coordinator must approve it by sending it."""
        return (
            self.state == ReferralState.DRAFT and not self.created_by.is_coordinator and not self.created_by.is_manager
        )

    def allows(self, state: str) -> bool:
        return state in TRANSITIONS[self.state]

    def shares(self, item: str) -> bool:
        return item in self.shared_data

    @property
    def carries_personal_data(self) -> bool:
        """The letter names the client (name, birth date, contacts): the partner page asks for a one-time code."""
        return any(self.shares(item) for item in PERSONAL_SHARED_DATA)


class ReferralEvent(models.Model):
    """One dated, attributed step of a referral."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events", verbose_name=_("referral"))
    from_state = models.CharField(
        pgettext_lazy("previous state", "from"), max_length=20, choices=ReferralState.choices, blank=True
    )
    to_state = models.CharField(pgettext_lazy("new state", "to"), max_length=20, choices=ReferralState.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    # Staff record steps as themselves; a partner answering through its link is the contact.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    contact = models.ForeignKey(
        PartnerContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner contact"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("referral event")
        verbose_name_plural = _("referral events")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class ReferralMessage(models.Model):
    """One message of the question thread between the partner (through its link) and the coordinator."""

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="messages", verbose_name=_("referral")
    )
    from_partner = models.BooleanField(_("from the partner"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    contact = models.ForeignKey(
        PartnerContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner contact"),
    )
    text = models.TextField(_("message"))
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("referral message")
        verbose_name_plural = _("referral messages")

    def __str__(self) -> str:
        return self.text[:80]


class PartnerLink(models.Model):
    """The partner's way into one referral: a random token, kept only as its SHA-256 hash."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links", verbose_name=_("referral"))
    contact = models.ForeignKey(
        PartnerContact, on_delete=models.CASCADE, related_name="links", verbose_name=_("contact")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")

    def __str__(self) -> str:
        return f"link #{self.pk} ({self.referral_id})"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class PartnerCode(models.Model):
    """A one-time six-digit code mailed to the link's contact; kept as a hash, three tries, ten minutes."""

    link = models.ForeignKey(PartnerLink, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"code #{self.pk}"


class RateBucket(models.Model):
    """Requests counted per key (token hash or address) and minute, in the database: every worker sees them."""

    key = models.CharField(max_length=100)
    window = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="rate_bucket_once")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window}: {self.hits}"


class IncomingReferral(models.Model):
    """A partner referred a client to us ("referred to us by"), recorded at intake or on a new case."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="incoming_referrals", verbose_name=_("client")
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incoming_referrals",
        verbose_name=_("case"),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="incoming_referrals", verbose_name=_("referred by")
    )
    reference = models.CharField(_("their reference number"), max_length=60, blank=True)
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("incoming referral")
        verbose_name_plural = _("incoming referrals")

    def __str__(self) -> str:
        return f"{self.partner} → {self.client_id}"
