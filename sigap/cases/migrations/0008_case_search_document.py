# Case text search at 1,000,000 cases (bench/console.py): matching the expression index of 0005
# still made PostgreSQL re-run ``to_tsvector`` on every candidate row (about 35 µs each) whenever it
# chose the newest-first plan, and on every in-scope row when a word was rare in the viewer's
# scope (19 s for one officer's search). A stored generated column is parsed once, at write
# time; its GIN index replaces the expression index. PostgreSQL only (SQLite searches through
# the FTS5 table of 0005). Adding the column rewrites the table once: about 2.5 minutes for
# 1,000,000 cases on a small machine, during which the table is locked (see docs/deploy.md).

from django.db import migrations

ADD = [
    "ALTER TABLE cases_case ADD COLUMN IF NOT EXISTS search_document tsvector GENERATED ALWAYS AS "
    "(to_tsvector('indonesian'::regconfig, title || ' ' || description)) STORED;",
    "CREATE INDEX IF NOT EXISTS case_search_document_idx ON cases_case USING GIN "
    "(search_document);",
    "DROP INDEX IF EXISTS case_fts_idx;",
]
DROP = [
    "CREATE INDEX IF NOT EXISTS case_fts_idx ON cases_case USING GIN "
    "(to_tsvector('indonesian'::regconfig, title || ' ' || description));",
    "DROP INDEX IF EXISTS case_search_document_idx;",
    "ALTER TABLE cases_case DROP COLUMN IF EXISTS search_document;",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_inbox_deadline_indexes")]

    operations = [migrations.RunPython(_run(ADD), _run(DROP))]
