"""The choices staff make before printing: the language, what a slip carries, what the client signed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import ConsentScope
from memorandum.models import Partner, PartnerContact
from papers.models import PaperLanguage
from papers.texts import BRING_ITEMS, DEFAULT_BRING_ITEMS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# What staff read in their own language for each item a slip may ask the client to bring.
BRING_CHOICES = [
    ("passport", _("Passport or another identity document")),
    ("migration_card", _("Migration card")),
    ("registration", _("Registration document")),
    ("work_permit", _("Work permit")),
    ("contract", _("Labour contract")),
    ("pay_records", _("Records of pay")),
    ("problem_papers", _("Papers about the problem")),
    ("this_slip", _("This slip")),
]
assert [value for value, _label in BRING_CHOICES] == list(BRING_ITEMS)

SHOW_CHOICES = [("name", _("The client's name")), ("phone", _("The client's phone"))]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the papers"), choices=PaperLanguage.choices)


class SlipForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=PaperLanguage.choices)
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=Partner.objects.filter(is_active=True))
    contact = forms.ModelChoiceField(
        label=_("Contact person"),
        queryset=PartnerContact.objects.filter(is_active=True).select_related("partner"),
        required=False,
    )
    hours = forms.CharField(label=_("Opening hours"), max_length=100, required=False)
    visit_on = forms.DateField(label=_("Date of the visit"), required=False, widget=DateInput)
    bring = forms.MultipleChoiceField(
        label=_("What to bring"),
        choices=BRING_CHOICES,
        required=False,
        initial=list(DEFAULT_BRING_ITEMS),
        widget=forms.CheckboxSelectMultiple,
    )
    show = forms.MultipleChoiceField(
        label=_("Also print (only if the client wants it)"),
        choices=SHOW_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The slip always carries the client code and nothing else unless ticked here."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "slip_%s")  # ids stay unique on the papers page
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        contact, partner = cleaned.get("contact"), cleaned.get("partner")
        if contact and partner and contact.partner_id != partner.pk:
            raise ValidationError({"contact": _("This person does not work for the chosen partner.")})
        return cleaned


class SignedConsentForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the signed form"), choices=PaperLanguage.choices)
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "consent_%s")
        super().__init__(*args, **kwargs)
        for scope, label in ConsentScope.choices:
            self.fields[scope] = forms.BooleanField(label=label, required=False)

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > timezone.localdate():
            raise ValidationError(_("The date is in the future."))
        return signed_on

    def scopes(self) -> dict[str, bool]:
        return {scope: self.cleaned_data.get(scope, False) for scope in ConsentScope.values}
