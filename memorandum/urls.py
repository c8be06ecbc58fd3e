app_name = "memorandum"

urlpatterns: list = []
