"""The benchmark run: seed, time the pages in-process and under load, time the reports, print tables.

``python -m bench`` measures this checkout. ``python -m bench --baseline <git ref>``
(``make bench BASELINE=<ref>``) also checks the ref out in a git worktree
(``.bench/<sha>``, using this interpreter and its packages) and measures both in
the same run, interleaved round by round (the order alternates), and prints the
ratio per page: every "faster" is measured side by side.

Databases: both sides use the database of DATABASE_URL when their migrations are
the same. When they differ, the baseline keeps that database (seeded and migrated
by the baseline's code) and this checkout gets a copy of it (``<name>_head``,
``CREATE DATABASE ... TEMPLATE``) migrated forward, so both read identical rows.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import load

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "probe.py"

LOAD_PAGES = [
    # label of the probe's page, whether it is the POST
    "Case list (one office)",
    "Case search (one office)",
    "Case page (4 consultations)",
    "Consultation POST (htmx)",
    "Client page",
    "Referral board (manager)",
]


# --- Checkouts and databases ----------------------------------------------------------


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def baseline_tree(ref: str) -> Path:
    sha = git("rev-parse", "--verify", f"{ref}^{{commit}}")
    tree = ROOT / ".bench" / sha[:12]
    if not (tree / "manage.py").exists():
        tree.parent.mkdir(exist_ok=True)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=True)
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), sha], cwd=ROOT, check=True)
    return tree


def migrations_differ(ref: str) -> bool:
    """True when this checkout's migrations are not those of ``ref`` (committed or not)."""
    changed = git("diff", "--name-only", ref, "--", ":(glob)**/migrations/*.py")
    untracked = git("ls-files", "--others", "--exclude-standard", "--", ":(glob)**/migrations/*.py")
    return bool(changed or untracked)


def _admin_connection(url: str):
    import psycopg

    parts = url.rsplit("/", 1)
    return psycopg.connect(parts[0] + "/postgres", autocommit=True)


def copy_database(source_url: str, target_url: str) -> bool:
    """Create ``target`` as a copy of ``source`` unless it exists; True when it was created."""
    source, target = source_url.rsplit("/", 1)[1], target_url.rsplit("/", 1)[1]
    with _admin_connection(source_url) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target]).fetchone()
        if exists:
            return False
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    return True


def analyze(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def seed(side: load.Side, clients: int) -> str:
    code = "from clients.models import Client; print(Client.objects.count())"
    count = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=side.root,
        env=side.env,
        capture_output=True,
        text=True,
        check=True,
    )
    existing = int(count.stdout.strip().splitlines()[-1])
    if existing >= clients:
        return f"kept {existing:,} existing clients"
    started = time.perf_counter()
    side.manage("seed_demo", "--clients", str(clients), "--allow-demo-passwords", "-v", "0")
    return f"seeded {clients:,} clients in {time.perf_counter() - started:.0f} s"


# --- In-process pages -------------------------------------------------------------------


