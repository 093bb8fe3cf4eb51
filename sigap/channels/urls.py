from django.urls import path

from sigap.channels.whatsapp import views as whatsapp

urlpatterns = [
    path("whatsapp", whatsapp.webhook, name="webhook_whatsapp"),
]
