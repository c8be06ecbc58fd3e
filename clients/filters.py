import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from clients.models import Client, MigrationStatus, Sex, Vulnerability
from reference.models import Country

# (value, label, youngest age, oldest age)
AGE_GROUPS = [
    ("0-17", _("Under 18"), 0, 17),
    ("18-29", _("18–29"), 18, 29),
    ("30-44", _("30–44"), 30, 44),
    ("45-59", _("45–59"), 45, 59),
    ("60+", _("60 and over"), 60, 200),
    ("unknown", _("Age unknown"), None, None),
]


class ClientFilter(django_filters.FilterSet):
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=Office.objects.filter(is_active=True))
    citizenship = django_filters.ModelChoiceFilter(
        label=_("Citizenship"), queryset=Country.objects.filter(is_active=True)
    )
    sex = django_filters.ChoiceFilter(label=_("Sex"), choices=Sex.choices)
    age_group = django_filters.ChoiceFilter(
        label=_("Age group"), choices=[(group[0], group[1]) for group in AGE_GROUPS], method="filter_age_group"
    )
    migration_status = django_filters.ModelChoiceFilter(
        label=_("Migration status"), queryset=MigrationStatus.objects.filter(is_active=True)
    )
    vulnerability = django_filters.ModelChoiceFilter(
        label=_("Vulnerability"), queryset=Vulnerability.objects.filter(is_active=True), method="filter_vulnerability"
    )

    class Meta:
        model = Client
        fields = ["office", "citizenship", "sex", "age_group", "migration_status", "vulnerability"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not user.sees_all_offices:
            # Only one office to choose from: the filter would be noise.
            del self.filters["office"]
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter_age_group(self, queryset, name, value):
        for group, _label, youngest, oldest in AGE_GROUPS:
            if group == value:
                if youngest is None:
                    return queryset.filter(birth_year__isnull=True)
                year = timezone.localdate().year
                return queryset.filter(birth_year__gte=year - oldest, birth_year__lte=year - youngest)
        return queryset

    def filter_vulnerability(self, queryset, name, value):
        through = Client.vulnerabilities.through
        return queryset.filter(Q(Exists(through.objects.filter(client_id=OuterRef("pk"), vulnerability=value))))
