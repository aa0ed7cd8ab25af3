"""Connecting to the database and migrating it to the head revision."""

from __future__ import annotations

import fcntl
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

from frontwatch.config import DATABASES, normalize_db_url
from frontwatch.errors import StoreError
from frontwatch.store import reads
from frontwatch.store.base import StoreBase, sqlite_file
from frontwatch.store.cache import GenerationReader

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0006"


class Connected(StoreBase):
    """`Connected(url)` connects and migrates to the head revision."""

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
        self._generation_reader: GenerationReader | None = None
        path = self._sqlite_path()
        if not create and path is not None and not Path(path).exists():
            raise StoreError(f"no database at {path}",
                             hint="check --db / FRONTWATCH_DB, or create it with `frontwatch run REPORTS --db "
                             f"{path}` (or `frontwatch db upgrade --db {path}`)")
        try:
            self.engine: Engine = self._connect()
            self._migrate()
            if path is not None:  # after the migrations: store_state exists
                self._generation_reader = GenerationReader(path)
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
        if self._generation_reader is not None:
            self._generation_reader.close()
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
