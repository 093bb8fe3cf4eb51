from sigap.console.views import case, inbox, notifications, rosters, triage, walkin

app_name = "console"
urlpatterns = [
    *inbox.urlpatterns,
    *case.urlpatterns,
    *triage.urlpatterns,
    *walkin.urlpatterns,
    *rosters.urlpatterns,
    *notifications.urlpatterns,
]
