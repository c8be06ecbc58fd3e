from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from accounts.models import Office
from cases.models import Project
from reports.document import ReportRequest, build_files
from reports.models import REPORT_LANGUAGES, Audience
from reports.periods import parse_period


class Command(BaseCommand):
    help = (
        "Build a funder report (PDF, optionally XLSX) from the command line, with the same code as the "
        "web page: generate_report --period 2026Q3 --language en --output report.pdf [--project CODE] "
        "[--xlsx report.xlsx] [--offices ALA,AST]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2026Q3, 2026, or 2026-01-01:2026-03-31")
        parser.add_argument("--language", default="en", choices=[code for code, _name in REPORT_LANGUAGES])
        parser.add_argument("--output", required=True, help="Where to write the PDF.")
        parser.add_argument("--xlsx", help="Where to write the spreadsheet (optional).")
        parser.add_argument("--project", help="Project code; all work when omitted.")
        parser.add_argument("--offices", help="Comma-separated office codes; all offices when omitted.")
        parser.add_argument(
            "--audience", default=Audience.FUNDER, choices=Audience.values, help="funder (default), public or internal"
        )

    def handle(self, *args, period, language, output, xlsx, project, offices, audience, **options):
        try:
            parsed = parse_period(period).up_to(timezone.localdate())
        except ValueError as error:
            raise CommandError(str(error)) from error
        chosen_project = None
        if project:
            chosen_project = Project.objects.filter(code=project).first()
            if chosen_project is None:
                raise CommandError(f"No project with the code {project!r}.")
        chosen_offices = []
        if offices:
            codes = [code.strip().upper() for code in offices.split(",") if code.strip()]
            chosen_offices = list(Office.objects.filter(code__in=codes).order_by("name_ru"))
            missing = set(codes) - {office.code for office in chosen_offices}
            if missing:
                raise CommandError(f"Unknown office codes: {', '.join(sorted(missing))}.")

        def progress(stage: str, percent: int) -> None:
            if options["verbosity"] > 1:
                self.stderr.write(f"{percent:3d}% {stage}")

        files = build_files(
            ReportRequest(
                period=parsed, language=language, audience=audience, project=chosen_project, offices=chosen_offices
            ),
            progress,
        )
        Path(output).write_bytes(files.pdf)
        if xlsx:
            Path(xlsx).write_bytes(files.xlsx)
        with translation.override("en"):
            label = parsed.label
        self.stdout.write(
            f"Report {label}: counting {files.counting_seconds:.2f} s, PDF {files.pdf_seconds:.2f} s -> {output}"
            + (f", {xlsx}" if xlsx else "")
        )
