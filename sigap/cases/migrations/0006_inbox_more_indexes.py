# More partial indexes for the inbox tabs, from the 1,000,000-case benchmark (bench/console.py):
# an officer's "mine" tab sorted tens of thousands of (mostly closed) assigned cases, and an
# agency's "recently closed" count intersected two large bitmaps.

from django.db import migrations

_OPEN = "('new', 'verified', 'in_progress', 'waiting_citizen')"

INDEXES = [
    f"CREATE INDEX IF NOT EXISTS case_assignee_open_idx ON cases_case (assignee_id, created_at) "
    f"WHERE status IN {_OPEN};",
    "CREATE INDEX IF NOT EXISTS case_agency_resolved_idx ON cases_case (agency_id, resolved_at) "
    "WHERE status IN ('resolved', 'closed');",
]
DROP_INDEXES = [
    "DROP INDEX IF EXISTS case_assignee_open_idx;",
    "DROP INDEX IF EXISTS case_agency_resolved_idx;",
]


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_inbox_search_and_indexes"),
    ]

    operations = [migrations.RunSQL(sql=INDEXES, reverse_sql=DROP_INDEXES)]
