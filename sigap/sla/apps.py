from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "sigap.sla"
    label = "sla"
    verbose_name = "SLA dan kalender kerja"

    def ready(self) -> None:
        from sigap.cases.services import case_hook_register
        from sigap.sla.services import sla_case_changed

        case_hook_register(sla_case_changed)
