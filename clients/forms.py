import re

from crispy_forms.bootstrap import InlineCheckboxes, InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import (
    CONSENT_SCOPES,
    Client,
    ClientDocument,
    Consent,
    ConsentMethod,
    ConsentScope,
    DocumentKind,
    FamilyMember,
    MigrationStatus,
    Vulnerability,
)
from clients.phones import normalise_phone
from clients.services.documents import validate_upload
from clients.services.records import EDITABLE_FIELDS, EDITABLE_RELATIONS
from reference import cached
from reference.cached import offer
from reference.dates import BoundedDatesMixin
from reference.forms import DateInput, birth_year_widget_attrs, validate_birth_year
from reference.models import Country, Language, Region

# The record's fields are the service's (client_create / client_update): simple ones and the two lists.
CLIENT_FIELDS = [*EDITABLE_FIELDS, *EDITABLE_RELATIONS]


def _row(*fields, cols="col-md-4"):
    return Div(*[Div(field, css_class=cols) for field in fields], css_class="row")


class ClientForm(BoundedDatesMixin, forms.ModelForm):
    phones = forms.CharField(
        label=_("Phones"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "+7 701 123 45 67"}),
        help_text=_("One per line; Kazakh or home-country numbers in any format."),
    )

    class Meta:
        model = Client
        fields = CLIENT_FIELDS
        widgets = {
            "sex": forms.RadioSelect,
            "birth_date": DateInput,
            "arrived_on": DateInput,
            "languages": forms.CheckboxSelectMultiple,
            "vulnerabilities": forms.CheckboxSelectMultiple,
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["citizenship"].queryset = Country.objects.filter(is_active=True)
        self.fields["region"].queryset = Region.objects.filter(is_active=True)
        self.fields["languages"].queryset = Language.objects.filter(is_active=True)
        self.fields["migration_status"].queryset = MigrationStatus.objects.filter(is_active=True)
        self.fields["vulnerabilities"].queryset = Vulnerability.objects.filter(is_active=True)
        if self.instance.pk:
            # A retired flag is not offered for new records, but a record that has it keeps it:
            # dropping a trafficking flag on an unrelated edit would lift the restriction.
            self.fields["vulnerabilities"].queryset = Vulnerability.objects.filter(
                Q(is_active=True) | Q(clients=self.instance)
            ).distinct()
            self.fields["languages"].queryset = Language.objects.filter(
                Q(is_active=True) | Q(pk__in=self.instance.languages.values("pk"))
            )
        self.fields["sex"].choices = self.fields["sex"].choices[1:]  # no empty radio button
        self.fields["birth_year"].widget.attrs.update(birth_year_widget_attrs())
        if self.instance.pk and "phones" not in self.initial:
            self.initial["phones"] = "\n".join(self.instance.phones.values_list("number", flat=True))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.sections())

    def sections(self):
        return [
            Fieldset(
                _("Identity"),
                _row("family_name", "given_name", "patronymic"),
                Div(
                    Div("latin_name", css_class="col-md-4"),
                    Div(InlineRadios("sex"), css_class="col-md-4"),
                    Div("citizenship", css_class="col-md-4"),
                    css_class="row",
                ),
                _row("birth_date", "birth_year", "needs_interpreter"),
                InlineCheckboxes("languages"),
            ),
            Fieldset(
                _("Contact"),
                _row("phones", "messenger", cols="col-md-6"),
                _row("region", "city", cols="col-md-6"),
                "address",
            ),
            Fieldset(
                _("Migration situation"),
                _row("arrived_on", "migration_status", "document_situation"),
                _row("sector", "employer", "found_us_via"),
            ),
            Fieldset(_("Vulnerabilities"), InlineCheckboxes("vulnerabilities")),
        ]

    def clean_phones(self) -> list[str]:
        citizenship = self.cleaned_data.get("citizenship")
        home = citizenship.code.upper() if citizenship and len(citizenship.code) == 2 else None
        numbers, errors = [], []
        for raw in re.split(r"[\n,;]+", self.cleaned_data.get("phones") or ""):
            if not raw.strip():
                continue
            try:
                numbers.append(normalise_phone(raw, home_region=home))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return list(dict.fromkeys(numbers))

    def clean_birth_year(self):
        return validate_birth_year(self.cleaned_data.get("birth_year"))

    def clean(self):
        data = super().clean()
        birth_date, birth_year = data.get("birth_date"), data.get("birth_year")
        if birth_date and birth_year and birth_date.year != birth_year:
            self.add_error("birth_year", _("The year does not match the date of birth."))
        if birth_date and birth_date > timezone.localdate():
            self.add_error("birth_date", _("The date of birth is in the future."))
        return data

    def field_values(self) -> dict:
        """The simple fields, for client_create / client_update."""
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class ClientCreateForm(ClientForm):
    """The new-client form: the record plus the consent given today."""

    consent_store_data = forms.BooleanField(
        label=_("The client agrees that we store their data"),
        required=True,
        error_messages={"required": _("Without consent to store the data we cannot create a record.")},
    )
    consent_share_partners = forms.BooleanField(label=_("Share with partner organisations"), required=False)
    consent_share_law_enforcement = forms.BooleanField(label=_("Share with law enforcement"), required=False)
    consent_research = forms.BooleanField(label=_("Use in anonymised research"), required=False)
    consent_method = forms.ChoiceField(
        label=_("Consent given"), choices=ConsentMethod.choices, initial=ConsentMethod.VERBAL
    )
    consent_language = forms.ModelChoiceField(
        label=_("Consent language"), queryset=Language.objects.filter(is_active=True), required=False
    )
    create_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def sections(self):
        return [
            *super().sections(),
            Fieldset(
                _("Consent"),
                _row("consent_method", "consent_language", cols="col-md-6"),
                "consent_store_data",
                "consent_share_partners",
                "consent_share_law_enforcement",
                "consent_research",
                "create_anyway",
            ),
        ]

    def consent_values(self) -> dict:
        """The first consent: storing the data is implied by recording the client; the other scopes are ticked."""
        scopes = {
            scope: True if scope == ConsentScope.STORE_DATA else self.cleaned_data[f"consent_{scope}"]
            for scope in CONSENT_SCOPES
        }
        return {
            "method": self.cleaned_data["consent_method"],
            "language": self.cleaned_data.get("consent_language"),
            **scopes,
        }


