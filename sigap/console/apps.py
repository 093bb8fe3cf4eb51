from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "sigap.console"
    label = "console"
    verbose_name = "Konsol petugas"
