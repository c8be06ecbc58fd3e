"""The PDF: a Django template rendered by WeasyPrint, with nothing fetched from the network.

Fonts come from the system (fontconfig: DejaVu and Noto, which have the
Kazakh letters ә ғ қ ң ө ұ ү һ і and Uzbek Latin), charts are SVG data URIs,
the stylesheet is inline. The product's one fetcher (``reference.pdf``) refuses
every other URL, so a report cannot leak a request or hang on a slow server.
"""

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from reference.pdf import LocalFetcher


def render_pdf(context: dict) -> bytes:
    with translation.override(context["language"]):
        html = render_to_string("reports/pdf/report.html", context)
    return HTML(string=html, url_fetcher=LocalFetcher(data_uris=True)).write_pdf()
