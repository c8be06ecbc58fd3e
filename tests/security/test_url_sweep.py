"""Every URL, visited by a logged-in manager and anonymously: pages and files carry no-store and a CSP.

The URL list comes from the URLconf itself, so a new page is swept without anyone adding it here.
"""

import re

import pytest
from django.test import Client as HttpClient
from django.urls import URLPattern, URLResolver, get_resolver

from tests.cases.factories import ConsultationFactory, FollowUpFactory
from tests.memorandum.factories import make_referral

PRIVATE_TYPES = ("text/html", "application/pdf", "text/csv", "application/vnd.openxmlformats")
# Not pages: logging out ends the session the sweep uses.
SKIP = {"accounts:logout"}


def _patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            route = str(entry.pattern)
            if route.startswith("admin/"):
                yield "admin:index", prefix + "admin/"
                continue
            yield from _patterns(entry, prefix + route, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            yield name, prefix + str(entry.pattern)


def _fill(route: str, name: str, ids: dict) -> str:
    def value(match):
        converter, param = match.group(1) or "str", match.group(2)
        if converter == "int":
            for key, pk in ids.items():
                if key in name:
                    return str(pk)
            return str(ids["default"])
        return {"kind": "pdf", "action": "accept"}.get(param, "x")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route).lstrip("^").rstrip("$")


@pytest.fixture
def world(case, lawyer, coordinator, psychologist):
    consultation = ConsultationFactory(case=case, given_by=psychologist, kind="psychological")
    follow_up = FollowUpFactory(case=case, assigned_to=lawyer)
    referral = make_referral(coordinator=coordinator, case=case)
    return {
        "consultation": consultation.pk,
        "follow-up": follow_up.pk,
        "memorandum:referral": referral.pk,
        "cases:": case.pk,
        "clients:": case.client_id,
        "default": case.pk,
    }


def test_every_page_and_file_for_a_logged_in_user_is_no_store_and_has_a_csp(world, manager):
    http = HttpClient()
    http.force_login(manager)
    seen = []
    for name, route in _patterns():
        if name in SKIP:
            continue
        url = _fill(route, name, world)
        response = http.get(url)
        content_type = response.get("Content-Type", "")
        if content_type.startswith(PRIVATE_TYPES):
            seen.append(url)
            assert "no-store" in response.get("Cache-Control", ""), url
            assert "private" in response.get("Cache-Control", ""), url
            if content_type.startswith("text/html"):
                assert "script-src" in response.get("Content-Security-Policy", ""), url
                assert "camera=()" in response.get("Permissions-Policy", ""), url
    assert len(seen) > 30


def test_anonymous_pages_have_a_csp_too(db):
    response = HttpClient().get("/accounts/login/")
    assert "script-src" in response.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in response.get("Content-Security-Policy", "")
