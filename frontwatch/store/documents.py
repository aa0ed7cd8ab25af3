"""Documents: each stored once (by content hash) with its claims in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update

from frontwatch.errors import AmbiguousId
from frontwatch.model import Claim, Document
from frontwatch.store import schema as t
from frontwatch.store.base import _dump, _now
from frontwatch.store.claims import Claims
from frontwatch.store.codec import decode


class Documents(Claims):
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

    def document_refs(self, document_ids: Sequence[str]) -> dict[str, Document]:
        """These documents (those stored) with what a reference to one shows — id, origin, format, title, URL,
        publisher, date, language — read from their columns (written with the payload, never changed); `text` is
        left empty: the payload, with the whole text, is not read."""
        if not document_ids:
            return {}
        c = t.documents.c
        q = select(c.document_id, c.origin, c.format, c.title, c.url, c.publisher, c.published, c.language).where(
            c.document_id.in_(list(document_ids)))
        with self.engine.connect() as conn:
            return {r[0]: Document(r[0], "", r[1], r[2], title=r[3], url=r[4], publisher=r[5], published=r[6],
                                   language=r[7]) for r in conn.execute(q)}

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