class ClientEditForm(ClientForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def sections(self):
        return [*super().sections(), "version"]


class FamilyMemberForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = FamilyMember
        fields = ["relation", "name", "sex", "birth_year", "schooling"]

    def clean_birth_year(self):
        return validate_birth_year(self.cleaned_data.get("birth_year"))


class ConsentForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["given_on", "method", "language", *CONSENT_SCOPES]
        widgets = {"given_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["language"], cached.rows(Language))  # no query (nor cursor) per client page

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise ValidationError(_("The date is in the future."))
        return given_on


class DocumentForm(forms.ModelForm):
    class Meta:
        model = ClientDocument
        fields = ["kind", "title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DocumentKind.choices
        self.fields["file"].widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,.docx"

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded)
        return uploaded


class MergeForm(forms.Form):
    other_code = forms.CharField(
        label=_("Code of the duplicate record"), max_length=20, help_text=_("e.g. ALA-2026-00042")
    )

    def clean_other_code(self):
        return self.cleaned_data["other_code"].strip().upper()


class AnonymiseForm(forms.Form):
    confirmation = forms.CharField(label=_("Type the client code to confirm"), max_length=20)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > settings.UPLOAD_MAX_BYTES:
            megabytes = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise ValidationError(_("The file is too large: at most %(mb)s MB."), params={"mb": megabytes})
        return uploaded


class AssignStaffForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Give access to"), queryset=None)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["user"].queryset = User.objects.filter(office=client.office, is_active=True).exclude(
            pk__in=client.assigned_staff.values("pk")
        )
