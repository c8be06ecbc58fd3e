"""Filters of the case list (and of its export, which takes the same query string)."""

import re

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Office, User
from cases.models import Case, CaseKind, CaseStatus, ProblemCategory, Project
from clients.selectors import clients_visible_to

CASE_NUMBER = re.compile(r"^#\d{1,12}$")


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Client name or code"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=CaseStatus.choices, widget=forms.CheckboxSelectMultiple
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CaseKind.choices, empty_label=_("Any kind"))
    category = django_filters.ModelChoiceFilter(
        label=_("Problem"), field_name="categories", queryset=ProblemCategory.objects.filter(is_active=True)
    )
    is_urgent = django_filters.BooleanFilter(
        label=_("Urgent"),
        widget=forms.Select(choices=[("", _("Any urgency")), ("true", _("Urgent only")), ("false", _("Not urgent"))]),
    )
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=Office.objects.filter(is_active=True))
    caseworker = django_filters.ModelChoiceFilter(
        label=_("Caseworker"), queryset=User.objects.none(), method="filter_caseworker"
    )
    project = django_filters.ModelChoiceFilter(label=_("Project"), queryset=Project.objects.all())
    opened = django_filters.DateFromToRangeFilter(
        label=_("Opened between"),
        field_name="opened_on",
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )

    class Meta:
        model = Case
        fields = ["q", "status", "kind", "category", "is_urgent", "office", "caseworker", "project", "opened"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        staff = User.objects.filter(is_active=True).order_by("last_name", "first_name")
        if user is not None and not user.sees_all_offices:
            staff = staff.filter(office_id=user.office_id)
            del self.filters["office"]
        self.filters["caseworker"].queryset = staff

    def filter_caseworker(self, queryset, name, value):
        if not value:
            return queryset
        on_case = Case.staff.through.objects.filter(user_id=value.pk).values("case_id")
        return queryset.filter(Q(lead=value) | Q(pk__in=on_case))

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        if CASE_NUMBER.match(value):
            return queryset.filter(pk=int(value[1:]))
        matching = search_clients(clients_visible_to(self.user), value).order_by().values("pk")
        return queryset.filter(client__in=matching)


def search_clients(clients, query: str):
    """The clients app's search (any script, typos, phones, codes); a plain fallback while it is missing."""
    try:
        from clients.search import search_clients as clients_search
    except ImportError:
        from clients.transliteration import fold

        key = fold(query)
        return clients.filter(Q(code__istartswith=query.upper()) | Q(search_key__contains=key) if key else Q(pk=None))
    return clients_search(clients, query)
