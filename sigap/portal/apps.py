from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "sigap.portal"
    label = "portal"
    verbose_name = "Portal warga"
