"""Database triggers that make the case timeline append-only, whatever code touches it."""

from django.db import migrations

from sigap.cases.migrations import _timeline_guard as guard

FORWARD = {"sqlite": guard.SQLITE_TRIGGERS, "postgresql": guard.POSTGRES_TRIGGERS}
REVERSE = {"sqlite": guard.SQLITE_DROP, "postgresql": guard.POSTGRES_DROP}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(REVERSE))]
