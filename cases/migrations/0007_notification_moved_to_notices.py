"""In-app notices now live in the notices app (stored as message ids and parameters).

Existing notices are kept: their finished text becomes the message of one line (shown as it was written),
their case becomes the grouping subject and the link. Then the old table goes.
"""

from django.db import migrations


def copy_notifications(apps, schema_editor):
    Notification = apps.get_model("cases", "Notification")
    Notice = apps.get_model("notices", "Notice")
    batch = []
    for old in Notification.objects.order_by("pk").iterator(chunk_size=2000):
        batch.append(
            Notice(
                recipient_id=old.recipient_id,
                kind="case_status",
                subject=f"case:{old.case_id}" if old.case_id else "",
                url=f"/cases/{old.case_id}/" if old.case_id else "",
                lines=[{"m": old.message, "p": {}, "at": old.created_at.isoformat()}],
                count=1,
                # Old notices were mailed when they were made.
                delivery="immediate",
                mailed_count=1,
                created_at=old.created_at,
                updated_at=old.created_at,
                read_at=old.read_at,
            )
        )
        if len(batch) >= 2000:
            Notice.objects.bulk_create(batch)
            batch = []
    if batch:
        Notice.objects.bulk_create(batch)


def copy_back(apps, schema_editor):
    Notification = apps.get_model("cases", "Notification")
    Notice = apps.get_model("notices", "Notice")
    for notice in Notice.objects.order_by("pk").iterator(chunk_size=2000):
        case_id = int(notice.subject.split(":", 1)[1]) if notice.subject.startswith("case:") else None
        message = (notice.lines[-1].get("m", "") if notice.lines else "")[:300]
        Notification.objects.create(
            recipient_id=notice.recipient_id,
            case_id=case_id,
            message=message,
            created_at=notice.created_at,
            read_at=notice.read_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_funder_model"),
        ("notices", "0002_notice_and_preferences"),
    ]

    operations = [
        migrations.RunPython(copy_notifications, copy_back),
        migrations.DeleteModel(name="Notification"),
    ]
