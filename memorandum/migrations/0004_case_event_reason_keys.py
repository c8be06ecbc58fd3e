"""Case events written when a referral was sent or closed kept a finished sentence in the writer's
language; store the key and the reference instead, so the timeline shows it in the reader's language."""

import re

from django.db import migrations

SENT = "memorandum.referral_sent"
CLOSED = "memorandum.referral_closed"
# The sentences the product wrote, in each language it wrote them in (from the .po files).
PATTERNS = [
    (SENT, r"Направление (?P<reference>\S+) отправлено партнёру"),
    (SENT, r"(?P<reference>\S+) жолдамасы серіктеске жіберілді"),
    (SENT, r"Referral (?P<reference>\S+) sent to a partner"),
    (CLOSED, r"Направление (?P<reference>\S+) закрыто"),
    (CLOSED, r"(?P<reference>\S+) жолдамасы жабылды"),
    (CLOSED, r"Referral (?P<reference>\S+) is closed"),
]


def to_keys(apps, schema_editor):
    CaseEvent = apps.get_model("cases", "CaseEvent")
    candidates = CaseEvent.objects.filter(reason_key="", kind="status").exclude(reason="")
    for event in candidates.only("pk", "reason").iterator():
        for key, pattern in PATTERNS:
            match = re.fullmatch(pattern, event.reason.strip())
            if match:
                CaseEvent.objects.filter(pk=event.pk).update(
                    reason="", reason_key=key, reason_params={"reference": match["reference"]}
                )
                break


class Migration(migrations.Migration):
    dependencies = [
        ("memorandum", "0003_seed_translations"),
        ("cases", "0005_event_reason_parameters"),
    ]

    operations = [migrations.RunPython(to_keys, migrations.RunPython.noop)]
