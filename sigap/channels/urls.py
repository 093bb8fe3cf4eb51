from django.urls import include, path

from sigap.channels.instagram import views as instagram
from sigap.channels.sms import views as sms
from sigap.channels.telegram import views as telegram
from sigap.channels.whatsapp import views as whatsapp

urlpatterns = [
    path("whatsapp", whatsapp.webhook, name="webhook_whatsapp"),
    path("instagram", instagram.webhook, name="webhook_instagram"),
    path("telegram/<slug:code>", telegram.webhook, name="webhook_telegram"),
    path("sms/", include(sms.urlpatterns)),
]
