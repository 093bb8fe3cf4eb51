# The inbox's "at risk" tab and the "deadline" sort, from the 1,000,000-case benchmark
# (bench/console.py): ``ORDER BY <current deadline>, id LIMIT 51`` sorted every running case of
# the Pemda (tens of thousands) on each request. An expression index on exactly the expression of
# ``sigap.cases.selectors.current_deadline_expression`` lets PostgreSQL walk the cases in deadline
# order and stop after one page. The expression below must stay equal (as PostgreSQL parses it)
# to the one Django compiles, or the planner silently goes back to sorting.
# PostgreSQL only: SQLite spells LEAST as MIN and its inboxes are small.

from django.db import migrations

_RUNNING = "('new', 'verified', 'in_progress')"
_NO_DEADLINE = "'9999-01-01 00:00:00+00:00'::timestamptz"


def _due(condition: str, column: str) -> str:
    return f"CASE WHEN ({condition} AND {column} IS NOT NULL) THEN {column} ELSE {_NO_DEADLINE} END"


DEADLINE = "LEAST(" + ", ".join([
    _due(f"status IN {_RUNNING} AND first_response_at IS NULL", "first_response_due_at"),
    _due("status = 'new'", "verification_due_at"),
    _due("status IN ('verified', 'in_progress')", "followup_due_at"),
    _due(f"status IN {_RUNNING}", "resolution_due_at"),
]) + ")"  # fmt: skip

# Every column the "at risk" condition reads, so that the tab's capped count is an index-only
# scan instead of a heap visit per case.
_AT_RISK_COLUMNS = (
    "status, first_response_at, first_response_due_at, verification_due_at, followup_due_at, "
    "resolution_due_at, first_response_sla_level, verification_sla_level, followup_sla_level, "
    "resolution_sla_level"
)

POSTGRES = [
    f"CREATE INDEX IF NOT EXISTS case_pemda_deadline_idx ON cases_case "
    f"(pemda_id, ({DEADLINE}), id) INCLUDE ({_AT_RISK_COLUMNS}) WHERE status IN {_RUNNING};",
    # Agency staff see a subtree (several agency ids): no (agency_id, deadline) index returns
    # those in deadline order, so this one walks every running case in order and checks the
    # agency from the index itself; an agency with few cases at risk costs an index-only scan.
    f"CREATE INDEX IF NOT EXISTS case_deadline_idx ON cases_case "
    f"(({DEADLINE}), id) INCLUDE (agency_id, {_AT_RISK_COLUMNS}) WHERE status IN {_RUNNING};",
]
# The planner ignores the statistics of partial indexes, so it guessed 25 inbound messages for
# a word found in 30,000 and never narrowed a search by date: statistics on the expression itself.
POSTGRES += [
    "CREATE STATISTICS IF NOT EXISTS message_in_fts_stats "
    "ON (to_tsvector('indonesian'::regconfig, text)) FROM cases_message;",
    "ANALYZE cases_message;",
]

POSTGRES_DROP = [
    "DROP STATISTICS IF EXISTS message_in_fts_stats;",
    "DROP INDEX IF EXISTS case_pemda_deadline_idx;",
    "DROP INDEX IF EXISTS case_deadline_idx;",
]


# The inbox filtered by category and status (the commonest pair of filters), newest first: a
# short backward walk instead of visiting every case of the region or category.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS case_category_status_idx ON cases_case "
    "(category_id, status, created_at);",
]
DROP_INDEXES = ["DROP INDEX IF EXISTS case_category_status_idx;"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_inbox_more_indexes"),
    ]

    operations = [
        migrations.RunSQL(sql=INDEXES, reverse_sql=DROP_INDEXES),
        migrations.RunPython(_run(POSTGRES), _run(POSTGRES_DROP)),
    ]