def probe(side: load.Side, *args: str) -> dict | list:
    result = subprocess.run(
        [sys.executable, str(PROBE), "--root", str(side.root), *args],
        cwd=side.root,
        env=side.env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"probe on {side.name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


# --- Reports ----------------------------------------------------------------------------------


def report_runs(side: load.Side) -> list[tuple]:
    code = (
        "import json; from django.db.models import Count, Max; from cases.models import Case, Consultation; "
        "from reports.periods import quarter_of; "
        "last = Consultation.objects.aggregate(last=Max('started_at'))['last']; "
        "q = quarter_of(last.date()); q = q.previous() if q.end > last.date() else q; "
        "p = Case.objects.filter(project__isnull=False).values('project__code').annotate(n=Count('pk'))"
        ".order_by('-n').values_list('project__code', flat=True).first(); "
        "print(json.dumps([q.start.year, (q.start.month - 1) // 3 + 1, p]))"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=side.root,
        env=side.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    year, number, project = json.loads(output.strip().splitlines()[-1])
    quarter = f"{year}Q{number}"
    runs = [
        (f"Report {quarter}, all work", quarter, None, ""),
        (f"Counting {quarter} + previous quarter, all work", quarter, None, "--counting-only"),
        (f"Report {quarter}, project {project}", quarter, project, ""),
        (f"Counting year {year} alone, all work", str(year), None, "--single"),
        (f"Report year {year}, all work", str(year), None, ""),
    ]
    return [run for run in runs if run[2] is not None or "project" not in run[0]]


def report(side: load.Side, period: str, project: str | None, mode: str) -> dict:
    command = [sys.executable, "-m", "bench.report_run", "--period", period]
    if project:
        command += ["--project", project]
    if mode:
        command.append(mode)
    result = subprocess.run(command, cwd=side.root, env=side.env, capture_output=True, text=True, check=False)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
    return json.loads(result.stdout)


# --- Tables ------------------------------------------------------------------------------------


def _ratio(base: float | None, head: float | None) -> str:
    if not base or not head:
        return ""
    return f"{base / head:.2f}×"


def print_pages(sides: list[load.Side], samples: dict) -> None:
    head = sides[0].name
    base = sides[1].name if len(sides) > 1 else None
    print("\nIn-process (Django test client, production settings), median of every request of every round:\n")
    columns = f"| Page | {head} ms | queries | writes |"
    if base:
        columns += f" {base} ms | queries | writes | speed-up |"
    print(columns)
    print("|---" * (columns.count("|") - 1) + "|")
    for label, by_side in samples.items():
        cells = []
        medians = {}
        for side in sides:
            rows = by_side.get(side.name, [])
            if not rows:
                cells += ["", "", ""]
                continue
            timings = [t for row in rows for t in row["timings_ms"]]
            medians[side.name] = statistics.median(timings)
            last = rows[-1]
            status = "" if last["status"] in (200, 302) else f" (HTTP {last['status']})"
            cells += [f"{medians[side.name]:.1f}{status}", str(last["queries"]), str(last["writes"])]
        if base:
            cells.append(_ratio(medians.get(base), medians.get(head)))
        print(f"| {label} | " + " | ".join(cells) + " |")


def print_load(sides: list[load.Side], results: dict) -> None:
    head = sides[0].name
    base = sides[1].name if len(sides) > 1 else None
    print("\nUnder load (gunicorn, 2 sync workers, wrk -c4), median of the rounds:\n")
    columns = f"| Page | {head} req/s | p50 ms | p95 ms |"
    if base:
        columns += f" {base} req/s | p50 ms | p95 ms | req/s ratio |"
    print(columns)
    print("|---" * (columns.count("|") - 1) + "|")
    for label, by_side in results.items():
        cells, rps = [], {}
        for side in sides:
            runs = by_side.get(side.name, [])
            if not runs:
                cells += ["", "", ""]
                continue
            rps[side.name] = statistics.median(r["rps"] for r in runs)
            bad = sum(r["bad"] for r in runs)
            cells += [
                f"{rps[side.name]:.1f}" + (f" ({bad} failed)" if bad else ""),
                f"{statistics.median(r['p50_ms'] for r in runs):.0f}",
                f"{statistics.median(r['p95_ms'] for r in runs):.0f}",
            ]
        if base:
            cells.append(_ratio(rps.get(head), rps.get(base)))
        print(f"| {label} | " + " | ".join(cells) + " |")


def print_reports(sides: list[load.Side], rows: dict) -> None:
    print("\nReports (a fresh worker-like process each):\n")
    columns = "| Report |" + "".join(f" {s.name} counting s | total s | peak MB |" for s in sides)
    print(columns)
    print("|---" * (columns.count("|") - 1) + "|")
    for label, by_side in rows.items():
        cells = []
        for side in sides:
            row = by_side.get(side.name, {})
            if "error" in row:
                cells += [f"error: {row['error']}", "", ""]
            elif row:
                cells += [f"{row['counting']:.2f}", f"{row['total']:.2f}", f"{row['maxrss_mb']:.0f}"]
            else:
                cells += ["", "", ""]
        print(f"| {label} | " + " | ".join(cells) + " |")


# --- Main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000, help="Seed up to this many clients (default 100000).")
    parser.add_argument("--no-seed", action="store_true", help="Use the data already in the database.")
    parser.add_argument("--baseline", help="A git ref measured side by side with this checkout.")
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved rounds (default 3).")
    parser.add_argument("--repeat", type=int, default=15, help="In-process requests per page and round.")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page, side and round.")
    parser.add_argument("--no-load", action="store_true", help="Skip the gunicorn + wrk part.")
    parser.add_argument("--no-reports", action="store_true", help="Skip the reports.")
    parser.add_argument("--page", action="append", help="Measure only this page (its label; repeatable).")
    args = parser.parse_args(argv)
    os.chdir(ROOT)

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database made for benchmarks, e.g. "
            "postgres://postgres@127.0.0.1:5432/ariptes_bench (the targets are for PostgreSQL)."
        )
    head = load.Side("head", ROOT, database_url, 8611, 12)
    sides = [head]
    commit = git("rev-parse", "--short", "HEAD")
    header = [f"Run {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, head = {commit}"]
    if git("status", "--porcelain", "--untracked-files=no"):
        header[0] += " (with uncommitted changes)"
    if args.baseline:
        base_root = baseline_tree(args.baseline)
        base = load.Side("baseline", base_root, database_url, 8612, 13)
        sides.append(base)
        header.append(f"Baseline = {args.baseline} ({git('rev-parse', '--short', 'HEAD', cwd=base_root)})")
        if migrations_differ(args.baseline):
            head.database_url = database_url + "_head"
            header.append("Migrations differ: the baseline runs on the database, head on a migrated copy of it.")
    source = sides[-1]  # the oldest code seeds the shared rows
    source.manage("migrate", "--no-input", "-v", "0")
    if not args.no_seed:
        header.append("Seed: " + seed(source, args.clients))
    if head.database_url != source.database_url and copy_database(source.database_url, head.database_url):
        header.append("Copied the database for head.")
    head.manage("migrate", "--no-input", "-v", "0")
    for url in {side.database_url for side in sides}:
        analyze(url)  # fresh planner statistics on both sides (a just-seeded table has none)
    for side in sides:
        side.manage("collectstatic", "--no-input", "-v", "0")
    targets = probe(head, "--pick")
    header.append(f"Records: {json.dumps(targets)}")
    header.append(
        "Database: "
        + probe_label(head)
        + "; load: wrk -t2 -c4, "
        + f"{args.seconds} s per page, side and round; {args.rounds} rounds"
    )

    samples: dict = {}
    loaded: dict = {}
    try:
        if not args.no_load:
            for side in sides:
                side.start()
                side.cookies = {user: side.log_in(user) for user in ("lawyer", "manager")}
        for round_number in range(args.rounds):
            order = sides if round_number % 2 == 0 else list(reversed(sides))
            for side in order:
                only = [arg for page in args.page or [] for arg in ("--only", page)]
                for row in probe(side, "--targets", json.dumps(targets), "--repeat", str(args.repeat), *only):
                    samples.setdefault(row["what"], {}).setdefault(side.name, []).append(row)
            if args.no_load:
                continue
            for label in LOAD_PAGES:
                if args.page and label not in args.page:
                    continue
                for side in order:
                    row = samples[label][side.name][-1]
                    user = "manager" if "(manager)" in label else "lawyer"
                    post = None
                    if "POST" in label:
                        post = post_data(targets, side)
                    loaded.setdefault(label, {}).setdefault(side.name, []).append(
                        load.wrk(
                            side,
                            row["url"],
                            side.cookies[user],
                            post=post,
                            htmx="htmx" in label,
                            seconds=args.seconds,
                        )
                    )
            print(f"round {round_number + 1}/{args.rounds} done", file=sys.stderr)
    finally:
        for side in sides:
            side.stop()

    reports: dict = {}
    if not args.no_reports:
        for label, period, project, mode in report_runs(head):
            for side in sides:
                reports.setdefault(label, {})[side.name] = report(side, period, project, mode)

    print()
    for line in header:
        print(line)
    print_pages(sides, samples)
    if loaded:
        print_load(sides, loaded)
    if reports:
        print_reports(sides, reports)
    print(
        "\nTargets at 100,000 clients (in-process medians): case page ≤ 8 ms and ≤ 10 queries; consultation POST "
        "≤ 10 ms; case list and search of one office ≤ 25 ms; referral board ≤ 30 ms; client page ≤ 12 ms; "
        "home ≤ 20 ms; no writes on a GET; report counting ≤ 1 s, whole job ≤ 5 s, worker ≤ 300 MB."
    )


def probe_label(side: load.Side) -> str:
    code = (
        "from cases.models import Case, Consultation; from clients.models import Client; "
        "from memorandum.models import Referral; "
        "print(f'{Client.objects.count():,} clients, {Case.objects.count():,} cases, "
        "{Consultation.objects.count():,} consultations, {Referral.objects.count():,} referrals')"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=side.root,
        env=side.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return output.strip().splitlines()[-1]


def post_data(targets: dict, side: load.Side) -> dict:
    """The form of a consultation, as the case page sends it (ids are the same on both sides)."""
    return probe(side, "--post-data", "--targets", json.dumps(targets))
