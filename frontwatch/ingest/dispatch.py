"""Ingest's dispatch: which reader each input goes to (URL or file; text, HTML, feed or JSON lines, by extension,
then by sniffing the text), the sidecar metadata, and a reject with a reason for whatever cannot be read."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.errors import InputRejected
from frontwatch.ingest.decode import decode
from frontwatch.ingest.readers import (
    Meta,
    Overrides,
    parse_date,
    read_feed,
    read_html,
    read_jsonl,
    read_plain,
    text_field,
)
from frontwatch.model import Document, Reject

TEXT_EXT = {".txt", ".text", ".md", ""}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
SIDECAR = ".meta.json"

__all__ = ["expand_paths", "iter_inputs", "read_bytes"]


def expand_paths(paths: Sequence[str]) -> Iterator[str]:
    """Directories become their files, recursively and sorted; sidecars and hidden files are skipped."""
    for p in paths:
        path = Path(p)
        if "://" not in p and path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if (
                    f.is_file()
                    and not f.name.endswith(SIDECAR)
                    and not f.name.upper().startswith(("README", "LICENSE"))  # a corpus folder's own notes
                    and not f.name.endswith("expected.json")  # and its answer key (examples/persian/expected.json)
                    and not any(x.startswith(".") for x in rel.parts)
                ):
                    yield str(f)
        else:
            yield p


def iter_inputs(
    paths: Sequence[str], settings: Settings, overrides: Overrides | None = None, allow_private: bool = False
) -> Iterator[Document | Reject]:
    for p in expand_paths(paths):
        try:
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", p):
                yield from _read_url(p, settings, overrides, allow_private)
            else:
                yield from _read_file(Path(p), settings, overrides)
        except InputRejected as exc:
            yield Reject(p, exc.reason, str(exc))
        except Exception as exc:  # a reader bug or a library surprise must not end the batch
            yield Reject(p, "error", f"could not read it: {type(exc).__name__}: {exc}\n  hint: please report this "
                         "input as a bug; the rest of the batch goes on")


def _sidecar(path: Path) -> Meta:
    side = path.with_name(path.stem + SIDECAR) if path.suffix else path.with_name(path.name + SIDECAR)
    if not side.exists():
        return Meta()
    try:
        obj = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(obj, dict):
            raise ValueError("not a JSON object")
    except (ValueError, UnicodeDecodeError) as exc:
        # The report is not read without its sidecar: its date or publisher may be wrong without it.
        raise InputRejected("bad_metadata", f"sidecar {side.name} is not valid JSON: {exc}",
                            hint=f"fix or delete {side}") from exc
    extra = tuple((k, str(v)) for k, v in obj.items() if k not in ("title", "url", "publisher", "published",
                                                                   "language") and isinstance(v, str | int | float))
    try:
        fields = [text_field(obj, k) for k in ("title", "url", "publisher", "language")]
    except InputRejected as exc:
        raise InputRejected("bad_metadata", f"sidecar {side.name}: {exc.message}", hint=f"fix {side}") from exc
    return Meta(fields[0], fields[1], fields[2], parse_date(obj.get("published")), fields[3], extra)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputRejected("missing", "no such file or directory", hint="check the path")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputRejected("too_large", f"{size} bytes is over the {max_bytes}-byte cap",
                                hint="raise it with --max-bytes or FRONTWATCH_MAX_BYTES")
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputRejected("unreadable", "permission denied", hint="check the file's permissions") from exc
    if not data.strip():
        raise InputRejected("empty", "the file is empty")
    return data


def _sniff(text: str) -> str | None:
    head = text.lstrip()[:2000].lower()
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed") or "<rss" in head[:300]:
        return "feed" if ("<rss" in head or "<feed" in head or "<rdf" in head) else None
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE) or re.search(
        rb"""<\?xml[^>]+encoding=["']([\w-]+)""", data[:200]
    )
    return m.group(1).decode("ascii", "ignore") if m else None


