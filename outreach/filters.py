"""Filters of the activity list (and of its export, which takes the same query string)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from cases.models import Project
from outreach.models import Activity, ActivityKind, ActivityStatus, Audience


class ActivityFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ActivityKind.choices, empty_label=_("Any kind"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ActivityStatus.choices, empty_label=_("Any status"))
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices, empty_label=_("Any audience"))
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=Office.objects.filter(is_active=True))
    project = django_filters.ModelChoiceFilter(label=_("Project"), queryset=Project.objects.all())
    dates = django_filters.DateFromToRangeFilter(
        label=_("Between"),
        field_name="starts_on",
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )

    class Meta:
        model = Activity
        fields = ["kind", "status", "audience", "office", "project", "dates"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not user.sees_all_offices:
            del self.filters["office"]
