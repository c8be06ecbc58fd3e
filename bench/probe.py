"""Times the pages in-process, inside one checkout of Ariptes, and prints JSON.

Run by ``bench`` as ``python bench/probe.py --root <checkout> ...`` with the
checkout as working directory. It imports nothing from ``bench`` itself, only
the checkout's own project, so the same probe measures today's code and an older
commit (``make bench BASELINE=<ref>``) side by side.

``--pick`` chooses the records every side measures (a case with four
consultations, another one to log consultations on, their client) and prints
their ids; the timing run takes them back with ``--targets``.
"""

import argparse
import json
import os
import statistics
import sys
import time
from urllib.parse import urlencode


def _setup(root: str) -> None:
    sys.path.insert(0, root)
    os.chdir(root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")
    import django

    django.setup()


def pick() -> dict:
    from django.db.models import Count

    from accounts.models import User
    from cases.models import OPEN_STATUSES, Case

    lawyer = User.objects.get(username="lawyer")
    candidates = (
        Case.objects.filter(office_id=lawyer.office_id, client__is_restricted=False, status__in=OPEN_STATUSES)
        .filter(client__merged_into__isnull=True)
        .annotate(n=Count("consultations"))
        .filter(n=4)
        .order_by("-pk")
        .values_list("pk", "client_id")[:2]
    )
    (case, client), (post_case, _client) = list(candidates)
    return {"case": case, "client": client, "post_case": post_case}


def pages(targets: dict) -> list[tuple]:
    """(label, username, method, url name, args, query, htmx)."""
    return [
        ("Home (caseworker)", "lawyer", "get", "home", [], "", False),
        ("Home (manager)", "manager", "get", "home", [], "", False),
        ("Case list (one office)", "lawyer", "get", "cases:list", [], "", False),
        ("Case search (one office)", "lawyer", "get", "cases:list", [], urlencode({"q": "ива"}), False),
        ("Case page (4 consultations)", "lawyer", "get", "cases:detail", [targets["case"]], "", False),
        ("Consultation POST (htmx)", "lawyer", "post", "cases:consultation-create", [targets["post_case"]], "", True),
        ("Consultation POST (plain)", "lawyer", "post", "cases:consultation-create", [targets["post_case"]], "", False),
        ("Client page", "lawyer", "get", "clients:detail", [targets["client"]], "", False),
        ("Referral board (coordinator)", "coordinator", "get", "memorandum:referral-board", [], "", False),
        ("Referral board (manager)", "manager", "get", "memorandum:referral-board", [], "", False),
        ("Outreach list (coordinator)", "coordinator", "get", "outreach:list", [], "", False),
        ("Quick contact POST", "lawyer", "post", "outreach:contacts", [], "", False),
    ]


def quick_contact_data() -> dict:
    """A hotline call as the quick-contact form posts it (one POST, then the redirect)."""
    from cases.models import ProblemCategory
    from reference.models import Country

    return {
        "channel": "phone",
        "action": "advice",
        "sex": "female",
        "age_band": "25-34",
        "citizenship": Country.objects.get(code="uz").pk,
        "categories": [ProblemCategory.objects.order_by("pk").values_list("pk", flat=True)[0]],
        "note": "bench: wages unpaid for two months",
    }


def consultation_data(case_id: int, user) -> dict:
    from django.utils import timezone

    from cases.models import Case, ConsultationKind, ConsultationMode

    case = Case.objects.get(pk=case_id)
    return {
        "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "30",
        "given_by": str(user.pk),
        "kind": ConsultationKind.LEGAL,
        "mode": ConsultationMode.OFFICE,
        "place": "Office",
        "language": str(case.language_id or ""),
        "summary": "Benchmark consultation: advice on unpaid wages.",
        "next_steps": "",
    }


def measure(targets: dict, repeat: int, only: set[str] | None) -> list[dict]:
    from django.db import connection
    from django.test import Client as HttpClient
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from accounts.models import User

    users = {}
    rows = []
    for label, username, method, name, args, query, htmx in pages(targets):
        if only and label not in only:
            continue
        if username not in users:
            http = HttpClient()
            user = User.objects.get(username=username)
            http.force_login(user)
            users[username] = (http, user)
        http, user = users[username]
        try:
            url = reverse(name, args=args) + (f"?{query}" if query else "")
        except NoReverseMatch:
            continue  # a page this version does not have (a baseline before the app existed)
        headers = {"HX-Request": "true"} if htmx else {}
        if method == "post":
            form = quick_contact_data() if name == "outreach:contacts" else consultation_data(args[0], user)
        else:
            form = None

        def call(http=http, method=method, url=url, form=form, headers=headers):
            if method == "post":
                return http.post(url, form, headers=headers)
            return http.get(url, headers=headers)

        response = call()  # warms caches and the connection
        with CaptureQueriesContext(connection) as captured:
            response = call()
        sql = [q["sql"].lstrip().split(" ", 1)[0].upper() for q in captured.captured_queries]
        writes = sum(1 for verb in sql if verb in ("INSERT", "UPDATE", "DELETE"))
        timings = []
        for _attempt in range(repeat):
            started = time.perf_counter()
            response = call()
            timings.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "what": label,
                "url": url,
                "median_ms": statistics.median(timings),
                "timings_ms": timings,
                "queries": len(sql),
                "writes": writes,
                "status": response.status_code,
                "bytes": len(response.content),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--pick", action="store_true")
    parser.add_argument("--targets", default="{}")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", action="append")
    parser.add_argument("--post-data", action="store_true", help="Print the consultation form wrk posts.")
    args = parser.parse_args()
    _setup(args.root)
    if args.pick:
        json.dump(pick(), sys.stdout)
        return
    targets = json.loads(args.targets)
    if args.post_data:
        from accounts.models import User

        json.dump(consultation_data(targets["post_case"], User.objects.get(username="lawyer")), sys.stdout)
        return
    json.dump(measure(targets, args.repeat, set(args.only or [])), sys.stdout)


if __name__ == "__main__":
    main()