def _with_warning(items: Iterator[Document | Reject], warning: str | None) -> Iterator[Document | Reject]:
    """Each document read from the input carries what the user should know about its decoding."""
    for item in items:
        if warning and isinstance(item, Document):
            item = dataclasses.replace(item, metadata=(*item.metadata, ("warning", warning)))
        yield item


def _read_file(path: Path, settings: Settings, overrides: Overrides | None) -> Iterator[Document | Reject]:
    data = read_bytes(path, settings.max_bytes)
    decoded = decode(data, _declared_charset(data))
    yield from _with_warning(_read_text(path, decoded.text, overrides), decoded.warning)


def _read_text(path: Path, text: str, overrides: Overrides | None) -> Iterator[Document | Reject]:
    if not text.strip():
        raise InputRejected("empty", "the file holds only whitespace")
    ext = path.suffix.lower()
    fmt = _sniff(text)
    if ext in HTML_EXT:
        fmt = "html"
    elif ext in (".rss", ".atom"):
        fmt = "html" if fmt == "html" else "feed"  # a broken feed is a malformed feed, not an unknown format
    elif ext in FEED_EXT:
        fmt = fmt if fmt in ("feed", "html") else None  # .xml is a feed only if it looks like one
    elif ext in JSONL_EXT:
        fmt = "jsonl"
    elif ext in TEXT_EXT and fmt not in ("html", "feed"):
        fmt = "text"
    if fmt is None:
        raise InputRejected("unknown_format", f"unknown format ({ext or 'no extension'})",
                            hint="use .txt, .html, .rss/.atom/.xml, .jsonl, or rename a plain-text report to .txt")
    meta = _sidecar(path) if fmt in ("text", "html") else Meta()
    if fmt == "text":
        yield read_plain(text, str(path), meta, overrides)
    elif fmt == "html":
        yield read_html(text, str(path), meta, overrides)
    elif fmt == "feed":
        yield from read_feed(text, str(path), meta, overrides)
    else:
        yield from _read_json_or_lines(text, str(path), overrides)


def _read_json_or_lines(text: str, origin: str, overrides: Overrides | None) -> Iterator[Document | Reject]:
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(text, origin, overrides)  # one report a line; bad lines are rejected one by one
        return
    items = whole if isinstance(whole, list) else [whole]
    if not all(isinstance(x, dict) and isinstance(x.get("text"), str) for x in items):
        raise InputRejected("unknown_format", "JSON that holds no reports (no \"text\" field)",
                            hint='a report is {"text": "...", "published": "YYYY-MM-DD", ...}, one a line')
    yield from read_jsonl("\n".join(json.dumps(x) for x in items), origin, overrides)


def _read_url(url: str, settings: Settings, overrides: Overrides | None, allow_private: bool) -> Iterator[
    Document | Reject
]:
    from frontwatch.ingest.urls import fetch, parse_proxy

    proxy = parse_proxy(settings.proxy) if settings.proxy else None  # checked when the settings were made
    data, ctype, final = fetch(url, settings.max_bytes, settings.url_timeout, allow_private, proxy=proxy)
    charset = re.search(r"charset=([\w-]+)", ctype)
    decoded = decode(data, charset.group(1) if charset else _declared_charset(data))
    yield from _with_warning(_read_fetched(url, final, decoded.text, ctype, overrides), decoded.warning)


def _read_fetched(url: str, final: str, text: str, ctype: str, overrides: Overrides | None) -> Iterator[
    Document | Reject
]:
    ctype = ctype.lower()
    meta = Meta(url=final)
    if "html" in ctype or (_sniff(text) == "html" and "xml" not in ctype):
        yield read_html(text, url, meta, overrides)
    elif any(k in ctype for k in ("rss", "atom", "xml")) or _sniff(text) == "feed":
        yield from read_feed(text, url, meta, overrides)
    elif "json" in ctype:
        yield from read_jsonl(text, url, overrides)
    else:
        yield read_plain(text, url, meta, overrides)
