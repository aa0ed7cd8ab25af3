"""An in-process cache of the API's GET answers, keyed on the database's write generation, with ETags.

Each read route's answer depends only on the request (path, query, Accept) and the database's content, and every
write the store makes advances `Store.generation()` in the same transaction. So an answer computed after reading
generation G holds data at least as new as G: it may be served again, and `If-None-Match` answered 304, for as
long as the generation is still G. The first request after a write reads the new generation and misses.

The ETag is derived from (generation, request) alone, so every worker process of one server gives the same one,
and a database made again from scratch (new epoch) never repeats one.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Read routes whose answers are cached (not the page, its static files, the docs or the liveness check).
CACHED_PREFIXES = ("/events", "/claims", "/documents/", "/control", "/boundaries", "/sources")
MAX_ENTRY = 4 * 2**20  # bytes: a larger answer is sent, not kept
MAX_TOTAL = 64 * 2**20


@dataclass(frozen=True)
class Entry:
    generation: str
    etag: bytes
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """Least recently used answers, up to `max_total` bytes of bodies."""

    def __init__(self, max_total: int = MAX_TOTAL, max_entry: int = MAX_ENTRY) -> None:
        self.max_total, self.max_entry = max_total, max_entry
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: bytes, generation: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.generation != generation:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: bytes, entry: Entry) -> None:
        if len(entry.body) > self.max_entry:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self.max_total:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)


def request_key(scope: Scope) -> bytes:
    accept = b""
    for name, value in scope.get("headers", ()):
        if name == b"accept":
            accept = value
    return b"\n".join((scope["path"].encode(), scope.get("query_string", b""), accept))


def etag_for(generation: str, key: bytes) -> bytes:
    return b'"' + generation.encode() + b"-" + hashlib.blake2b(key, digest_size=8).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes, etag: bytes) -> bool:
    tags = [t.strip() for t in if_none_match.split(b",")]
    return etag in tags or b"W/" + etag in tags


class CacheMiddleware:
    """ASGI middleware: answers a GET of a cached route from the cache, or 304, while the generation holds."""

    def __init__(self, app: ASGIApp, generation: Callable[[], str], cache: ResponseCache | None = None) -> None:
        self.app = app
        self.generation = generation
        self.cache = cache or ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD")
                or not scope["path"].startswith(CACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        key = request_key(scope)
        # One primary-key read of one row: cheap enough to make on the event loop.
        generation = self.generation()
        etag = etag_for(generation, key)
        if_none_match = next((v for k, v in scope.get("headers", ()) if k == b"if-none-match"), None)
        if if_none_match is not None and _matches(if_none_match, etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", etag), (b"cache-control", b"no-cache")]})
            await send({"type": "http.response.body", "body": b""})
            return
        entry = self.cache.get(key, generation) if scope["method"] == "GET" else None
        if entry is not None:
            await send({"type": "http.response.start", "status": 200, "headers": list(entry.headers)})
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self._answer_and_keep(scope, receive, send, key, generation, etag)

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, key: bytes, generation: str,
                               etag: bytes) -> None:
        state: dict[str, Any] = {"keep": False, "headers": (), "chunks": [], "size": 0}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    headers = [(k, v) for k, v in message.get("headers", ()) if k not in (b"etag", b"cache-control")]
                    headers += [(b"etag", etag), (b"cache-control", b"no-cache")]
                    message = {**message, "headers": headers}
                    state["keep"], state["headers"] = scope["method"] == "GET", tuple(headers)
            elif message["type"] == "http.response.body" and state["keep"]:
                body = message.get("body", b"")
                state["size"] += len(body)
                if state["size"] > self.cache.max_entry:
                    state["keep"], state["chunks"] = False, []
                else:
                    state["chunks"].append(body)
                if not message.get("more_body", False) and state["keep"]:
                    self.cache.put(key, Entry(generation, etag, state["headers"], b"".join(state["chunks"])))
            await send(message)

        await self.app(scope, receive, capture)


__all__ = ["CacheMiddleware", "ResponseCache", "etag_for"]
