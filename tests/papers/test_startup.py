"""WeasyPrint is heavy: the site starts (and /healthz answers) without importing it."""

import subprocess
import sys


def test_starting_the_site_does_not_import_weasyprint():
    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'ariptes.settings'; django.setup(); "
        "import ariptes.urls, papers.views; print('weasyprint' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "False"
