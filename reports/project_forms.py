"""Forms of the project pages: a project, an indicator of its logframe, and a target."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from cases.models import CaseKind, ConsultationKind, Funder, Outcome, Project
from clients.models import Sex, Vulnerability
from memorandum.models import PartnerKind
from reference import metrics as catalogue
from reference.ages import AgeBand
from reference.models import Country
from reports.models import TargetPeriod

ANY = [("", _("Any"))]

# Form field -> key of reference.metrics.MetricContext.filters.
FILTER_FIELDS = {
    "sex": "sex",
    "citizenship": "citizenship_id",
    "age_band": "age_band",
    "vulnerability": "vulnerability_id",
    "office": "office_id",
    "consultation_kind": "consultation_kind",
    "case_kind": "case_kind",
    "outcome": "outcome",
    "partner_kind": "partner_kind",
}


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
        field.widget.attrs.setdefault("class", css)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["funder", "code", "name_ru", "name_kk", "name_en", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Funder.objects.filter(is_active=True)
        _style(self)


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    name_kk = forms.CharField(label=_("Title (Kazakh)"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    metric = forms.ChoiceField(label=_("Metric"))
    sex = forms.ChoiceField(label=_("Sex"), required=False, choices=ANY + list(Sex.choices))
    citizenship = forms.ModelChoiceField(
        label=_("Citizenship"), required=False, queryset=Country.objects.filter(is_active=True), empty_label=_("Any")
    )
    age_band = forms.ChoiceField(label=_("Age band"), required=False, choices=ANY + list(AgeBand.choices))
    vulnerability = forms.ModelChoiceField(
        label=_("Vulnerability"),
        required=False,
        queryset=Vulnerability.objects.filter(is_active=True),
        empty_label=_("Any"),
    )
    office = forms.ModelChoiceField(
        label=_("Office"), required=False, queryset=Office.objects.filter(is_active=True), empty_label=_("Any")
    )
    consultation_kind = forms.ChoiceField(
        label=_("Kind of consultation"), required=False, choices=ANY + list(ConsultationKind.choices)
    )
    case_kind = forms.ChoiceField(label=_("Kind of case"), required=False, choices=ANY + list(CaseKind.choices))
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=ANY + list(Outcome.choices))
    partner_kind = forms.ChoiceField(
        label=_("Kind of partner"), required=False, choices=ANY + list(PartnerKind.choices)
    )
    baseline = forms.DecimalField(label=_("Baseline"), min_value=0, max_digits=14, decimal_places=2, initial=0)
    project_target = forms.DecimalField(
        label=_("Target for the project"), min_value=0, max_digits=14, decimal_places=2, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = catalogue.choices()
        self.fields["metric"].initial = "clients_served"
        _style(self)

    def filters(self) -> dict:
        """The chosen narrowing as MetricContext filter keys (ids for reference rows)."""
        chosen = {}
        for name, key in FILTER_FIELDS.items():
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            chosen[key] = value.pk if hasattr(value, "pk") else value
        return chosen

    def clean(self):
        data = super().clean()
        metric = data.get("metric")
        if metric:
            honoured = catalogue.get(metric).filters
            for name, key in FILTER_FIELDS.items():
                if data.get(name) not in (None, "") and key not in honoured:
                    self.add_error(name, _("This metric cannot be narrowed this way."))
        return data


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    period = forms.ChoiceField(label=_("Period"), choices=TargetPeriod.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), (1, 1), (2, 2), (3, 3), (4, 4)],
    )
    value = forms.DecimalField(label=_("Target"), min_value=0, max_digits=14, decimal_places=2)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = project.indicators.order_by("ordering", "code")
        _style(self)

    def clean(self):
        data = super().clean()
        period = data.get("period")
        if period == TargetPeriod.QUARTER and not (data.get("year") and data.get("quarter")):
            raise forms.ValidationError(_("A quarterly target needs a year and a quarter from 1 to 4."))
        if period == TargetPeriod.YEAR and not data.get("year"):
            raise forms.ValidationError(_("A yearly target needs a year."))
        return data
