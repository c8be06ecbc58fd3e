from django.urls import path

from memorandum import partner_staff, views

app_name = "memorandum"

urlpatterns = [
    path("", views.index, name="index"),
    path("documents/<int:pk>/", views.memorandum_document, name="document"),
    path("referrals/", views.board, name="referral-board"),
    path("referrals/new/", views.referral_new, name="referral-new"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral-detail"),
    path("referrals/<int:pk>/edit/", views.referral_edit, name="referral-edit"),
    path("referrals/<int:pk>/send/", views.referral_send, name="referral-send"),
    path("referrals/<int:pk>/resend/", views.referral_resend, name="referral-resend"),
    path("referrals/<int:pk>/letter.pdf", views.referral_letter, name="referral-letter"),
    path("referrals/<int:pk>/reply/", partner_staff.referral_reply, name="referral-reply"),
    path("referrals/<int:pk>/link/<slug:action>/", partner_staff.referral_link, name="referral-link"),
    path("referrals/<int:pk>/<slug:action>/", views.referral_transition, name="referral-transition"),
]
