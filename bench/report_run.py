"""Builds one report in a fresh process and prints its timings and peak memory as JSON.

A separate process is what a Celery worker is: its peak resident size
(getrusage maxrss) is the memory a worker needs for this report, without the
benchmark's own objects counted in.
"""

import argparse
import json
import os
import resource
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", required=True)
    parser.add_argument("--project")
    parser.add_argument("--counting-only", action="store_true", help="Count the period and the previous one.")
    parser.add_argument("--single", action="store_true", help="Count this period only, no comparison.")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")
    import django

    django.setup()
    from cases.models import Project
    from reports.counting import count, snapshot
    from reports.document import ReportRequest, build_files, count_tables
    from reports.periods import parse_period

    project = Project.objects.get(code=args.project) if args.project else None
    request = ReportRequest(period=parse_period(args.period), language="en", project=project)
    result = {}
    started = time.perf_counter()
    if args.single:
        with snapshot():
            count(request.scope, request.period)
        result["counting"] = time.perf_counter() - started
    elif args.counting_only:
        count_tables(request)
        result["counting"] = time.perf_counter() - started
    else:
        files = build_files(request)
        result.update(counting=files.counting_seconds, pdf=files.pdf_seconds, pdf_bytes=len(files.pdf))
    result["total"] = time.perf_counter() - started
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
