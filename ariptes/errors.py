"""Error pages that never echo the request (no names, no search terms)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# Tells the language switcher not to send the visitor back to the failed address.
CONTEXT = {"error_page": True}


def bad_request(request, exception=None):
    return render(request, "errors/400.html", CONTEXT, status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", CONTEXT, status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", CONTEXT, status=404)


def server_error(request):
    # No request context: the failure may be the database, which the user menu
    # and navigation would query again.
    return HttpResponseServerError(loader.get_template("errors/500.html").render(CONTEXT))
