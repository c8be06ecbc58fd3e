"""Where private files live: the local disk (embedded default) or S3-compatible object storage.

Several web nodes and workers on different hosts must see the same documents, letters and reports,
so production with more than one node sets ``STORAGE_URL`` (or the ``AWS_*`` variables) and every
file is read and written through Django's storage API, never through a shared path.

Files stay private either way: objects are written without a public ACL, and they leave only
through the permission-checked, audited download views (``private_file_response``).
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from ariptes.env import env_bool, env_int, env_str

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def storage_from_environment() -> dict:
    """The ``STORAGES["default"]`` entry for this process, from ``STORAGE_URL`` or ``AWS_*``.

    ``STORAGE_URL=s3://KEY:SECRET@host:port/bucket?tls=false&region=eu-central-1&sse=AES256``
    (``tls`` defaults to true; ``sse`` asks the storage to encrypt objects at rest where it can).
    Without either, files go to ``MEDIA_ROOT`` on the local disk.
    """
    url = env_str("STORAGE_URL", "")
    if url:
        return _from_url(url)
    bucket = env_str("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return LOCAL
    options = {
        "bucket_name": bucket,
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
        "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
    }
    return _s3(options, sse=env_str("AWS_S3_SSE", ""))


def _from_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme != "s3":
        raise ImproperlyConfigured(f"STORAGE_URL must start with s3://, got {parts.scheme or 'nothing'}://")
    bucket = parts.path.strip("/")
    if not bucket or not parts.hostname:
        raise ImproperlyConfigured("STORAGE_URL must name a host and a bucket: s3://KEY:SECRET@host:port/bucket")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    tls = query.get("tls", "true").lower() not in {"0", "false", "no", "off"}
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    options = {
        "bucket_name": bucket,
        "endpoint_url": f"{'https' if tls else 'http'}://{host}",
        "region_name": query.get("region") or None,
        "access_key": unquote(parts.username or "") or None,
        "secret_key": unquote(parts.password or "") or None,
    }
    return _s3(options, sse=query.get("sse", ""))


def _s3(options: dict, *, sse: str) -> dict:
    options.update(
        {
            # Never a public object: no ACL header (the bucket's private default applies).
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("FILES_SIGNED_URL_SECONDS", 60) or 60,
            # Two nodes saving the same name must not overwrite each other's file.
            "file_overwrite": False,
            "signature_version": "s3v4",
            "addressing_style": "path",
        }
    )
    if sse:
        options["object_parameters"] = {"ServerSideEncryption": sse}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {k: v for k, v in options.items() if v is not None}}


def uses_object_storage(storages: dict) -> bool:
    return storages["default"]["BACKEND"] != LOCAL["BACKEND"]


def signed_url_downloads() -> bool:
    """Redirect to a short-lived signed URL after the permission check, instead of streaming."""
    return env_bool("FILES_SIGNED_URLS", False)
