"""seed_demo's cases: about 1.5 cases and 4 consultations per client, and nothing new on a second run."""

import io
import random

from django.utils import timezone

from cases.models import Case, CaseEvent, Consultation, Project
from cases.selectors import cases_visible_to
from demo.seed_accounts import seed as seed_accounts
from demo.seed_cases import seed as seed_cases
from demo.seed_clients import seed as seed_clients


def test_the_demo_gives_every_client_cases_once(db):
    context, rng, out = {}, random.Random(7), io.StringIO()
    seed_accounts(context, clients=None, rng=rng, stdout=out)
    seed_clients(context, clients=60, rng=rng, stdout=out)
    seed_cases(context, clients=60, rng=rng, stdout=out)

    assert Project.objects.filter(funder__code__in=["iom", "osce", "ilo"]).count() == 3
    cases = Case.objects.count()
    assert 60 <= cases <= 150
    assert Consultation.objects.count() >= 2 * cases
    assert not Case.objects.filter(categories=None).exists()
    # Everyone on a case can open it, restricted clients included.
    for case in Case.objects.select_related("lead").prefetch_related("staff"):
        for member in [case.lead, *case.staff.all()]:
            assert cases_visible_to(member).filter(pk=case.pk).exists()

    # The timeline of a demo case reads as real work: nothing in the future, nothing before the case was opened.
    now = timezone.now()
    assert not Consultation.objects.filter(started_at__gt=now).exists()
    assert not CaseEvent.objects.filter(at__gt=now).exists()
    opened_at = dict(CaseEvent.objects.filter(kind="opened").values_list("case_id", "at"))
    assert all(c.started_at >= opened_at[c.case_id] for c in Consultation.objects.only("case_id", "started_at"))

    line = seed_cases(context, clients=60, rng=rng, stdout=out)
    assert Case.objects.count() == cases
    assert "0 new cases" in line
