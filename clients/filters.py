import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from clients.models import Client, MigrationStatus, Sex, Vulnerability
from reference.ages import AGE_BANDS, birth_year_filter
from reference.models import Country


class ClientFilter(django_filters.FilterSet):
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=Office.objects.filter(is_active=True))
    citizenship = django_filters.ModelChoiceFilter(
        label=_("Citizenship"), queryset=Country.objects.filter(is_active=True)
    )
    sex = django_filters.ChoiceFilter(label=_("Sex"), choices=Sex.choices)
    age_group = django_filters.ChoiceFilter(
        label=_("Age group"), choices=[(band.value, band.label) for band in AGE_BANDS], method="filter_age_group"
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
        # The choices are the bands of reference.ages, so the value is always one of them.
        return queryset.filter(birth_year_filter(value))

    def filter_vulnerability(self, queryset, name, value):
        through = Client.vulnerabilities.through
        return queryset.filter(Q(Exists(through.objects.filter(client_id=OuterRef("pk"), vulnerability=value))))
