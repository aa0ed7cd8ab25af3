"""Claims: written with their document (documents.py) or replaced; read by document, id, unit or page."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from sqlalchemy import Connection, or_, select, tuple_

from frontwatch.model import Claim
from frontwatch.store import reads
from frontwatch.store import schema as t
from frontwatch.store.base import Row, StoreBase, _dump
from frontwatch.store.codec import decode, layout


class Claims(StoreBase):
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
        raw = self._generation_reader.connection() if self._generation_reader is not None else None
        if raw is not None:
            return _sqlite_claim_rows(raw, document_id, claim_ids, limit, offset, after)
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


def _sqlite_claim_rows(conn: sqlite3.Connection, document_id: str | None, claim_ids: Sequence[str] | None,
                       limit: int | None, offset: int, after: tuple[str, str] | None) -> list[Row]:
    """`Claims._claim_rows` on SQLite through a plain connection: the same query, the same order and bounds."""
    where, params = [], []
    if document_id:
        where.append("document_id = ?")
        params.append(document_id)
    if claim_ids is not None:
        where.append("claim_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(claim_ids)))
    if after is not None:
        where.append("(document_id, claim_id) > (?, ?)")
        params += after
    order = " ORDER BY document_id, claim_id"
    if offset:
        # The skipped rows are counted in the index alone, then the page is read from the first key on.
        cond = f" WHERE {' AND '.join(where)}" if where else ""
        first = conn.execute(f"SELECT document_id, claim_id FROM claims{cond}{order} LIMIT 1 OFFSET ?",
                             (*params, offset)).fetchone()
        if first is None:
            return []
        where.append("(document_id, claim_id) >= (?, ?)")
        params += first
    cond = f" WHERE {' AND '.join(where)}" if where else ""
    return conn.execute(f"SELECT payload, layout FROM claims{cond}{order} LIMIT ?",
                        (*params, -1 if limit is None else limit)).fetchall()
