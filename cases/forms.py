"""Forms validate input and list their fields; the services enforce the rules."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cases.models import (
    CLOSING_FACTS,
    Case,
    CaseStatus,
    Consultation,
    ConsultationKind,
    ConsultationMode,
    FollowUp,
    Outcome,
    ProblemCategory,
    Project,
)
from cases.selectors import case_users_for
from reference import cached
from reference.cached import offer
from reference.dates import BoundedDatesMixin
from reference.forms import DateInput, DateTimeInput
from reference.models import Language


class CaseForm(BoundedDatesMixin, forms.ModelForm):
    """Opening and editing a case. ``version`` carries the version the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = ["kind", "categories", "summary", "is_urgent", "lead", "staff", "project", "language", "opened_on"]
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "staff": forms.SelectMultiple(attrs={"size": 4}),
            "opened_on": DateInput(),
        }

    def __init__(self, *args, office_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        users = case_users_for(office_id)
        categories = ProblemCategory.objects.filter(is_active=True)
        projects = Project.objects.filter(is_active=True)
        languages = Language.objects.filter(is_active=True)
        case = self.instance
        if case.pk:
            # What the case already holds stays valid after it is retired (an ended project, a departed lead),
            # or no one could save the case again.
            categories = ProblemCategory.objects.filter(Q(is_active=True) | Q(cases=case)).distinct()
            projects = Project.objects.filter(Q(is_active=True) | Q(pk=case.project_id))
            languages = Language.objects.filter(Q(is_active=True) | Q(pk=case.language_id))
            users = users | User.objects.filter(Q(pk=case.lead_id) | Q(assigned_cases=case))
            self.fields["version"].initial = case.version
        self.fields["lead"].queryset = users.distinct()
        self.fields["staff"].queryset = users.distinct()
        self.fields["categories"].queryset = categories
        self.fields["project"].queryset = projects
        self.fields["language"].queryset = languages

    def clean_opened_on(self):
        opened_on = self.cleaned_data["opened_on"]
        if opened_on and opened_on > timezone.localdate():
            raise forms.ValidationError(_("A case cannot be opened in the future."))
        return opened_on


class StatusForm(BoundedDatesMixin, forms.Form):
    """Change the status; closing asks for the outcome and its facts, reopening for a reason."""

    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(
        label=_("Reason or comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when a closed case is reopened."),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Outcome.choices], required=False)
    wages_claimed = forms.DecimalField(
        label=_("Wages claimed (KZT)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    wages_recovered = forms.DecimalField(
        label=_("Wages recovered (KZT)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    documents_returned = forms.BooleanField(label=_("Documents returned"), required=False)
    status_regularised = forms.BooleanField(label=_("Status regularised"), required=False)
    deportation_avoided = forms.BooleanField(label=_("Deportation avoided"), required=False)
    return_home_arranged = forms.BooleanField(label=_("Return home arranged"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, case: Case, questions=(), **kwargs):
        self.questions = list(questions)
        kwargs.setdefault(
            "initial",
            {
                "status": case.status,
                "version": case.version,
                "outcome": case.outcome,
                **{name: getattr(case, name) for name in CLOSING_FACTS},
            },
        )
        super().__init__(*args, **kwargs)
        self.case = case
        for question in self.questions:
            # Asked here, required by the service: a POST without the answer is refused there too.
            self.fields[f"close_{question.key}"] = forms.ChoiceField(
                label=question.label, choices=question.choices, widget=forms.RadioSelect, required=False
            )

    def question_fields(self):
        return [(question, self[f"close_{question.key}"]) for question in self.questions]

    def close_answers(self) -> dict:
        return {question.key: self.cleaned_data.get(f"close_{question.key}") or "" for question in self.questions}

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == CaseStatus.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Choose the outcome to close the case."))
        if self.case.is_closed and status and status != CaseStatus.CLOSED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the case is reopened."))
        return data

    def facts(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in CLOSING_FACTS}


class ConsultationForm(BoundedDatesMixin, forms.ModelForm):
    """Logging a consultation: everything but the summary has a sensible default."""

    class Meta:
        model = Consultation
        fields = [
            "started_at",
            "duration_minutes",
            "given_by",
            "kind",
            "mode",
            "place",
            "language",
            "interpreter_used",
            "summary",
            "next_steps",
            "psych_notes",
        ]
        widgets = {
            "started_at": DateTimeInput(),
            "duration_minutes": forms.NumberInput(attrs={"min": 1, "max": 1440, "step": 5}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
            "psych_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, case: Case, user, may_write_notes: bool, users: list | None = None, **kwargs):
        """``users``: the staff of the case's office, when the page already loaded them."""
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {**self.defaults(case, user), **kwargs["initial"]}
        super().__init__(*args, **kwargs)
        staff = case_users_for(case.office_id)
        self.fields["given_by"].queryset = staff
        offer(self.fields["given_by"], list(staff) if users is None else users)
        self.fields["language"].queryset = Language.objects.filter(is_active=True)
        offer(self.fields["language"], cached.active(Language))
        self.fields["summary"].widget.attrs["autofocus"] = True
        if not may_write_notes:
            del self.fields["psych_notes"]

    def _get_validation_exclusions(self):
        # The choice fields already found these rows in their querysets: the model's own foreign key
        # check would look each of them up again.
        return {*super()._get_validation_exclusions(), "given_by", "language"}

    @staticmethod
    def defaults(case: Case, user) -> dict:
        is_psychologist = user.is_psychologist
        return {
            "started_at": timezone.localtime().replace(second=0, microsecond=0),
            "duration_minutes": 50 if is_psychologist else 30,
            "given_by": user,
            "kind": ConsultationKind.PSYCHOLOGICAL if is_psychologist else ConsultationKind.LEGAL,
            "mode": ConsultationMode.OFFICE,
            "place": _office_name(case, user),
            "language": case.language_id,
        }


def _office_name(case: Case, user) -> str:
    if not user.office_id:
        return ""
    # The case's office is usually loaded with the case already: no query for the user's.
    return case.office.name if user.office_id == case.office_id else user.office.name


class FollowUpForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["title", "assigned_to", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, case: Case, user, users: list | None = None, **kwargs):
        kwargs.setdefault("initial", {"assigned_to": user, "due_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        staff = case_users_for(case.office_id)
        self.fields["assigned_to"].queryset = staff
        offer(self.fields["assigned_to"], list(staff) if users is None else users)


class ClientCodeForm(forms.Form):
    """Opening a case from the case list: which client (by code)."""

    code = forms.CharField(label=_("Client code"), max_length=20)


class ConsultationNotesForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["psych_notes"]
        widgets = {"psych_notes": forms.Textarea(attrs={"rows": 6})}
