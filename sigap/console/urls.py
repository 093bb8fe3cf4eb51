from sigap.console.views import bulk, case, inbox, notifications, rosters, triage, walkin

app_name = "console"
urlpatterns = [
    *inbox.urlpatterns,
    *bulk.urlpatterns,
    *case.urlpatterns,
    *triage.urlpatterns,
    *walkin.urlpatterns,
    *rosters.urlpatterns,
    *notifications.urlpatterns,
]
