from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "sigap.regions"
    label = "regions"
    verbose_name = "Wilayah"
