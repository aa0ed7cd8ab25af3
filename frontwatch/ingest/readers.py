"""One reader per report format. Each turns decoded content into `Document`s or raises `InputRejected`."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from frontwatch.errors import InputRejected
from frontwatch.ingest.clean import clean_text
from frontwatch.model import Document, Reject, document_id_for, normalize_text

_SOURCE_LINE = re.compile(r"^\s*source:\s*(\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; it wins over what the inputs say."""

    published: date | None = None
    publisher: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(s, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise InputRejected("bad_metadata", f"cannot read the date {s!r}", hint="write dates as YYYY-MM-DD")
    return parsed.date()


# Unpaired surrogates are code points but no characters: JSON ("\\ud800") and XML character references let them into a
# str, and no UTF-8 store, hash or terminal takes them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _characters(value: str, found: list[int]) -> str:
    fixed, n = _SURROGATE.subn("\ufffd", value)
    found[0] += n
    return fixed


def _scrub(text: str, meta: Meta) -> tuple[str, Meta, str | None]:
    """Text and metadata with unpaired surrogates replaced by U+FFFD, and a warning saying how many were."""
    found = [0]
    text = _characters(text, found)

    def opt(v: str | None) -> str | None:
        return _characters(v, found) if isinstance(v, str) else v

    meta = Meta(opt(meta.title), opt(meta.url), opt(meta.publisher), meta.published, opt(meta.language),
                tuple((_characters(k, found), _characters(v, found)) for k, v in meta.extra))
    n = found[0]
    return text, meta, (f"{n} unpaired surrogate code point{'s' if n > 1 else ''} (no characters) replaced by "
                        "U+FFFD (\ufffd)") if n else None


def text_field(obj: dict[str, Any], key: str) -> str | None:
    """A metadata field of a JSON object: a string or nothing (a list or a number would reach the store as is)."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputRejected("bad_metadata", f'"{key}" must be a string, not {type(value).__name__} '
                        f"{json.dumps(value)[:60]}", hint=f'write it as "{key}": "..." or leave it out')


def make_document(text: str, origin: str, fmt: str, meta: Meta, overrides: Overrides | None) -> Document:
    text, meta, warning = _scrub(text, meta)
    origin = _SURROGATE.sub("\ufffd", origin)
    kept, removed = clean_text(normalize_text(text))
    kept = normalize_text(kept)  # the stored text is its own normal form: spans and identity agree
    if not kept.strip():
        raise InputRejected("empty", "no report text left after removing navigation and promo lines",
                            hint="check that the file holds the report itself")
    o = overrides or Overrides()
    return Document(
        document_id=document_id_for(kept),
        text=kept,
        origin=origin,
        format=fmt,
        title=o.title or meta.title,
        url=meta.url,
        publisher=o.publisher or meta.publisher,
        published=o.published or meta.published,
        language=o.language or meta.language,
        removed_lines=removed,
        metadata=(*meta.extra, ("warning", warning)) if warning else meta.extra,
    )


def read_plain(text: str, origin: str, meta: Meta, overrides: Overrides | None) -> Document:
    lines = text.rstrip().split("\n")
    publisher = meta.publisher
    # A trailing "source: example.org" line names the publisher; it is metadata, not report text.
    if lines and (m := _SOURCE_LINE.match(lines[-1])):
        publisher = publisher or m.group(1)
        lines = lines[:-1]
    body = "\n".join(lines).strip()
    first = body.split("\n", 1)[0].strip()
    title = meta.title or (first if 0 < len(first) <= 200 and "\n" in body else None)
    meta = Meta(title, meta.url, publisher, meta.published, meta.language, meta.extra)
    return make_document(body, origin, "text", meta, overrides)


# A report says something in words of its own: what is left of a page's main text once its link texts are taken out
# must reach a sentence's worth (a few words, or a few letters for scripts written without spaces).
MIN_PROSE_WORDS = 5
MIN_PROSE_LETTERS = 20


def _has_prose(body: str, html: str) -> bool:
    from collections import Counter

    import lxml.html

    words = Counter(re.findall(r"\w+", body.lower()))
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # trafilatura read it; lxml alone may not: judge the text as it is
        root = None
    if root is not None:
        for link in root.iter("a"):
            words -= Counter(re.findall(r"\w+", link.text_content().lower()))
    return sum(words.values()) >= MIN_PROSE_WORDS or sum(len(w) * n for w, n in words.items()) >= MIN_PROSE_LETTERS


def read_html(html: str, origin: str, meta: Meta, overrides: Overrides | None) -> Document:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=meta.url, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputRejected("malformed_html", f"HTML could not be parsed: {exc}") from exc
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        raise InputRejected("malformed_html", "no main text found in the HTML page",
                            hint="if the page needs JavaScript to show its text, save the rendered text instead")
    if not _has_prose(body, html):
        raise InputRejected("navigation_only", "the page holds only navigation (links and menu items such as "
                            "'Home'), no report text", hint="give the address or saved copy of the article itself")
    title = meta.title or getattr(result, "title", None)
    # The headline carries who did what ("rebels recapture…"): keep it as the first line of the text.
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    publisher = meta.publisher or getattr(result, "sitename", None) or getattr(result, "hostname", None)
    published = meta.published or parse_date(getattr(result, "date", None))
    extra = tuple((k, str(v)) for k, v in (("author", getattr(result, "author", None)),) if v)
    meta = Meta(title, meta.url or getattr(result, "url", None), publisher, published, meta.language,
                meta.extra + extra)
    return make_document(body, origin, "html", meta, overrides)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment)
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return re.sub(r"[ \t]+", " ", root.text_content()).strip()


_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


_BAD_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _charref(m: re.Match[str]) -> str:
    """A character reference to a surrogate or past U+10FFFF names no character (feedparser crashes on it): U+FFFD."""
    try:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    except ValueError:
        return m.group(0)
    return "&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else m.group(0)


def read_feed(text: str, origin: str, meta: Meta, overrides: Overrides | None) -> Iterator[Document | Reject]:
    import feedparser

    # The feed as the text ingest decoded (one decoding policy for every format, damaged UTF-8 included), handed to
    # feedparser as UTF-8 bytes that say so: its own detection would follow a declaration the bytes may belie.
    # (Bytes, never a str: feedparser reads a str as a URL or a file name.)
    text = _BAD_CHARREF.sub(_charref, _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1))
    try:
        parsed = feedparser.parse(text.encode("utf-8"))
    except Exception as exc:  # feedparser's loose parser has crashes of its own on odd markup
        raise InputRejected("malformed_feed", f"the feed could not be parsed: {type(exc).__name__}: {exc}",
                            hint="check that the file is a complete RSS or Atom document") from exc
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        raise InputRejected("malformed_feed", f"no entries in the feed{f': {why}' if why else ''}",
                            hint="check that the file is a complete RSS or Atom document")
    feed_title = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries):
        where = f"{origin}#{i + 1}"
        try:
            content = entry.get("content") or []
            body = _html_to_text(content[0].get("value", "") if content else entry.get("summary", ""))
            title = entry.get("title")
            if not body.strip():
                raise InputRejected("empty", "feed entry has no text")
            text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
            published = None
            if entry.get("published_parsed") or entry.get("updated_parsed"):
                st = entry.get("published_parsed") or entry.get("updated_parsed")
                published = date(st.tm_year, st.tm_mon, st.tm_mday)
            publisher = meta.publisher or entry.get("source", {}).get("title") or feed_title
            yield make_document(
                text, entry.get("link") or where, "feed",
                Meta(title, entry.get("link"), publisher, published, meta.language,
                     (("feed", feed_title),) if feed_title else ()),
                overrides,
            )
        except InputRejected as exc:
            yield Reject(where, exc.reason, str(exc))


def read_jsonl(text: str, origin: str, overrides: Overrides | None) -> Iterator[Document | Reject]:
    seen_any = False
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{origin}:{n}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputRejected("malformed_json", f"line is not JSON: {exc.msg} at column {exc.colno}") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                raise InputRejected("missing_text", "a JSON lines report needs a non-empty \"text\" field",
                                    hint='one object a line: {"text": "...", "published": "YYYY-MM-DD", ...}')
            # a report's country, when the feed or dataset gives it, steers geocoding (docs/geocoding.md)
            country = text_field(obj, "country")
            meta = Meta(text_field(obj, "title"), text_field(obj, "url"), text_field(obj, "publisher"),
                        parse_date(obj.get("published")), text_field(obj, "language"),
                        (("country", country),) if country else ())
            doc = read_plain(obj["text"], obj.get("url") or where, meta, overrides)
            yield dataclasses.replace(doc, format="jsonl")
        except InputRejected as exc:
            yield Reject(where, exc.reason, str(exc))
    if not seen_any:
        raise InputRejected("empty", "the JSON lines file has no reports")
