from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sigap.cases"
    label = "cases"
    verbose_name = "Laporan"
