"""What the read paths keep between requests: the write generation read cheaply, and rows kept per generation.

- `GenerationReader`: on a SQLite file, `Store.generation()` reads `store_state` through one plain read-only
  `sqlite3` connection per thread (a few microseconds) instead of a pooled SQLAlchemy connection (~80 µs); the API
  reads it several times per request. Outside a transaction each SELECT sees the last commit, so a write is seen
  by the next read, as before. The claims' pages are read through it too (SQLAlchemy's statement building and
  row handling cost more than SQLite's reading of a page).
- `RowCache`: rows by key, all of one write generation, bounded in bytes. Filed under the generation read before
  the rows were, so an entry is never older than its generation; a new generation empties the cache.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

GENERATION_SQL = "SELECT epoch, generation FROM store_state WHERE id = 1"


class GenerationReader:
    """`epoch.count` of a SQLite file, through a read-only connection per thread (None when it cannot be read:
    the caller reads it the ordinary way then)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []
        self.broken = False  # the file cannot be opened this way: not tried again
        self._trace: Callable[[str], None] | None = None

    def connection(self) -> sqlite3.Connection | None:
        """This thread's read-only connection (None if the file cannot be opened so)."""
        if self.broken:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(f"file:{quote(self.path)}?mode=ro", uri=True, check_same_thread=False,
                                       timeout=60)
                conn.execute("PRAGMA mmap_size=4294967296")  # as the store's own connections (connection.py)
            except sqlite3.Error:
                self.broken = True
                return None
            with self._lock:
                self._all.append(conn)
                conn.set_trace_callback(self._trace)
            self._local.conn = conn
        return conn

    def trace(self, callback: Callable[[str], None] | None) -> None:
        """Pass every statement these connections run (parameters filled in) to `callback` (None: stop); what
        SQLAlchemy's `before_cursor_execute` event shows of the store's other reads."""
        with self._lock:
            self._trace = callback
            for conn in self._all:
                conn.set_trace_callback(callback)

    def read(self) -> str | None:
        conn = self.connection()
        if conn is None:
            return None
        try:
            row = conn.execute(GENERATION_SQL).fetchone()
        except sqlite3.Error:
            return None
        return f"{row[0]}.{row[1]}" if row else "none.0"

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()


def _size(value: Any) -> int:
    if isinstance(value, str | bytes):
        return len(value) + 64
    if isinstance(value, tuple | list):
        return sum(_size(v) for v in value) + 64
    return 64


class RowCache:
    """Rows by key for one write generation, the first kept first out beyond `max_bytes` (strings counted by
    length, anything else a small constant; no reordering on a hit: a hit is a dict look-up)."""

    def __init__(self, max_bytes: int, size: Callable[[Any], int] = _size) -> None:
        self.max_bytes, self._sizer = max_bytes, size
        self.generation = ""
        self._rows: OrderedDict[Any, Any] = OrderedDict()
        self.size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._rows)

    def get_many(self, generation: str, keys: Iterable[Any],
                 load: Callable[[list[Any]], dict[Any, Any]]) -> dict[Any, Any]:
        """The rows of `keys` (those that exist): from the cache, the missing ones through `load(missing keys)`,
        which must read them at `generation` or later."""
        keys = list(keys)
        with self._lock:
            if generation != self.generation:
                self._rows.clear()
                self.size, self.generation = 0, generation
            found = {}
            for k in keys:
                row = self._rows.get(k)
                if row is not None:
                    found[k] = row
        missing = [k for k in keys if k not in found]
        if missing:
            loaded = load(missing)
            found.update(loaded)
            with self._lock:
                if generation == self.generation:  # a newer generation filed meanwhile: keep nothing old
                    for k, row in loaded.items():
                        if k not in self._rows:
                            self._rows[k] = row
                            self.size += self._sizer(row)
                    while self.size > self.max_bytes and self._rows:
                        _, dropped = self._rows.popitem(last=False)
                        self.size -= self._sizer(dropped)
        return found

    def fill(self, generation: str, rows: Iterable[tuple[Any, Any]]) -> None:
        """Keep these (key, row) pairs read at `generation` or later, as far as they fit."""
        with self._lock:
            if generation != self.generation:
                self._rows.clear()
                self.size, self.generation = 0, generation
            for k, row in rows:
                size = self._sizer(row)
                if self.size + size > self.max_bytes:
                    break
                self._rows[k] = row
                self.size += size

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self.size, self.generation = 0, ""


__all__ = ["GenerationReader", "RowCache"]
