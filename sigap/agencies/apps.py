from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "sigap.agencies"
    label = "agencies"
    verbose_name = "Instansi dan staf"

    def ready(self) -> None:
        # Cases landing in an agency that keeps a duty roster are auto-assigned (opt-in).
        from sigap.agencies.rosters import roster_case_changed
        from sigap.cases.services import case_hook_register

        case_hook_register(roster_case_changed)
