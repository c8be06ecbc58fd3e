"""The benchmark run: seed, time the pages, time the reports, print one table."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Page, URL name, how to find its argument (None: no argument).
PAGES = [
    ("Home (manager dashboard)", "home", None),
    ("Client list", "clients:list", None),
    ("Client list, search", "clients:list", "search"),
    ("Client detail", "clients:detail", "client"),
    ("Case list", "cases:list", None),
    ("Case detail", "cases:detail", "case"),
    ("Referral board", "memorandum:referral-board", None),
    ("Reports", "reports:list", None),
    ("Outreach list", "outreach:list", None),
    ("Outreach list, filtered (held trainings)", "outreach:list", "outreach-filter"),
    ("Outreach activity", "outreach:detail", "activity"),
    ("Quick contacts (form + latest)", "outreach:contacts", None),
]


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")
    import django

    django.setup()


def seed(clients: int) -> str:
    from django.core.management import call_command

    from clients.models import Client

    existing = Client.objects.count()
    if existing >= clients:
        return f"kept {existing} existing clients"
    started = time.perf_counter()
    call_command("seed_demo", clients=clients, allow_demo_passwords=True, verbosity=0)
    made = Client.objects.count()
    return f"seeded {made} clients in {time.perf_counter() - started:.0f} s"


def _argument(kind: str | None):
    from cases.models import Case
    from clients.models import Client

    if kind == "client":
        return [Client.objects.filter(merged_into__isnull=True).order_by("-pk").values_list("pk", flat=True)[0]]
    if kind == "case":
        return [Case.objects.order_by("-pk").values_list("pk", flat=True)[0]]
    if kind == "activity":
        from outreach.models import Activity

        return [Activity.objects.filter(status="held").order_by("-pk").values_list("pk", flat=True)[0]]
    return []


def time_pages(repeat: int = 5) -> list[dict]:
    from django.db import connection
    from django.test import Client as HttpClient
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from accounts.models import User

    manager = User.objects.filter(role="manager", is_active=True).order_by("pk").first()
    http = HttpClient()
    http.force_login(manager)
    rows = []
    for label, name, kind in PAGES:
        try:
            url = reverse(name, args=_argument(kind) if kind not in (None, "search", "outreach-filter") else [])
        except (NoReverseMatch, IndexError):
            rows.append({"what": label, "note": "not available"})
            continue
        if kind == "search":
            url += "?q=ива"
        if kind == "outreach-filter":
            url += "?kind=training_officials&status=held"
        timings, queries, status = [], 0, None
        for attempt in range(repeat + 1):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = http.get(url)
                elapsed = time.perf_counter() - started
            status = response.status_code
            if attempt:  # the first request warms caches and the connection
                timings.append(elapsed)
                queries = len(captured)
        rows.append(
            {
                "what": label,
                "median_ms": statistics.median(timings) * 1000,
                "max_ms": max(timings) * 1000,
                "queries": queries,
                "note": f"HTTP {status}",
            }
        )
    rows.append(time_quick_contact_post(http, repeat))
    return rows


def time_quick_contact_post(http, repeat: int) -> dict:
    """Logging a hotline call: one POST (then the redirect), as the manager of the Almaty office."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cases.models import ProblemCategory
    from reference.models import Country

    url = reverse("outreach:contacts")
    data = {
        "channel": "phone",
        "action": "advice",
        "sex": "female",
        "age_band": "25-34",
        "citizenship": Country.objects.get(code="uz").pk,
        "categories": [ProblemCategory.objects.order_by("pk").values_list("pk", flat=True)[0]],
        "note": "bench: не платят зарплату",
    }
    timings, queries, status = [], 0, None
    for attempt in range(repeat + 1):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = http.post(url, data)
            elapsed = time.perf_counter() - started
        status = response.status_code
        if attempt:
            timings.append(elapsed)
            queries = len(captured)
    return {
        "what": "Quick contact POST (log one call)",
        "median_ms": statistics.median(timings) * 1000,
        "max_ms": max(timings) * 1000,
        "queries": queries,
        "note": f"HTTP {status}",
    }


def _report_process(period: str, project: str | None, mode: str = "") -> dict:
    command = [sys.executable, "-m", "bench.report_run", "--period", period]
    if project:
        command += ["--project", project]
    if mode:
        command.append(mode)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
    return json.loads(result.stdout)


