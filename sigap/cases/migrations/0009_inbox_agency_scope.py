# Agency staff's inbox at 1,000,000 cases (bench/console.py, issue #5).
#
# 1. ``Case.is_held``: a copy of ``TriageResult.held`` on the case itself (kept by
#    ``sigap.routing.holds``), so that an agency's inbox and counts leave out a case waiting for
#    the coordinator's hold decision without a join per row. Adding a column with a constant
#    default is a catalogue change on PostgreSQL (no table rewrite).
# 2. PostgreSQL: ``cases_message.case_agency_id``, the agency of the message's case, kept by
#    triggers (any writer: services, bulk updates, the admin, the demo loader's COPY). Not a
#    model field, like ``search_document`` (0008): Django never writes it. The search only uses
#    it to pick candidates; lists and counts check visibility on the case row itself. The
#    backfill rewrites every message once (about a minute for 1,000,000 messages on a small
#    machine, with the table locked meanwhile).
# 3. PostgreSQL: the text indexes of cases and citizen messages get the agency as a second GIN
#    column, so that one index scan returns an agency's matches only. An officer's search
#    otherwise read every match of the Pemda from the table to keep the agency's: 1.6 s for a
#    word common elsewhere but rare in the agency ("sampah"), whenever the planner misjudged
#    how many cases a phrase matches (see ``sigap.cases.search._in_agencies``). Rebuilding
#    both takes about 30 s for 1,000,000 cases.
# 4. (agency, created_at) indexes on cases and messages: the same search's first window ("the
#    last 30 days of these agencies") intersected with the text index. And a partial index of
#    the held cases by agency (a handful of rows).
# 5. A (category, status, region) index for the inbox's commonest filters (category, status
#    and kecamatan together): 45 ms of tab counts became 10.

from django.db import migrations, models

HELD = ["ALTER TABLE cases_case ADD COLUMN is_held boolean NOT NULL DEFAULT FALSE;"]
HELD_DROP = ["ALTER TABLE cases_case DROP COLUMN is_held;"]

CASE_INDEXES = [
    "CREATE INDEX IF NOT EXISTS case_agency_created_idx ON cases_case (agency_id, created_at);",
    # The few held cases, by agency: tells an inbox whether it must test ``is_held`` at all.
    "CREATE INDEX IF NOT EXISTS case_held_idx ON cases_case (agency_id) WHERE is_held;",
    # The inbox filtered by category, status and kecamatan (its villages): one short range per
    # village instead of intersecting the category's and the villages' cases, in every count.
    "CREATE INDEX IF NOT EXISTS case_category_region_idx ON cases_case "
    "(category_id, status, region_id);",
]
CASE_INDEXES_DROP = [
    "DROP INDEX IF EXISTS case_agency_created_idx;",
    "DROP INDEX IF EXISTS case_held_idx;",
    "DROP INDEX IF EXISTS case_category_region_idx;",
]

