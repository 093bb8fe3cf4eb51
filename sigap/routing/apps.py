from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "sigap.routing"
    label = "routing"
    verbose_name = "Perutean dan triase"

    def ready(self) -> None:
        from sigap.cases.services import case_hook_register
        from sigap.routing.hooks import on_case_changed

        case_hook_register(on_case_changed)
