from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "sigap.channels"
    label = "channels"
    verbose_name = "Kanal"

    def ready(self) -> None:
        from sigap.cases.services import case_hook_register
        from sigap.channels.adapters import adapter_register
        from sigap.channels.email.adapter import EmailAdapter
        from sigap.channels.instagram.adapter import InstagramAdapter
        from sigap.channels.services.merged_updates import merged_case_changed
        from sigap.channels.services.ratings import rating_case_changed
        from sigap.channels.sms.adapter import SmsAdapter
        from sigap.channels.telegram.adapter import TelegramAdapter
        from sigap.channels.whatsapp.adapter import WhatsAppAdapter

        adapter_register(WhatsAppAdapter())
        adapter_register(InstagramAdapter())
        adapter_register(TelegramAdapter())
        adapter_register(SmsAdapter())
        adapter_register(EmailAdapter())
        # A resolved case asks the citizen for a 1-5 rating on their channel.
        case_hook_register(rating_case_changed)
        # Reporters of merged duplicates hear of the merge and of the main case's resolution.
        case_hook_register(merged_case_changed)
