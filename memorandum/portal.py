"""The partner's way in: links by token, one-time codes, and rate limits, all kept in the database.

A token is 256 random bits (``secrets.token_urlsafe(32)``); only its SHA-256 hash is stored. A link
opens one referral for one contact, expires after ``PARTNER_LINK_DAYS`` and is revoked when the
referral ends or the coordinator says so. Codes are six digits, kept as an HMAC, live ten minutes and
allow three tries; then a new code is mailed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from memorandum.models import PartnerCode, PartnerContact, PartnerLink, RateBucket, Referral, ReferralState
from notices.mail import mail_send

CODE_LIFETIME = timedelta(minutes=10)
CODE_TRIES = 3
# Requests per minute: one token (a partner clicking around) and one address (guessing tokens).
TOKEN_RATE = 60
ADDRESS_RATE = 120


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _code_hash(link_id: int, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{link_id}:{code}".encode(), hashlib.sha256).hexdigest()


def referral_tag(referral: Referral) -> str:
    return f"referral:{referral.pk}"


def partner_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("partner:page", args=[token])


def link_issue(*, referral: Referral, contact: PartnerContact) -> tuple[PartnerLink, str]:
    """A new link for ``contact`` to ``referral``; returns the link and the token (shown once, in the mail)."""
    token = secrets.token_urlsafe(32)
    link = PartnerLink.objects.create(
        referral=referral,
        contact=contact,
        token_hash=_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.PARTNER_LINK_DAYS),
    )
    return link, token


def link_resolve(token: str) -> PartnerLink | None:
    """The live link for a token, or None for any token that is unknown, expired, revoked or malformed."""
    if not token or len(token) > 100:
        return None
    link = (
        PartnerLink.objects.select_related("referral__partner", "referral__case__client", "contact")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if link is None or link.referral.state == ReferralState.DRAFT or link.referral.contact_id != link.contact_id:
        return None
    return link


def links_revoke(*, referral: Referral) -> int:
    return PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True).update(revoked_at=timezone.now())


def live_links(referral: Referral):
    return PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True, expires_at__gt=timezone.now())


def partner_mail(*, referral: Referral, template: str, context: dict | None = None, to: str = "") -> None:
    """A mail to the referral's contact, in the letter's language; it holds no personal data."""
    address = to or (referral.contact.email if referral.contact_id else "")
    if not address:
        return
    with translation.override(referral.language):
        full = {"referral": referral, "partner": referral.partner.name_in(referral.language), **(context or {})}
        subject = render_to_string(f"memorandum/partner_email/{template}_subject.txt", full).strip()
        body = render_to_string(f"memorandum/partner_email/{template}.txt", full)
    mail_send(to=address, subject=subject, body=body, tag=referral_tag(referral))


def link_mail(*, referral: Referral, template: str = "referral", context: dict | None = None) -> PartnerLink | None:
    """Issue a fresh link to the referral's contact and mail it; None when the contact has no address."""
    contact = referral.contact
    if contact is None or not contact.email:
        return None
    link, token = link_issue(referral=referral, contact=contact)
    partner_mail(referral=referral, template=template, context={"url": partner_url(token), **(context or {})})
    return link


# --- One-time codes -----------------------------------------------------------------


@transaction.atomic
def code_send(*, link: PartnerLink) -> PartnerCode:
    """Mail a new six-digit code to the link's contact; any earlier code stops working."""
    now = timezone.now()
    PartnerCode.objects.filter(link=link, used_at__isnull=True).update(used_at=now)
    code = f"{secrets.randbelow(10**6):06d}"
    row = PartnerCode.objects.create(
        link=link, code_hash=_code_hash(link.pk, code), expires_at=now + CODE_LIFETIME, created_at=now
    )
    partner_mail(referral=link.referral, template="code", context={"code": code}, to=link.contact.email)
    return row


def code_pending(link: PartnerLink) -> PartnerCode | None:
    return (
        PartnerCode.objects.filter(link=link, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def code_check(*, link: PartnerLink, code: str) -> str:
    """ "ok", "wrong" (tries left), or "renewed" (third wrong try or expired: a new code was mailed)."""
    pending = PartnerCode.objects.select_for_update().filter(pk=getattr(code_pending(link), "pk", None)).first()
    if pending is None:
        code_send(link=link)
        return "renewed"
    code = "".join(ch for ch in (code or "") if ch.isdigit())[:6]
    if len(code) == 6 and hmac.compare_digest(pending.code_hash, _code_hash(link.pk, code)):
        PartnerCode.objects.filter(pk=pending.pk).update(used_at=timezone.now(), tries=F("tries") + 1)
        return "ok"
    pending.tries += 1
    if pending.tries >= CODE_TRIES:
        pending.used_at = timezone.now()
        pending.save(update_fields=["tries", "used_at"])
        code_send(link=link)
        return "renewed"
    pending.save(update_fields=["tries"])
    return "wrong"


# --- Rate limits ------------------------------------------------------------------------


def rate_hit(key: str, *, limit: int, now=None) -> bool:
    """Count one request for ``key`` in this minute; False once it is over ``limit``."""
    now = now or timezone.now()
    window = now.replace(second=0, microsecond=0)
    key = key[:100]
    updated = RateBucket.objects.filter(key=key, window=window).update(hits=F("hits") + 1)
    if not updated:
        try:
            with transaction.atomic():
                RateBucket.objects.create(key=key, window=window, hits=1)
        except IntegrityError:
            RateBucket.objects.filter(key=key, window=window).update(hits=F("hits") + 1)
    hits = RateBucket.objects.filter(key=key, window=window).values_list("hits", flat=True).first() or 0
    return hits <= limit


def rate_buckets_prune(*, now=None) -> int:
    now = now or timezone.now()
    deleted, _ = RateBucket.objects.filter(window__lt=now - timedelta(hours=1)).delete()
    return deleted


def address_allowed(address: str) -> bool:
    return rate_hit(f"a:{address}", limit=ADDRESS_RATE)


def token_allowed(token: str) -> bool:
    return rate_hit(f"t:{_hash(token or '')[:32]}", limit=TOKEN_RATE)
