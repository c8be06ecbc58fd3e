from django.urls import path

from outreach.views import activities, attendance, contacts, materials

app_name = "outreach"

urlpatterns = [
    path("", activities.activity_list, name="list"),
    path("export/", activities.activity_export, name="export"),
    path("new/", activities.activity_create, name="create"),
    path("<int:pk>/", activities.activity_detail, name="detail"),
    path("<int:pk>/edit/", activities.activity_edit, name="edit"),
    path("<int:pk>/held/", activities.activity_held, name="held"),
    path("<int:pk>/cancel/", activities.activity_cancel, name="cancel"),
    path("<int:pk>/materials/", activities.handout_create, name="handout"),
    path("<int:pk>/anonymise/", activities.activity_anonymise, name="anonymise"),
    path("<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path("<int:pk>/attendance/scores/", attendance.attendance_scores, name="attendance-scores"),
    path("<int:pk>/attendance/<int:attendee_pk>/remove/", attendance.attendee_remove, name="attendee-remove"),
    path("<int:pk>/attendance/export/", attendance.attendance_export, name="attendance-export"),
    path("<int:pk>/attendance/import/", attendance.attendance_import, name="attendance-import"),
    path(
        "<int:pk>/attendance/import/<str:token>/",
        attendance.attendance_import_preview,
        name="attendance-import-preview",
    ),
    path("contacts/", contacts.contacts, name="contacts"),
    path("contacts/<int:pk>/client/", contacts.contact_to_client, name="contact-to-client"),
    path("materials/", materials.stock, name="stock"),
]
