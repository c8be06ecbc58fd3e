from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import ProblemCategory
from memorandum.models import MINIMAL_SHARED_DATA, LetterLanguage, Partner, PartnerContact, SharedData
from reference.dates import BoundedDatesMixin


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return f"{obj.name} · {obj.get_kind_display()}"


def active_partners():
    return Partner.objects.filter(is_active=True).order_by("kind", "name_ru")


class ReferralForm(BoundedDatesMixin, forms.Form):
    partner = PartnerChoiceField(label=_("Partner"), queryset=Partner.objects.none())
    request = forms.CharField(
        label=_("Request to the partner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("What you ask the partner to do. It is printed in the letter."),
    )
    client_needs = forms.CharField(
        label=_("What the client needs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Also printed in the letter: write nothing the partner should not read."),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Problem categories"),
        queryset=ProblemCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    shared_data = forms.MultipleChoiceField(
        label=_("Data to share besides the client code"),
        choices=SharedData.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=[str(item) for item in MINIMAL_SHARED_DATA],
        help_text=_("Add the name, date of birth or contacts only when the partner cannot help without them."),
    )
    language = forms.ChoiceField(label=_("Letter language"), choices=LetterLanguage.choices)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = active_partners()
        self.fields["categories"].queryset = ProblemCategory.objects.filter(is_active=True)
        if case is not None:
            self._suggest_partners(case)

    def _suggest_partners(self, case) -> None:
        """Partners that help with the case's problems come first, in their own group."""
        field = self.fields["partner"]
        wanted = {category.pk for category in case.categories.all()}
        suggested, others = [], []
        for partner in field.queryset.prefetch_related("categories"):
            choice = (partner.pk, field.label_from_instance(partner))
            helps = wanted & {category.pk for category in partner.categories.all()}
            (suggested if helps else others).append(choice)
        if suggested:
            field.choices = [("", "---------"), (_("Help with this problem"), suggested), (_("Other partners"), others)]


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PartnerContact) -> str:
        where = obj.email or _("no e-mail: print or deliver by hand")
        return f"{obj.name} · {where}"


class SendForm(BoundedDatesMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    contact = ContactChoiceField(
        label=_("Send to"), queryset=PartnerContact.objects.none(), required=False, empty_label=_("nobody: by hand")
    )
    consent_override_reason = forms.CharField(
        label=_("Reason to send without the client's consent (managers only)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partner is not None:
            self.fields["contact"].queryset = partner.contacts.filter(is_active=True).order_by("name", "pk")


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Answer to the partner"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class TransitionForm(BoundedDatesMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=4000, required=False)


class ResendForm(BoundedDatesMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    partner = PartnerChoiceField(label=_("Send to another partner"), queryset=Partner.objects.none())
    consent_override_reason = forms.CharField(
        label=_("Reason to send without the client's consent (managers only)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, exclude_partner_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = active_partners().exclude(pk=exclude_partner_id)
