from django.urls import path

from clients.views import attachments, data_rights, importing, records

app_name = "clients"

urlpatterns = [
    path("", records.client_list, name="list"),
    path("new/", records.client_create_view, name="create"),
    path("new/duplicates/", records.duplicate_check, name="duplicates"),
    path("import/", importing.import_upload, name="import"),
    path("import/<str:token>/", importing.import_preview, name="import-preview"),
    path("<int:pk>/", records.client_detail, name="detail"),
    path("<int:pk>/edit/", records.client_edit, name="edit"),
    path("<int:pk>/staff/", attachments.staff_assign, name="staff-assign"),
    path("<int:pk>/staff/<int:row_pk>/remove/", attachments.staff_unassign, name="staff-unassign"),
    path(
        "<int:pk>/restriction-lifts/<int:request_pk>/",
        attachments.restriction_lift_decide_view,
        name="restriction-lift-decide",
    ),
    path("<int:pk>/family/", attachments.family_add, name="family-add"),
    path("<int:pk>/family/<int:row_pk>/delete/", attachments.family_delete, name="family-delete"),
    path("<int:pk>/consents/", attachments.consent_add, name="consent-add"),
    path("<int:pk>/consents/<int:row_pk>/withdraw/", attachments.consent_withdraw_view, name="consent-withdraw"),
    path("<int:pk>/documents/", attachments.document_upload_view, name="document-upload"),
    path("<int:pk>/documents/<int:document_pk>/", attachments.document_download, name="document-download"),
    path("<int:pk>/documents/<int:row_pk>/delete/", attachments.document_delete_view, name="document-delete"),
    path("<int:pk>/export/", data_rights.client_export, name="export"),
    path("<int:pk>/anonymise/", data_rights.client_anonymise_view, name="anonymise"),
    path("<int:pk>/merge/", data_rights.client_merge_view, name="merge"),
    path("<int:pk>/merges/<int:merge_pk>/revert/", data_rights.client_merge_revert_view, name="merge-revert"),
]
