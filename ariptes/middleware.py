"""Response headers that protect what staff see on shared office computers."""

from django.http import HttpRequest, HttpResponse

# What a browser or a proxy must never keep for the next person at the computer.
PRIVATE_CONTENT_TYPES = (
    "text/html",
    "application/pdf",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/json",
)


class NoStoreMiddleware:
    """``Cache-Control: no-store, private`` on every response to a logged-in user that holds a page or a file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type in PRIVATE_CONTENT_TYPES or response.has_header("Content-Disposition"):
                response["Cache-Control"] = "no-store, private"
                response["Pragma"] = "no-cache"
        return response


class PermissionsPolicyMiddleware:
    """Switch off browser features no page uses (camera, microphone, geolocation...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings

        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