def time_reports() -> tuple[list[dict], str]:
    from django.db.models import Count, Max

    from cases.models import Case, Consultation
    from reports.periods import quarter_of

    last = Consultation.objects.aggregate(last=Max("started_at"))["last"]
    if last is None:
        return [], "no consultations: nothing to report"
    quarter = quarter_of(last.date())
    if quarter.end > last.date():  # the last quarter is not over: report the one before, complete
        quarter = quarter.previous()
    number = (quarter.start.month - 1) // 3 + 1
    quarter_code, year_code = f"{quarter.start.year}Q{number}", str(quarter.start.year)
    project = (
        Case.objects.filter(project__isnull=False)
        .values("project__code")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("project__code", flat=True)
        .first()
    )
    runs = [
        (f"Report {quarter_code}, all work", quarter_code, None, ""),
        (f"Report {quarter_code}, project {project}", quarter_code, project, ""),
        (f"Counting year {year_code} alone, all work", year_code, None, "--single"),
        (f"Counting year {year_code} + previous year", year_code, None, "--counting-only"),
        (f"Report year {year_code}, all work", year_code, None, ""),
    ]
    rows = []
    for label, period, code, mode in runs:
        if code is None and "project" in label:
            continue
        result = _report_process(period, code, mode)
        rows.append({"what": label, **result})
    if project:
        from bench.indicators import time_indicators

        # In this process (no PDF): the goal is under 1 s for 20 indicators at 100,000 clients.
        rows.append(time_indicators(project, quarter))
    return rows, f"periods from the data: last complete quarter {quarter_code}"


def _database_label() -> str:
    from django.db import connection

    from cases.models import Case, Consultation
    from clients.models import Client
    from memorandum.models import Referral
    from outreach.models import Activity, QuickContact

    return (
        f"{connection.vendor}: {Client.objects.count():,} clients, {Case.objects.count():,} cases, "
        f"{Consultation.objects.count():,} consultations, {Referral.objects.count():,} referrals, "
        f"{Activity.objects.count():,} outreach activities, {QuickContact.objects.count():,} quick contacts"
    )


def print_table(pages: list[dict], reports: list[dict], header: list[str]) -> None:
    print()
    for line in header:
        print(line)
    print()
    print(f"| {'What':<48} | {'Median ms':>9} | {'Max ms':>8} | {'Queries':>7} | Note |")
    print(f"|{'-' * 50}|{'-' * 11}|{'-' * 10}|{'-' * 9}|------|")
    for row in pages:
        if "median_ms" in row:
            print(
                f"| {row['what']:<48} | {row['median_ms']:>9.0f} | {row['max_ms']:>8.0f} | {row['queries']:>7} "
                f"| {row['note']} |"
            )
        else:
            print(f"| {row['what']:<48} | {'':>9} | {'':>8} | {'':>7} | {row['note']} |")
    print()
    print(f"| {'Report':<48} | {'Counting s':>10} | {'PDF s':>6} | {'Total s':>7} | {'Peak MB':>7} |")
    print(f"|{'-' * 50}|{'-' * 12}|{'-' * 8}|{'-' * 9}|{'-' * 9}|")
    for row in reports:
        if "error" in row:
            print(f"| {row['what']:<48} | error: {row['error']} |")
            continue
        pdf = f"{row['pdf']:.2f}" if "pdf" in row else ""
        peak = f"{row['maxrss_mb']:.0f}" if row.get("maxrss_mb") else ""
        print(f"| {row['what']:<48} | {row['counting']:>10.2f} | {pdf:>6} | {row['total']:>7.2f} | {peak:>7} |")
    print()
    print(
        "Targets (2-core machine): counting a year of 100,000 clients < 2 s on PostgreSQL, PDF < 15 s, worker < 500 MB;"
        "\n20 project indicators (period and cumulative) < 1 s."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--clients",
        type=int,
        default=None,
        help="Seed up to this many clients (default 100000 on PostgreSQL, 10000 on SQLite).",
    )
    parser.add_argument("--no-seed", action="store_true", help="Use the data already in the database.")
    parser.add_argument("--repeat", type=int, default=5, help="Requests per page (after one warm-up).")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    _setup()
    from django.conf import settings
    from django.db import connection

    header = []
    if connection.vendor != "postgresql":
        header.append("Not PostgreSQL: the targets are for PostgreSQL (set DATABASE_URL to a database made for this).")
    if not args.no_seed:
        clients = args.clients or (100_000 if connection.vendor == "postgresql" else 10_000)
        header.append("Seed: " + seed(clients))
    header.append("Database " + _database_label())
    header.append(f"Machine: {os.cpu_count()} CPUs; DEBUG={settings.DEBUG}")
    pages = time_pages(args.repeat)
    reports, note = time_reports()
    header.append(note)
    print_table(pages, reports, header)
