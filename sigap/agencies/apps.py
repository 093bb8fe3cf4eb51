from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "sigap.agencies"
    label = "agencies"
    verbose_name = "Instansi dan staf"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sigap.agencies.admin_groups import admin_groups_sync

        # Every install (not only the demo) gets the admin's permission groups, kept current.
        # After each app's migration, not only this one's: auth creates an app's permissions
        # in its own post_migrate, and the groups name permissions of several apps.
        post_migrate.connect(admin_groups_sync, dispatch_uid="sigap-admin-groups")
        # Cases landing in an agency that keeps a duty roster are auto-assigned (opt-in).
        from sigap.agencies.rosters import roster_case_changed
        from sigap.cases.services import case_hook_register

        case_hook_register(roster_case_changed)
