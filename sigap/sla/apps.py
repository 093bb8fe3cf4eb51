from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "sigap.sla"
    label = "sla"
    verbose_name = "SLA dan kalender kerja"

    def ready(self) -> None:
        from sigap.cases.services import case_hook_register
        from sigap.sla.hooks import notifications_case_changed
        from sigap.sla.services import sla_case_changed

        case_hook_register(sla_case_changed)
        # Emergencies alert the command center and the on-duty officers; assignees hear of it.
        case_hook_register(notifications_case_changed)
