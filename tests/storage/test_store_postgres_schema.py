"""The PostgreSQL fixture really isolates each test in a schema of its own."""

from __future__ import annotations

from heartwise.config import Settings
from heartwise.storage.engine import create_engine
from heartwise.storage.migrate import migrate


def test_the_url_options_set_the_search_path_to_the_tests_schema(pg_settings: Settings) -> None:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    assert pg_settings.database_url is not None
    options = str(conninfo_to_dict(pg_settings.database_url)["options"])
    assert options.startswith("-csearch_path=hw_")
    schema = options.removeprefix("-csearch_path=")

    with create_engine(pg_settings).connect() as db:
        assert db.scalar("SELECT current_schema()") == schema
        migrate(db)
    with psycopg.connect(pg_settings.database_url) as connection:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,)
        ).fetchall()
    assert {"users", "entries"} <= {row[0] for row in tables}
