from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "sigap.channels"
    label = "channels"
    verbose_name = "Kanal"

    def ready(self) -> None:
        from sigap.channels.adapters import adapter_register
        from sigap.channels.whatsapp.adapter import WhatsAppAdapter

        adapter_register(WhatsAppAdapter())
