"""The append-only guard's SQL, shared by the migration and the test suite's purge."""

from __future__ import annotations

from typing import Any

SQLITE_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS caseevent_no_update BEFORE UPDATE ON cases_caseevent
       BEGIN SELECT RAISE(ABORT, 'cases_caseevent is append-only'); END;""",
    """CREATE TRIGGER IF NOT EXISTS caseevent_no_delete BEFORE DELETE ON cases_caseevent
       BEGIN SELECT RAISE(ABORT, 'cases_caseevent is append-only'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS caseevent_no_update;",
    "DROP TRIGGER IF EXISTS caseevent_no_delete;",
]
POSTGRES_TRIGGERS = [
    """CREATE OR REPLACE FUNCTION caseevent_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'cases_caseevent is append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER caseevent_no_update_delete BEFORE UPDATE OR DELETE ON cases_caseevent
       FOR EACH ROW EXECUTE FUNCTION caseevent_append_only();""",
    # TRUNCATE (table owner only) is left to database administrators; the test suite's
    # flush between transactional tests relies on it.
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS caseevent_no_update_delete ON cases_caseevent;",
    "DROP FUNCTION IF EXISTS caseevent_append_only();",
]


def purge_for_tests(connection: Any) -> None:
    """Empty the timeline past its guard. Only the test suite's teardown calls this."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_DROP:
                cursor.execute(statement)
            cursor.execute("DELETE FROM cases_caseevent")
            for statement in SQLITE_TRIGGERS:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            # Replica mode skips ordinary triggers for this session only (superuser in tests).
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("DELETE FROM cases_caseevent")
            cursor.execute("SET session_replication_role = DEFAULT")
