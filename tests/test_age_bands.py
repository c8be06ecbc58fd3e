"""One age banding: the client filter, the referral letter and the funder report put each person in the same band.

A person of each edge age (17/18, 24/25, 34/35, 49/50) and one without a birth year come to
office A this year; the client list filtered by a band, the letter's age line and the report's
age table must agree on who is in which band, and all three name the bands of ``reference.ages``.
"""

import pytest
from django.utils import timezone

from clients.filters import ClientFilter
from clients.models import Client
from memorandum import pdf
from reference.ages import AGE_BANDS, AgeBand, age_band
from reports.counting import AGE_GROUPS, Figures, Scope, count_clients
from reports.periods import parse_period
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

EDGE_AGES = [0, 17, 18, 24, 25, 34, 35, 49, 50, 90]


@pytest.fixture
def people(lawyer, office_a):
    """One client per edge age plus one of unknown age, each with a case opened today."""
    year = timezone.localdate().year
    clients = []
    for age in [*EDGE_AGES, None]:
        case = CaseFactory(lead=lawyer, office=office_a)
        case.client.birth_year = None if age is None else year - age
        case.client.save(update_fields=["birth_year"])
        clients.append(case.client)
    return clients


def _filtered(band: AgeBand, user) -> set[int]:
    client_filter = ClientFilter({"age_group": band.value}, queryset=Client.objects.all(), user=user)
    assert client_filter.is_valid(), client_filter.errors
    return set(client_filter.qs.values_list("pk", flat=True))


def _letter_label(band: AgeBand, language: str) -> str:
    return pdf.age_band_label(band, language)


def test_the_filter_the_letter_and_the_report_put_everyone_in_the_same_band(people, manager):
    expected = {band: {client.pk for client in people if age_band(client.birth_year) == band} for band in AGE_BANDS}
    # Every band is met by the edge ages, and each edge pair is split across two bands.
    assert all(expected[band] for band in AGE_BANDS)
    assert sum(len(pks) for pks in expected.values()) == len(people)

    # The client list filter.
    for band in AGE_BANDS:
        assert _filtered(band, manager) == expected[band], band

    # The referral letter: each person's age line is the wording of their band.
    for client in people:
        band = age_band(client.birth_year)
        for language in ("ru", "kk"):
            assert pdf.age_group(client.birth_year, language) == _letter_label(band, language)
    labels = [_letter_label(band, "ru") for band in AGE_BANDS]
    assert labels == ["до 18 лет", "18–24 лет", "25–34 лет", "35–49 лет", "50 лет и старше", "не указан"]
    assert len({_letter_label(band, "kk") for band in AGE_BANDS}) == len(AGE_BANDS)

    # The funder report of this year counts the same people in the same bands.
    period = parse_period(str(timezone.localdate().year))
    figures = Figures(period=period)
    count_clients(figures, Scope(), period, [])
    assert [band.value for band in AGE_BANDS] == AGE_GROUPS
    assert {group: figures.clients["age_group"][group] for group in AGE_GROUPS} == {
        band.value: len(expected[band]) for band in AGE_BANDS
    }


def test_the_client_filter_offers_exactly_the_funders_bands(manager):
    choices = [value for value, _label in ClientFilter(user=manager).filters["age_group"].extra["choices"]]
    assert choices == [band.value for band in AGE_BANDS]
