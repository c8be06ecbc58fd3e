from django.urls import path

from papers import views

app_name = "papers"

urlpatterns = [
    path("<int:pk>/papers/", views.papers_index, name="index"),
    path("<int:pk>/papers/slip.pdf", views.slip_pdf, name="slip"),
    path("<int:pk>/papers/signed-consent/", views.signed_consent, name="signed-consent"),
    path("<int:pk>/papers/<slug:kind>.pdf", views.paper_pdf, name="pdf"),
]
