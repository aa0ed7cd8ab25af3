"""What every part of the store shares: the connection's attributes, the dialect's insert, the write generation,
and small helpers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite

from frontwatch.config import normalize_db_url
from frontwatch.model import to_dict
from frontwatch.store import schema as t


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _dump(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


# A stored row as the API reads it: the payload and the layout it was written in (None: written before 0004).
Row = tuple[str, str | None]


def sqlite_file(url: str) -> str | None:
    """The file a SQLite database URL (or bare path) names; None in memory or for other databases."""
    url = normalize_db_url(url)
    if url.split(":", 1)[0].split("+", 1)[0] != "sqlite":
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    return path if path and path != ":memory:" else None



class StoreBase:
    """The attributes the store's parts share; `Connected.__init__` (connection.py) sets them."""

    url: str
    dialect: str
    engine: Engine
    _generation_reader: Any  # cache.GenerationReader on a SQLite file, else None

    def _insert(self, table: Any) -> Any:
        return (postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table))

    @staticmethod
    def _bump(conn: Connection) -> None:
        """Advance the write generation, last in the write's transaction (what the API's cache keys on: a reader
        that sees the new generation also sees the write)."""
        conn.execute(update(t.store_state).where(t.store_state.c.id == 1)
                     .values(generation=t.store_state.c.generation + 1))

    def generation(self) -> str:
        """The database's write generation, as `epoch.count`: it changes with every write the store makes, and a
        database made again from scratch starts a new epoch."""
        if self._generation_reader is not None:
            found = self._generation_reader.read()
            if found is not None:
                return str(found)
        c = t.store_state.c
        with self.engine.connect() as conn:
            row = conn.execute(select(c.epoch, c.generation).where(c.id == 1)).first()
        return f"{row[0]}.{row[1]}" if row else "none.0"
