from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from reference.languages import DEFAULT_LANGUAGE, LANGUAGE_CHOICES
from reference.models import Region
from reference.translation import TranslatedFieldsMixin, translated, translated_columns


class Office(TranslatedFieldsMixin, models.Model):
    """A member NGO or branch of the confederation; client data belongs to one office.

    Name, city and address are translated data (reference.translation): letters print them in the
    letter's language.
    """

    name_ru, name_kk, name_en = translated_columns(models.CharField, _("name"), max_length=200)
    code = models.CharField(
        _("code"),
        max_length=5,
        unique=True,
        help_text=_("Three capital letters used in client codes, e.g. ALA."),
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, verbose_name=_("region"))
    city_ru, city_kk, city_en = translated_columns(models.CharField, _("city"), max_length=100)
    address_ru, address_kk, address_en = translated_columns(
        models.CharField, _("address"), required=False, max_length=300, help_text=_("Printed on letterheads.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    allows_caseworker_referrals = models.BooleanField(
        _("caseworkers may draft referrals"),
        default=False,
        help_text=_("Referrals drafted by caseworkers still need a coordinator's approval."),
    )
    requires_two_factor = models.BooleanField(
        _("two-factor login for all staff"),
        default=False,
        help_text=_("Managers and administrators always need it in production; this adds everyone in the office."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    name = translated("name")
    city = translated("city")
    address = translated("address")
    translated_fields = ("name", "city", "address")

    class Meta:
        ordering = ["name_ru"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    COORDINATOR = "coordinator", _("Coordinator")
    MANAGER = "manager", _("Manager")
    ADMINISTRATOR = "administrator", _("Administrator")


class Profession(models.TextChoices):
    LAWYER = "lawyer", _("Lawyer")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    SOCIAL_WORKER = "social_worker", _("Social worker")


class User(AbstractUser):
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="staff", verbose_name=_("office")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CASEWORKER)
    profession = models.CharField(
        _("profession"),
        max_length=20,
        choices=Profession.choices,
        blank=True,
        help_text=_("For caseworkers."),
    )
    language = models.CharField(
        _("interface language"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        default=DEFAULT_LANGUAGE,
    )

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def sees_all_offices(self) -> bool:
        return self.is_superuser or self.role in (Role.MANAGER, Role.ADMINISTRATOR)

    @property
    def is_manager(self) -> bool:
        return self.is_superuser or self.role in (Role.MANAGER, Role.ADMINISTRATOR)

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_caseworker(self) -> bool:
        return self.role == Role.CASEWORKER

    @property
    def is_psychologist(self) -> bool:
        return self.profession == Profession.PSYCHOLOGIST
