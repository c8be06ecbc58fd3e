from django.urls import path

from reports import project_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/progress/", views.report_progress, name="progress"),
    path("<int:pk>/retry/", views.report_retry, name="retry"),
    path("<int:pk>/download/<str:kind>/", views.report_download, name="download"),
    path("projects/", project_views.project_list, name="projects"),
    path("projects/new/", project_views.project_new, name="project-new"),
    path("projects/<int:pk>/", project_views.project_detail, name="project"),
    path("projects/<int:pk>/indicators/new/", project_views.indicator_new, name="indicator-new"),
    path("projects/<int:pk>/targets/", project_views.target_set, name="target-set"),
]
