import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from cases.models import Project
from reference.forms import DateInput
from reference.translation import localized
from reports.models import REPORT_LANGUAGES, Audience
from reports.periods import Period, parse_period, recent_quarters

CUSTOM = "custom"
MAX_DAYS = 3 * 366  # a longer period is a different kind of study, and would hold a worker for long


class ReportForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.order_by("-is_active", "code"),
        required=False,
        empty_label=_("All work"),
    )
    quarter = forms.ChoiceField(label=_("Period"))
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())
    offices = forms.ModelMultipleChoiceField(
        label=_("Offices"),
        queryset=Office.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("None ticked: all offices."),
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=REPORT_LANGUAGES, initial="en")
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=Audience.choices,
        initial=Audience.FUNDER,
        required=False,
        help_text=_("Internal reports show small numbers: managers only, never e-mailed."),
    )
    achievements = forms.CharField(
        label=_("Achievements"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    challenges = forms.CharField(
        label=_("Challenges"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    story = forms.CharField(
        label=_("An anonymised story"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names, places or dates that could identify the person."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quarters = recent_quarters(timezone.localdate(), count=8)
        self.fields["quarter"].choices = [*quarters, (CUSTOM, _("Other dates…"))]
        self.fields["quarter"].initial = quarters[1][0]  # the quarter just finished
        self.fields["offices"].queryset = self.fields["offices"].queryset.order_by(localized("name"))
        for name, field in self.fields.items():
            if name != "offices":
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)

    def clean_audience(self) -> str:
        return self.cleaned_data.get("audience") or Audience.FUNDER

    def clean(self):
        data = super().clean()
        choice = data.get("quarter")
        if choice == CUSTOM:
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates of the period."))
            if end < start:
                raise forms.ValidationError(_("The period ends before it starts."))
            if (end - start).days + 1 > MAX_DAYS:
                raise forms.ValidationError(_("A report covers at most three years."))
            data["period"] = Period(start, end)
        elif choice:
            data["period"] = parse_period(choice)
        if "period" in data and data["period"].start > timezone.localdate() + dt.timedelta(days=1):
            raise forms.ValidationError(_("The period has not started yet."))
        return data
