"""Stage: store. All SQL lives here, behind `Store`; SQLite by default, PostgreSQL with the same schema.

Every write that belongs to one document is one transaction, and inserts use `ON CONFLICT DO NOTHING` on the
document's content hash, so concurrent writers and re-runs store each report once. `Store` is put together from one
part per concern: connection.py (connect, migrate), documents.py, claims.py, rejects.py, fused.py (the fused layer's
writes, reliability, counts), events.py and control.py (the fused layer's reads), base.py (the write generation).
"""

from frontwatch.store.base import Row, sqlite_file
from frontwatch.store.connection import HEAD, MIGRATIONS
from frontwatch.store.events import DEEP_OFFSET, EventFilter
from frontwatch.store.store import Store

__all__ = ["DEEP_OFFSET", "HEAD", "MIGRATIONS", "EventFilter", "Row", "Store", "sqlite_file"]
