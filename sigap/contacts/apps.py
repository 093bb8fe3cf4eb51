from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "sigap.contacts"
    label = "contacts"
    verbose_name = "Warga"
