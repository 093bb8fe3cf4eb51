from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "sigap.agencies"
    label = "agencies"
    verbose_name = "Instansi dan staf"
