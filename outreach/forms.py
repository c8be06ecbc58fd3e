"""Forms of outreach pages: they list their fields and validate input; services do the writing."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Office, User
from cases.models import ProblemCategory, Project
from clients.models import Sex
from memorandum.models import Partner
from outreach.models import (
    Activity,
    Agency,
    ContactAction,
    ContactChannel,
    Material,
    OutreachPoint,
    QuickContact,
    ReachChannel,
)
from outreach.names import looks_like_a_name
from reference.ages import AGE_BANDS, AgeBand
from reference.models import Country, Language

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCORE_ATTRS = {"min": 0, "max": 100, "step": "0.1", "inputmode": "decimal"}
COUNT_ATTRS = {"min": 0, "step": 1, "inputmode": "numeric", "class": "form-control form-control-sm"}


class ActivityForm(forms.ModelForm):
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.filter(is_active=True), required=False)

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "audience",
            "starts_on",
            "ends_on",
            "duration_hours",
            "region",
            "point",
            "place",
            "languages",
            "project",
            "staff",
            "partners",
            "description",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "languages": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: User, office_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = OutreachPoint.objects.filter(is_active=True)
        self.fields["languages"].queryset = Language.objects.filter(is_active=True)
        self.fields["project"].queryset = Project.objects.filter(is_active=True)
        staff = User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        if office_id is not None:
            staff = staff.filter(office_id=office_id)
        self.fields["staff"].queryset = staff
        self.fields["partners"].queryset = Partner.objects.filter(is_active=True)
        self.fields["partners"].help_text = _("Memorandum partners who co-organise the activity.")
        if self.instance.pk or not user.sees_all_offices:
            del self.fields["office"]
        else:
            self.fields["office"].initial = user.office_id

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "kind",
                "title",
                "audience",
                "starts_on",
                "ends_on",
                "duration_hours",
                "region",
                "point",
                "place",
                "project",
                "description",
            )
        }


class CountField(forms.IntegerField):
    """A count of people: a whole number, zero or more, empty means zero."""

    default_error_messages = {
        "invalid": _("Enter a whole number of people."),
        "min_value": _("A count cannot be negative."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.NumberInput(attrs=COUNT_ATTRS))
        super().__init__(**kwargs)

    def clean(self, value):
        return super().clean(value) or 0


class HeldForm(forms.Form):
    """Who was reached: the sex × age grid, citizenship, a campaign's reach, results, mean scores."""

    participants = CountField(label=_("Participants in total"), required=True)
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    pre_test_mean = forms.DecimalField(
        label=_("Mean pre-test score (0–100)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        widget=forms.NumberInput(attrs=SCORE_ATTRS),
    )
    post_test_mean = forms.DecimalField(
        label=_("Mean post-test score (0–100)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        widget=forms.NumberInput(attrs=SCORE_ATTRS),
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = []
        for band in AGE_BANDS:
            row = {"band": band, "cells": []}
            for sex in Sex:
                name = f"p_{sex.value}_{band.value}"
                self.fields[name] = CountField(label=f"{sex.label}, {band.label}")
                row["cells"].append(name)
            self.grid.append(row)
        self.citizenship_names = []
        for country in countries:
            name = f"c_{country.pk}"
            self.fields[name] = CountField(label=country.name)
            self.citizenship_names.append((name, country.pk))
        self.fields["c_unknown"] = CountField(label=_("Citizenship not known"))
        self.citizenship_names.append(("c_unknown", None))
        self.reach_names = []
        for channel in ReachChannel:
            name = f"r_{channel.value}"
            self.fields[name] = CountField(label=channel.label)
            self.reach_names.append((name, channel.value))

    def grid_rows(self):
        return [{"band": row["band"], "cells": [self[name] for name in row["cells"]]} for row in self.grid]

    def citizenship_fields(self):
        return [self[name] for name, _pk in self.citizenship_names]

    def reach_fields(self):
        return [self[name] for name, _channel in self.reach_names]

    def clean(self):
        data = super().clean()
        if data.get("post_test_mean") is not None and data.get("pre_test_mean") is None:
            self.add_error("pre_test_mean", _("A post-test score needs a pre-test score."))
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "participants": data["participants"],
            "by_sex_and_age": {
                (sex.value, band.value): data[f"p_{sex.value}_{band.value}"] for band in AgeBand for sex in Sex
            },
            "by_citizenship": {pk: data[name] for name, pk in self.citizenship_names},
            "reach": {channel: data[name] for name, channel in self.reach_names},
            "results": data["results"],
            "pre_test_mean": data["pre_test_mean"],
            "post_test_mean": data["post_test_mean"],
        }


class AttendeeForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(is_active=True))
    partner = forms.ModelChoiceField(
        label=_("Memorandum partner"), queryset=Partner.objects.filter(is_active=True), required=False
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices], required=False)
    pre_score = forms.DecimalField(
        label=_("Pre-test"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        widget=forms.NumberInput(attrs=SCORE_ATTRS),
    )
    post_score = forms.DecimalField(
        label=_("Post-test"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        widget=forms.NumberInput(attrs=SCORE_ATTRS),
    )

    def clean(self):
        data = super().clean()
        if data.get("post_score") is not None and data.get("pre_score") is None:
            self.add_error("pre_score", _("A post-test score needs a pre-test score."))
        return data


class AttendanceImportForm(forms.Form):
    sheet = forms.FileField(label=_("Sign-in sheet (XLSX or CSV)"))


class HandoutForm(forms.Form):
    material = forms.ModelChoiceField(label=_("Material"), queryset=Material.objects.filter(is_active=True))
    quantity = forms.IntegerField(
        label=_("Copies handed out"),
        min_value=1,
        error_messages={"invalid": _("Enter a whole number of copies.")},
    )


class StockForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.filter(is_active=True))
    material = forms.ModelChoiceField(label=_("Material"), queryset=Material.objects.filter(is_active=True))
    quantity = forms.IntegerField(
        label=_("Copies delivered"), error_messages={"invalid": _("Enter a whole number of copies.")}
    )
    low_threshold = forms.IntegerField(label=_("Running low below"), min_value=0, required=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.sees_all_offices:
            self.fields["office"].queryset = Office.objects.filter(pk=user.office_id)
            self.fields["office"].initial = user.office_id


class QuickContactForm(forms.ModelForm):
    """Everything has a default except the channel and what was done: a call is logged in seconds."""

    not_a_name = forms.BooleanField(label=_("The note names nobody (it only looks like a name)"), required=False)

    class Meta:
        model = QuickContact
        fields = [
            "channel",
            "at",
            "sex",
            "age_band",
            "citizenship",
            "language",
            "categories",
            "action",
            "point",
            "note",
        ]
        widgets = {
            "channel": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "action": forms.RadioSelect,
            "categories": forms.CheckboxSelectMultiple,
            "at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "note": forms.TextInput(attrs={"autocomplete": "off", "maxlength": 200}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = ContactChannel.choices
        self.fields["action"].choices = ContactAction.choices
        self.fields["sex"].choices = [("", _("Not known")), *Sex.choices]
        self.fields["sex"].required = False
        self.fields["age_band"].choices = [(band.value, band.label) for band in AGE_BANDS]
        self.fields["age_band"].required = False
        self.fields["citizenship"].queryset = Country.objects.filter(is_active=True)
        self.fields["citizenship"].empty_label = _("Not known")
        self.fields["language"].queryset = Language.objects.filter(is_active=True)
        self.fields["categories"].queryset = ProblemCategory.objects.filter(is_active=True)
        self.fields["point"].queryset = OutreachPoint.objects.filter(is_active=True)
        self.fields["at"].required = False
        self.fields["at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        if not self.is_bound:
            self.initial.setdefault("at", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
            self.initial.setdefault("age_band", AgeBand.UNKNOWN)
            self.initial.setdefault("channel", ContactChannel.PHONE)
            self.initial.setdefault("action", ContactAction.ADVICE)
            self.initial.setdefault("sex", "")

    def clean(self):
        data = super().clean()
        note = data.get("note") or ""
        if note and looks_like_a_name(note) and not data.get("not_a_name"):
            self.add_error(
                "note",
                _(
                    "This note looks like it contains a name. Quick contacts must stay anonymous: "
                    "remove the name, or tick the box below if it is not one."
                ),
            )
            self.name_warning = True
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields} | {
            "at": data["at"] or None,
            "sex": data["sex"] or "",
            "age_band": data["age_band"] or AgeBand.UNKNOWN,
            "note": data["note"] or "",
        }