POSTGRES = [
    "ALTER TABLE cases_message ADD COLUMN IF NOT EXISTS case_agency_id bigint;",
    "UPDATE cases_message AS m SET case_agency_id = c.agency_id FROM cases_case AS c "
    "WHERE c.id = m.case_id AND c.agency_id IS NOT NULL;",
    # A message takes its case's agency when stored or moved to another case ...
    """CREATE OR REPLACE FUNCTION cases_message_case_agency() RETURNS trigger AS $$
       BEGIN
         NEW.case_agency_id := (SELECT agency_id FROM cases_case WHERE id = NEW.case_id);
         RETURN NEW;
       END; $$ LANGUAGE plpgsql;""",
    "DROP TRIGGER IF EXISTS cases_message_case_agency_biu ON cases_message;",
    """CREATE TRIGGER cases_message_case_agency_biu
       BEFORE INSERT OR UPDATE OF case_id ON cases_message
       FOR EACH ROW EXECUTE FUNCTION cases_message_case_agency();""",
    # ... and follows it when the case moves to another agency (routing, disposition).
    """CREATE OR REPLACE FUNCTION cases_case_agency_to_messages() RETURNS trigger AS $$
       BEGIN
         UPDATE cases_message SET case_agency_id = NEW.agency_id WHERE case_id = NEW.id;
         RETURN NULL;
       END; $$ LANGUAGE plpgsql;""",
    "DROP TRIGGER IF EXISTS cases_case_agency_au ON cases_case;",
    """CREATE TRIGGER cases_case_agency_au AFTER UPDATE OF agency_id ON cases_case
       FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id)
       EXECUTE FUNCTION cases_case_agency_to_messages();""",
    # The expressions must stay equal to those ``sigap.cases.search`` compiles.
    "CREATE INDEX IF NOT EXISTS case_search_agency_idx ON cases_case USING GIN "
    "(search_document, (ARRAY[agency_id]));",
    "DROP INDEX IF EXISTS case_search_document_idx;",
    "CREATE INDEX IF NOT EXISTS message_in_search_idx ON cases_message USING GIN "
    "(to_tsvector('indonesian'::regconfig, text), (ARRAY[case_agency_id])) "
    "WHERE direction = 'in';",
    "DROP INDEX IF EXISTS message_in_fts_idx;",
    # The last 30 days of an agency's messages, ANDed with the text index for a common word
    # (like ``case_agency_created_idx`` for cases). Not partial: PostgreSQL never ANDs two
    # bitmaps of indexes that share a predicate, and the text index has ``direction = 'in'``.
    "CREATE INDEX IF NOT EXISTS message_case_agency_idx ON cases_message "
    "(case_agency_id, created_at);",
    # A search by agency staff says the agency twice (``agency_id IN`` for the B-tree above,
    # ``ARRAY[agency_id] &&`` for the text index): without statistics on the pair PostgreSQL
    # multiplies the two, expects a few dozen matches where there are thousands, and skips
    # the B-tree for the first window, reading every match of all time from the table.
    "CREATE STATISTICS IF NOT EXISTS case_agency_stats (mcv) "
    "ON agency_id, (ARRAY[agency_id]) FROM cases_case;",
    "CREATE STATISTICS IF NOT EXISTS message_case_agency_stats (mcv) "
    "ON case_agency_id, (ARRAY[case_agency_id]) FROM cases_message;",
    "ANALYZE cases_case;",
    "ANALYZE cases_message;",
]
POSTGRES_DROP = [
    "DROP STATISTICS IF EXISTS case_agency_stats;",
    "DROP STATISTICS IF EXISTS message_case_agency_stats;",
    "CREATE INDEX IF NOT EXISTS message_in_fts_idx ON cases_message USING GIN "
    "(to_tsvector('indonesian'::regconfig, text)) WHERE direction = 'in';",
    "DROP INDEX IF EXISTS message_in_search_idx;",
    "CREATE INDEX IF NOT EXISTS case_search_document_idx ON cases_case USING GIN "
    "(search_document);",
    "DROP INDEX IF EXISTS case_search_agency_idx;",
    "DROP INDEX IF EXISTS message_case_agency_idx;",
    "DROP TRIGGER IF EXISTS cases_case_agency_au ON cases_case;",
    "DROP FUNCTION IF EXISTS cases_case_agency_to_messages();",
    "DROP TRIGGER IF EXISTS cases_message_case_agency_biu ON cases_message;",
    "DROP FUNCTION IF EXISTS cases_message_case_agency();",
    "ALTER TABLE cases_message DROP COLUMN IF EXISTS case_agency_id;",
]


def _postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


def _held_backfill(apps, schema_editor):
    """Cases already waiting for a hold decision when this migration runs."""
    case_model = apps.get_model("cases", "Case")
    triage_model = apps.get_model("routing", "TriageResult")
    held = triage_model.objects.filter(held=True).values("case_id")
    case_model.objects.filter(pk__in=held).update(is_held=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_case_search_document"),
        ("routing", "0003_holds_incidents_aliases"),
    ]

    operations = [
        # Plain ADD COLUMN on both databases: Django's SQLite editor would rebuild the table for
        # a NOT NULL column and lose the triggers and indexes 0005-0007 made in raw SQL (the
        # FTS5 search would silently stop following edits).
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(sql=HELD, reverse_sql=HELD_DROP)],
            state_operations=[
                migrations.AddField(
                    model_name="case",
                    name="is_held",
                    field=models.BooleanField(
                        default=False, editable=False, verbose_name="ditahan"
                    ),
                ),
            ],
        ),
        migrations.RunPython(_held_backfill, migrations.RunPython.noop),
        migrations.RunSQL(sql=CASE_INDEXES, reverse_sql=CASE_INDEXES_DROP),
        migrations.RunPython(_postgres(POSTGRES), _postgres(POSTGRES_DROP)),
    ]
