"""Stage: store. All SQL lives here, behind `Store`; SQLite by default, PostgreSQL with the same schema.

Every write that belongs to one document is one transaction, and inserts use `ON CONFLICT DO NOTHING` on the
document's content hash, so concurrent writers and re-runs store each report once.
"""

from __future__ import annotations

import fcntl
import json
import threading
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

from frontwatch.config import DATABASES, normalize_db_url
from frontwatch.errors import AmbiguousId, StoreError
from frontwatch.model import (
    Claim,
    ControlState,
    Document,
    Event,
    Reject,
    SourceKind,
    SourceReliability,
    to_dict,
)
from frontwatch.store import reads
from frontwatch.store import schema as t
from frontwatch.store.codec import decode, layout
from frontwatch.store.features import event_feature_json, source_key

MIGRATIONS = Path(__file__).with_name("migrations")
# From this offset on, a page of the unfiltered event listing is found through the ids kept in memory.
DEEP_OFFSET = 1_000
HEAD = "0006"


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


class Store:
    """The database. `Store(url)` connects and migrates to the head revision."""

    def __init__(self, url: str, create: bool = True) -> None:
        """`create=False`: a SQLite file that does not exist is an error, not a new database (read-only commands
        must not leave files or folders behind)."""
        self.url = normalize_db_url(url)
        self.dialect = self.url.split(":", 1)[0].split("+", 1)[0]
        if self.dialect not in DATABASES:
            raise StoreError(f"unsupported database type {self.dialect!r}",
                             hint="give a SQLite file path or a postgresql://USER@HOST/NAME URL")
        self._listing_lock = threading.Lock()
        self._listing: tuple[str, tuple[str, ...]] = ("", ())  # (generation, event ids in listing order)
        self._reads = reads.ReadState()
        path = self._sqlite_path()
        if not create and path is not None and not Path(path).exists():
            raise StoreError(f"no database at {path}",
                             hint="check --db / FRONTWATCH_DB, or create it with `frontwatch run REPORTS --db "
                             f"{path}` (or `frontwatch db upgrade --db {path}`)")
        try:
            self.engine: Engine = self._connect()
            self._migrate()
        except OperationalError as exc:
            raise StoreError(
                f"cannot open the database {self._safe_url()}: {exc.orig}",
                hint="check --db / FRONTWATCH_DB; for PostgreSQL, that the server is up and the database exists "
                "(createdb NAME)",
            ) from exc
        except DatabaseError as exc:  # e.g. "file is not a database": some other file at that path
            raise StoreError(
                f"cannot use the database {self._safe_url()}: {exc.orig}",
                hint="--db / FRONTWATCH_DB must name a Frontwatch database, or a new file to create; "
                "this path holds something else",
            ) from exc
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:  # a malformed URL or a missing driver
            # Not the URL itself, nor SQLAlchemy's message quoting it: it may hold a password.
            why = "malformed URL" if isinstance(exc, ArgumentError) else str(exc)
            raise StoreError(f"cannot use the database URL {self.url.split('://', 1)[0]}://…: {why}",
                             hint="give a SQLite file path or a postgresql://USER@HOST/NAME URL") from exc
        except OSError as exc:  # the SQLite file's folder cannot be made
            raise StoreError(f"cannot create the database {path}: {exc.strerror or exc}",
                             hint="check --db / FRONTWATCH_DB and that its folder is writable") from exc

    def _sqlite_path(self) -> str | None:
        """The file of a SQLite database (None: in memory, or not SQLite)."""
        return sqlite_file(self.url)

    # --- connection and migrations --------------------------------------------------------------------

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True) if hasattr(self, "engine") else self.url

    def _connect(self) -> Engine:
        if self.dialect == "sqlite":
            path = self._sqlite_path()
            if path:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, connect_args={"timeout": 60})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer
                cur.execute("PRAGMA busy_timeout=60000")
                cur.execute("PRAGMA synchronous=NORMAL")
                # Reads map the file instead of copying each page through a read() call (a third less CPU per
                # API page at 1M claims); address space only, the OS page cache holds the data either way.
                cur.execute("PRAGMA mmap_size=4294967296")
                cur.close()

            return engine
        return create_engine(self.url, pool_pre_ping=True)

    @contextmanager
    def _migration_lock(self) -> Iterator[Connection]:
        if self.dialect == "sqlite":
            path = self.url.split("///", 1)[1] if "///" in self.url else ""
            lock_path = Path(f"{path}.migrate.lock") if path and path != ":memory:" else None
            if lock_path is None:
                with self.engine.connect() as conn:
                    yield conn
                return
            with open(lock_path, "w") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX)
                try:
                    with self.engine.connect() as conn:
                        yield conn
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
        else:
            with self.engine.connect() as conn:
                key = zlib.crc32(b"frontwatch-migrations")
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
                conn.commit()
                try:
                    yield conn
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                    conn.commit()

    def _migrate(self) -> None:
        if self.revision() == HEAD:
            return
        from alembic import command
        from alembic.config import Config

        with self._migration_lock() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except Exception:  # no table yet: a fresh database
                conn.rollback()
                return None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _insert(self, table: Any) -> Any:
        return (postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table))

    # --- documents and claims --------------------------------------------------------------------------

    def add_document(self, doc: Document, claims: Sequence[Claim] | None = None) -> bool:
        """Store a document (and its claims) in one transaction; False if it was already there."""
        now = _now()
        row = {
            "document_id": doc.document_id,
            "origin": doc.origin,
            "format": doc.format,
            "title": doc.title,
            "url": doc.url,
            "publisher": doc.publisher,
            "published": doc.published,
            "language": doc.language,
            "ingested_at": now,
            "extracted_at": now if claims is not None else None,
            "payload": _dump(doc),
        }
        with self.engine.begin() as conn:
            stmt = (self._insert(t.documents).values(**row).on_conflict_do_nothing(index_elements=["document_id"])
                    .returning(t.documents.c.seq))
            if conn.execute(stmt).first() is None:  # another writer (or an earlier run) stored it
                return False
            if claims:
                self._insert_claims(conn, claims)
            self._bump(conn)
        return True

    @staticmethod
    def _bump(conn: Connection) -> None:
        """Advance the write generation, last in the write's transaction (what the API's cache keys on: a reader
        that sees the new generation also sees the write)."""
        conn.execute(update(t.store_state).where(t.store_state.c.id == 1)
                     .values(generation=t.store_state.c.generation + 1))

    def generation(self) -> str:
        """The database's write generation, as `epoch.count`: it changes with every write the store makes, and a
        database made again from scratch starts a new epoch."""
        c = t.store_state.c
        with self.engine.connect() as conn:
            row = conn.execute(select(c.epoch, c.generation).where(c.id == 1)).first()
        return f"{row[0]}.{row[1]}" if row else "none.0"

    def _insert_claims(self, conn: Connection, claims: Sequence[Claim]) -> None:
        rows = []
        for c in claims:
            place = c.place
            rows.append(
                {
                    "claim_id": c.claim_id,
                    "document_id": c.document_id,
                    "event_type": c.event_type,
                    "sub_event_type": c.sub_event_type,
                    "certainty": str(c.certainty),
                    "admin1_code": place.admin1_code if place else None,
                    "admin2_code": place.admin2_code if place else None,
                    "date_low": c.time.low if c.time else None,
                    "date_high": c.time.high if c.time else None,
                    "payload": _dump(c),
                    "layout": layout(Claim),
                }
            )
        conn.execute(self._insert(t.claims).on_conflict_do_nothing(index_elements=["claim_id"]), rows)

    def set_claims(self, document_id: str, claims: Sequence[Claim]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.claims).where(t.claims.c.document_id == document_id))
            if claims:
                self._insert_claims(conn, claims)
            conn.execute(
                update(t.documents).where(t.documents.c.document_id == document_id).values(extracted_at=_now())
            )
            self._bump(conn)

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(t.documents.c.seq).where(t.documents.c.document_id == document_id)
            return conn.execute(q).first() is not None

    def document(self, id_or_prefix: str) -> Document | None:
        """The document with this id, else the one whose id starts with it; `AmbiguousId` when several do.

        The prefix is matched literally: `%` and `_` are not wildcards.
        """
        c = t.documents.c
        with self.engine.connect() as conn:
            # A whole id is found through the unique index; only a prefix needs the LIKE scan.
            rows = conn.execute(select(c.payload).where(c.document_id == id_or_prefix)).all()
            if not rows:
                like = c.document_id.startswith(id_or_prefix, autoescape=True)
                rows = conn.execute(select(c.payload).where(like).limit(2)).all()
        if len(rows) > 1:
            raise AmbiguousId(f"document id prefix {id_or_prefix[:80]!r} matches more than one document",
                              hint="give more characters of the id")
        return decode(Document, rows[0][0]) if rows else None

    def documents(self, limit: int | None = None) -> list[Document]:
        q = select(t.documents.c.payload).order_by(t.documents.c.seq)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [decode(Document, r[0]) for r in conn.execute(q)]

    def pending_documents(self) -> list[Document]:
        q = select(t.documents.c.payload).where(t.documents.c.extracted_at.is_(None)).order_by(t.documents.c.seq)
        with self.engine.connect() as conn:
            return [decode(Document, r[0]) for r in conn.execute(q)]

    def document_times(self) -> dict[str, datetime]:
        with self.engine.connect() as conn:
            q = select(t.documents.c.document_id, t.documents.c.ingested_at)
            return {r[0]: r[1] for r in conn.execute(q)}

    def add_reject(self, reject: Reject) -> None:
        """Record a rejected input once per (input, reason): a re-run refreshes its detail and time (when it was
        last seen) and counts it, instead of adding the same line again (a unique index holds this, also for two
        writers at once)."""
        r = t.rejects.c
        at = reject.at or _now()
        stmt = self._insert(t.rejects).values(origin=reject.origin, reason=reject.reason, detail=reject.detail,
                                              at=at, origin_key=t.origin_key(reject.origin), seen=1)
        stmt = stmt.on_conflict_do_update(index_elements=["origin_key", "reason"],
                                          set_={"detail": stmt.excluded.detail, "at": stmt.excluded.at,
                                                "seen": r.seen + 1})
        with self.engine.begin() as conn:
            conn.execute(stmt)
            self._bump(conn)

    def rejects(self) -> list[Reject]:
        """Each (input, reason) once, in the order first rejected, with the latest detail and time."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.rejects).order_by(t.rejects.c.id)).all()
        return [Reject(row.origin, row.reason, row.detail, row.at, row.seen) for row in rows]

    def claims(
        self,
        document_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: tuple[str, str] | None = None,
    ) -> list[Claim]:
        """Claims in (document id, claim id) order; `limit` / `offset` page in SQL, so only the page is decoded.

        `after`: a (document id, claim id) key; only the claims after it. A page found through it is one index seek
        however deep, where an offset walks the index up to the page.
        """
        return [decode(Claim, p) for p in self.claim_payloads(document_id, claim_ids, limit, offset, after)]

    def claim_payloads(
        self,
        document_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: tuple[str, str] | None = None,
    ) -> list[str]:
        """What `claims` returns, as the stored JSON."""
        return [r[0] for r in self.claim_rows(document_id, claim_ids, limit, offset, after)]

    def claim_rows(
        self,
        document_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: tuple[str, str] | None = None,
    ) -> list[Row]:
        """What `claim_payloads` returns, each with its layout. A deep offset into the whole listing starts from
        the sparse keys of `reads.claim_start` (read the plain way when a write came in between)."""
        if document_id is None and claim_ids is None and after is None and offset >= reads.CLAIM_STEP:
            key, rest, generation = reads.claim_start(self, offset)
            rows = self._claim_rows(None, None, limit, rest, key)
            if self.generation() == generation:
                return rows
        return self._claim_rows(document_id, claim_ids, limit, offset, after)

    def _claim_rows(self, document_id: str | None, claim_ids: Sequence[str] | None, limit: int | None,
                    offset: int, after: tuple[str, str] | None) -> list[Row]:
        c = t.claims.c
        q = select(c.payload, c.layout).order_by(c.document_id, c.claim_id)
        if document_id:
            q = q.where(c.document_id == document_id)
        if claim_ids is not None:
            q = q.where(c.claim_id.in_(list(claim_ids)))
        if after is not None:
            q = q.where(tuple_(c.document_id, c.claim_id) > tuple_(*after))
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            if offset:
                # The skipped rows are counted in the index alone (SQLite would read each one's payload to skip
                # it), then the page is read from the first key on.
                first = conn.execute(q.with_only_columns(c.document_id, c.claim_id).limit(1).offset(offset)).first()
                if first is None:
                    return []
                q = q.where(tuple_(c.document_id, c.claim_id) >= tuple_(first[0], first[1]))
            return [(r[0], r[1]) for r in conn.execute(q)]

    def claims_for_documents(self, document_ids: Sequence[str]) -> list[Claim]:
        q = select(t.claims.c.payload).where(t.claims.c.document_id.in_(list(document_ids)))
        with self.engine.connect() as conn:
            return [decode(Claim, r[0]) for r in conn.execute(q)]

    def claims_in_units(self, units: Sequence[str]) -> list[Claim]:
        """Claims whose place lies in one of these admin2 (or admin1) units."""
        c = t.claims.c
        q = select(c.payload).where(or_(c.admin2_code.in_(list(units)), c.admin1_code.in_(list(units))))
        with self.engine.connect() as conn:
            return [decode(Claim, r[0]) for r in conn.execute(q.order_by(c.claim_id))]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("documents", t.documents),
                    ("rejects", t.rejects),
                    ("claims", t.claims),
                    ("events", t.events),
                    ("control_states", t.control_states),
                    ("sources", t.source_reliability),
                )
            }

    # --- the fused layer (derived data, replaced by fusion) --------------------------------------------

    def save_fusion(
        self,
        events: Sequence[Event],
        control: Sequence[ControlState],
        reliability: Sequence[SourceReliability] | None,
        units: set[str] | None = None,
    ) -> None:
        """Replace the fused layer (all of it, or only `units`); `reliability=None` keeps the stored estimates."""
        with self.engine.begin() as conn:
            if units is None:
                conn.execute(delete(t.event_sources))
                conn.execute(delete(t.events))
                conn.execute(delete(t.control_states))
            else:
                keys = list(units)
                conn.execute(delete(t.event_sources).where(t.event_sources.c.event_id.in_(
                    select(t.events.c.event_id).where(t.events.c.unit_code.in_(keys)))))
                conn.execute(delete(t.events).where(t.events.c.unit_code.in_(keys)))
                conn.execute(delete(t.control_states).where(t.control_states.c.unit_code.in_(keys)))
            if reliability is not None:
                conn.execute(delete(t.source_reliability))
            if events:
                # In listing order (newest first): a page's rows then sit together in the table (a third less
                # read per page of /events at 100k events).
                rows = sorted((self._event_row(e) for e in events), key=lambda r: (r["event_date"], r["event_id"]),
                              reverse=True)
                conn.execute(t.events.insert(), rows)
                links = [{"source_key": source_key(name), "source": name, "event_id": e.event_id,
                          "event_date": e.event_date} for e in events for name in dict.fromkeys(e.sources) if name]
                if links:
                    conn.execute(t.event_sources.insert(), links)
            if control:
                conn.execute(
                    t.control_states.insert(),
                    [
                        {
                            "unit_code": s.unit_code,
                            "level": s.level,
                            "admin1": s.admin1,
                            "since": s.since,
                            "until": s.until,
                            "status": str(s.status),
                            "payload": _dump(s),
                            "layout": layout(ControlState),
                        }
                        for s in control
                    ],
                )
            if reliability:
                conn.execute(
                    t.source_reliability.insert(),
                    [{"name": r.name, "kind": str(r.kind), "reliability": r.reliability, "claims": r.claims}
                     for r in reliability],
                )
            self._bump(conn)

    @staticmethod
    def _event_row(e: Event) -> dict[str, Any]:
        payload = _dump(e)
        return {
            "event_id": e.event_id,
            "event_date": e.event_date,
            "lat": e.place.lat,
            "lon": e.place.lon,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "status": str(e.status),
            "confidence": e.confidence,
            "actor1": e.actor1.name if e.actor1 else None,
            "actor2": e.actor2.name if e.actor2 else None,
            "unit_code": e.place.admin2_code or e.place.admin1_code,
            "sources": "\x1f".join(e.sources),
            "payload": payload,
            "layout": layout(Event),
            "feature": event_feature_json(payload),
        }

    def events(
        self,
        bbox: tuple[float, float, float, float] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        status: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events, newest first (then by id), filtered and paged in SQL."""
        payloads = self.event_payloads(bbox, date_from, date_to, event_type, sub_event_type, status, actor, source,
                                       min_confidence, limit, offset)
        return [decode(Event, p) for p in payloads]

    def event_payloads(
        self,
        bbox: tuple[float, float, float, float] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        status: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[str]:
        """What `events` returns, as the stored JSON (the API validates it straight into its response models)."""
        q = self._event_query((t.events.c.payload,), bbox, date_from, date_to, event_type, sub_event_type, status,
                              actor, source, min_confidence, limit, offset)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def event_rows(
        self,
        bbox: tuple[float, float, float, float] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        status: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
        feature: bool = False,
    ) -> list[Row]:
        """What `event_payloads` returns, each with its layout; `feature=True`: the stored GeoJSON Features instead
        of the payloads (None for an event stored without one).

        A deep page of the whole listing (no filter) is found in the listing's ids kept in memory for the current
        write generation, then fetched by id: an offset costs a slice instead of a walk of the index up to it.
        """
        filtered = any(v is not None for v in (bbox, date_from, date_to, min_confidence)) or any(
            (event_type, sub_event_type, status, actor, source))
        if not filtered and limit is not None and offset >= DEEP_OFFSET:
            rows = self._listing_page(offset, limit, feature)
            if rows is not None:
                return rows
        c = t.events.c
        body = c.feature if feature else c.payload
        if offset:
            # The page's ids first, from the listing index (SQLite would read each skipped row's payload to skip
            # it), then their rows.
            q = self._event_query((c.event_id,), bbox, date_from, date_to, event_type, sub_event_type, status,
                                  actor, source, min_confidence, limit, offset)
            with self.engine.connect() as conn:
                ids = [r[0] for r in conn.execute(q)]
                found = {r[0]: (r[1], r[2]) for r in conn.execute(
                    select(c.event_id, body, c.layout).where(reads.in_list(self, c.event_id, ids)))} if ids else {}
            return [found[i] for i in ids if i in found]
        q = self._event_query((body, c.layout), bbox, date_from, date_to, event_type, sub_event_type, status,
                              actor, source, min_confidence, limit, offset)
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(q)]

    def _listing_page(self, offset: int, limit: int, feature: bool = False) -> list[Row] | None:
        """A page of the unfiltered listing through the in-memory id list; None when a write came in between (the
        caller reads it the plain way then)."""
        c = t.events.c
        before = self.generation()
        with self._listing_lock:
            if self._listing[0] != before:
                with self.engine.connect() as conn:
                    ids = conn.execute(select(c.event_id).order_by(c.event_date.desc(), c.event_id.desc()))
                    self._listing = (before, tuple(r[0] for r in ids))
            ids = self._listing[1][offset:offset + limit]
        if not ids:
            return []
        with self.engine.connect() as conn:
            found = {r[0]: (r[1], r[2]) for r in conn.execute(
                select(c.event_id, c.feature if feature else c.payload, c.layout).where(
                    reads.in_list(self, c.event_id, list(ids))))}
        # The list may be newer than `before` (read after it), never older; a write since then voids the page.
        if len(found) != len(ids) or self.generation() != before:
            return None
        return [found[i] for i in ids]

    def _event_query(
        self,
        columns: Sequence[Any],
        bbox: tuple[float, float, float, float] | None,
        date_from: date | None,
        date_to: date | None,
        event_type: str | None,
        sub_event_type: str | None,
        status: str | None,
        actor: str | None,
        source: str | None,
        min_confidence: float | None,
        limit: int | None,
        offset: int,
    ) -> Any:
        c = t.events.c
        q = select(*columns)
        if bbox is not None:
            min_lon, min_lat, max_lon, max_lat = bbox
            q = q.where(c.lat.between(min_lat, max_lat), c.lon.between(min_lon, max_lon))
        if date_from is not None:
            q = q.where(c.event_date >= date_from)
        if date_to is not None:
            q = q.where(c.event_date <= date_to)
        if event_type:
            q = q.where(c.event_type == event_type)
        if sub_event_type:
            q = q.where(c.sub_event_type == sub_event_type)
        if status:
            q = q.where(c.status == status)
        q = reads.filter_names(self, q, actor, source)
        if min_confidence is not None:
            q = q.where(c.confidence >= min_confidence)
        q = q.order_by(c.event_date.desc(), c.event_id.desc()).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        return q

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.events)).scalar_one()

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.events.c.payload).where(t.events.c.event_id == event_id)).first()
        return decode(Event, row[0]) if row else None

    def control(self, as_of: date | None = None, admin1: str | None = None) -> list[ControlState]:
        """Each unit's state on `as_of` (default: its latest state), in unit-code order.

        The latest state of each unit (greatest `since`, then the last stored) is picked in SQL, so only one state
        per unit is read and decoded, however long the timelines.
        """
        return [decode(ControlState, p) for p in self.control_payloads(as_of, admin1)]

    def control_payloads(self, as_of: date | None = None, admin1: str | None = None) -> list[str]:
        """What `control` returns, as the stored JSON."""
        return [r[0] for r in self.control_rows(as_of, admin1)]

    def control_rows(self, as_of: date | None = None, admin1: str | None = None) -> list[tuple[str, str | None, str,
                                                                                             int]]:
        """What `control_payloads` returns, each with its layout, unit code and level.

        Each unit's state of the day is picked in memory (`reads.control_ids`: a binary search per unit in the
        timelines' dates, kept per write generation); only the picked rows are read.
        """
        c = t.control_states.c
        ids = reads.control_ids(self, as_of, admin1)
        if not ids:
            return []
        q = (select(c.payload, c.layout, c.unit_code, c.level).where(reads.in_list(self, c.id, ids))
             .order_by(c.unit_code))
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3]) for r in conn.execute(q)]

    def control_timeline(self, unit_code: str | None = None) -> list[ControlState]:
        """Control states in (unit code, since) order, the last stored last among states of one day."""
        return [decode(ControlState, p) for p in self.control_timeline_payloads(unit_code)]

    def control_timeline_payloads(self, unit_code: str | None = None) -> list[str]:
        """What `control_timeline` returns, as the stored JSON."""
        c = t.control_states.c
        q = select(c.payload).order_by(c.unit_code, c.since, c.id)
        if unit_code is not None:
            q = q.where(c.unit_code == unit_code)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def control_dates(self) -> tuple[date | None, date | None]:
        """The first and last day any control state names (its `since`, or its `until`)."""
        c = t.control_states.c
        # One aggregate per subquery: each is then an end of its index, not a scan of the table.
        ends = (select(func.min(c.since)).scalar_subquery(), select(func.max(c.since)).scalar_subquery(),
                select(func.max(c.until)).scalar_subquery())
        with self.engine.connect() as conn:
            first, last_since, last_until = conn.execute(select(*ends)).one()
        lasts = [d for d in (last_since, last_until) if d is not None]
        return first, max(lasts, default=None)

    def reliability(self, limit: int | None = None, offset: int = 0) -> list[SourceReliability]:
        """Sources, most reliable first (then by name, so pages neither overlap nor skip); paged in SQL."""
        c = t.source_reliability.c
        q = select(t.source_reliability).order_by(c.reliability.desc(), c.name)
        if offset:
            q = q.offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [SourceReliability(r.name, SourceKind(r.kind), r.reliability, r.claims) for r in conn.execute(q)]


__all__ = ["HEAD", "Store"]
