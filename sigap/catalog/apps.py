from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "sigap.catalog"
    label = "catalog"
    verbose_name = "Katalog layanan"
