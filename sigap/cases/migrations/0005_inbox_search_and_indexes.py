# Inbox support (sigap.console inbox, sigap.cases.search): full-text search and the partial
# indexes behind the inbox tabs. Raw SQL on purpose: expression/partial indexes and FTS5 tables
# are vendor-specific, and the model state does not need to know about them.

from django.db import migrations

_OPEN = "('new', 'verified', 'in_progress', 'waiting_citizen')"

# Inbox tabs: each one a short backward index scan ("newest first, LIMIT 50") instead of a sort
# over every open case of the Pemda. Same syntax on SQLite and PostgreSQL.
INDEXES = [
    # Officer's queue and "unassigned": open, nobody on it, per agency.
    f"CREATE INDEX IF NOT EXISTS case_unassigned_open_idx ON cases_case (agency_id, created_at) "
    f"WHERE assignee_id IS NULL AND status IN {_OPEN};",
    # Agency inbox of open cases, newest first.
    f"CREATE INDEX IF NOT EXISTS case_agency_open_idx ON cases_case (agency_id, created_at) "
    f"WHERE status IN {_OPEN};",
    # Coordinator's (Pemda-wide) inbox of open cases.
    f"CREATE INDEX IF NOT EXISTS case_pemda_open_idx ON cases_case (pemda_id, created_at) "
    f"WHERE status IN {_OPEN};",
    # "Recently closed" tab: by resolution time.
    "CREATE INDEX IF NOT EXISTS case_resolved_idx ON cases_case (pemda_id, resolved_at) "
    "WHERE status IN ('resolved', 'closed');",
]
DROP_INDEXES = [
    "DROP INDEX IF EXISTS case_unassigned_open_idx;",
    "DROP INDEX IF EXISTS case_agency_open_idx;",
    "DROP INDEX IF EXISTS case_pemda_open_idx;",
    "DROP INDEX IF EXISTS case_resolved_idx;",
]

# PostgreSQL: GIN expression indexes; sigap.cases.search builds exactly these expressions so
# the planner can use them. The citizen's inbound messages are indexed on their own table.
POSTGRES = [
    "CREATE INDEX IF NOT EXISTS case_fts_idx ON cases_case USING GIN "
    "(to_tsvector('indonesian'::regconfig, title || ' ' || description));",
    "CREATE INDEX IF NOT EXISTS message_in_fts_idx ON cases_message USING GIN "
    "(to_tsvector('indonesian'::regconfig, text)) WHERE direction = 'in';",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS case_fts_idx;",
    "DROP INDEX IF EXISTS message_in_fts_idx;",
]

# SQLite: an FTS5 table keyed by the case id (rowid), kept in sync by triggers so that every
# writer (services, bulk updates, the admin) keeps it right without knowing it exists.
_REBUILD_MESSAGES = (
    "UPDATE cases_case_fts SET messages = (SELECT COALESCE(group_concat(text, ' '), '') "
    "FROM cases_message WHERE case_id = {ref}.case_id AND direction = 'in') "
    "WHERE rowid = {ref}.case_id;"
)
SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS cases_case_fts USING fts5("
    "title, description, messages, tokenize = 'unicode61 remove_diacritics 2');",
    "CREATE TRIGGER IF NOT EXISTS cases_case_fts_ai AFTER INSERT ON cases_case BEGIN "
    "INSERT INTO cases_case_fts (rowid, title, description, messages) "
    "VALUES (new.id, new.title, new.description, ''); END;",
    "CREATE TRIGGER IF NOT EXISTS cases_case_fts_au AFTER UPDATE OF title, description "
    "ON cases_case BEGIN UPDATE cases_case_fts SET title = new.title, "
    "description = new.description WHERE rowid = new.id; END;",
    "CREATE TRIGGER IF NOT EXISTS cases_case_fts_ad AFTER DELETE ON cases_case BEGIN "
    "DELETE FROM cases_case_fts WHERE rowid = old.id; END;",
    "CREATE TRIGGER IF NOT EXISTS cases_message_fts_ai AFTER INSERT ON cases_message "
    "WHEN new.direction = 'in' AND new.case_id IS NOT NULL BEGIN "
    + _REBUILD_MESSAGES.format(ref="new")
    + " END;",
    "CREATE TRIGGER IF NOT EXISTS cases_message_fts_au AFTER UPDATE OF case_id, text, direction "
    "ON cases_message BEGIN "
    + _REBUILD_MESSAGES.format(ref="old")
    + " "
    + _REBUILD_MESSAGES.format(ref="new")
    + " END;",
    "CREATE TRIGGER IF NOT EXISTS cases_message_fts_ad AFTER DELETE ON cases_message "
    "WHEN old.case_id IS NOT NULL BEGIN " + _REBUILD_MESSAGES.format(ref="old") + " END;",
    # Backfill what existed before this migration.
    "INSERT INTO cases_case_fts (rowid, title, description, messages) "
    "SELECT c.id, c.title, c.description, (SELECT COALESCE(group_concat(m.text, ' '), '') "
    "FROM cases_message m WHERE m.case_id = c.id AND m.direction = 'in') FROM cases_case c;",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS cases_case_fts_ai;",
    "DROP TRIGGER IF EXISTS cases_case_fts_au;",
    "DROP TRIGGER IF EXISTS cases_case_fts_ad;",
    "DROP TRIGGER IF EXISTS cases_message_fts_ai;",
    "DROP TRIGGER IF EXISTS cases_message_fts_au;",
    "DROP TRIGGER IF EXISTS cases_message_fts_ad;",
    "DROP TABLE IF EXISTS cases_case_fts;",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_case_sla_columns"),
    ]

    operations = [
        migrations.RunSQL(sql=INDEXES, reverse_sql=DROP_INDEXES),
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_DROP, "sqlite": SQLITE_DROP}),
        ),
    ]
