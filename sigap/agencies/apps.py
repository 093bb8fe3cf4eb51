from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "sigap.agencies"
    label = "agencies"
    verbose_name = "Instansi dan staf"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate

        from sigap.agencies.admin_groups import admin_rights_migrate, membership_deleted
        from sigap.agencies.models import Membership

        # Every install (not only the demo) gets the admin's permission groups, kept current.
        # After each app's migration, not only this one's: auth creates an app's permissions
        # in its own post_migrate, and the groups name permissions of several apps.
        post_migrate.connect(admin_rights_migrate, dispatch_uid="sigap-admin-groups")
        post_delete.connect(
            membership_deleted, sender=Membership, dispatch_uid="sigap-membership-deleted"
        )
        # Cases landing in an agency that keeps a duty roster are auto-assigned (opt-in).
        from sigap.agencies.rosters import roster_case_changed
        from sigap.cases.services import case_hook_register

        case_hook_register(roster_case_changed)
