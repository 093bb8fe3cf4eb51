import sys

from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "sigap.routing"
    label = "routing"
    verbose_name = "Perutean dan triase"

    def ready(self) -> None:
        from sigap.cases.services import case_hook_register
        from sigap.routing.hooks import on_case_changed

        case_hook_register(on_case_changed)
        if _triages(sys.argv):
            # A task worker triages every new case: train the emergency text model while it
            # starts, not on its first message (about 2 s).
            from sigap.routing.detectors.emergency_model import text_model_warm_up

            text_model_warm_up()


def _triages(argv: list[str]) -> bool:
    """Whether this process is a task worker that takes the queues where triage runs."""
    if "db_worker" not in argv:
        return False
    queues = argv[argv.index("--queue-name") + 1] if "--queue-name" in argv else "default"
    return bool({"*", "ingest", "triage"} & set(queues.split(",")))
