from django.urls import path

from cases.views import case_pages, consultations, exports, notifications

app_name = "cases"

urlpatterns = [
    path("", case_pages.case_list, name="list"),
    path("export/", exports.case_export, name="export"),
    path("new/", case_pages.case_create, name="create"),
    path("<int:pk>/", case_pages.case_detail, name="detail"),
    path("<int:pk>/edit/", case_pages.case_edit, name="edit"),
    path("<int:pk>/status/", case_pages.case_status, name="status"),
    path("<int:pk>/consultations/new/", consultations.consultation_create, name="consultation-create"),
    path("consultations/<int:pk>/notes/", consultations.consultation_notes, name="consultation-notes"),
    path("<int:pk>/follow-ups/new/", consultations.follow_up_create, name="follow-up-create"),
    path("follow-ups/<int:pk>/done/", consultations.follow_up_done, name="follow-up-done"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.notifications_read, name="notifications-read"),
]
