"""Fuzzing ingest with hypothesis: arbitrary bytes, text in many encodings, damaged UTF-8, HTML, RSS/Atom feeds and
JSON lines. No input may end in a traceback (a reader bug shows as a Reject with reason "error"): each gives stored
documents or rejects with a reason. A document's text is in its own normal form, survives the store unchanged, and is
what was decoded from the input.

The example count is kept modest (profile "ingest-fuzz", `FRONTWATCH_FUZZ_EXAMPLES` to change it; derandomized, so CI
runs the same examples every time). A longer exploratory run: FRONTWATCH_FUZZ_EXAMPLES=2000
FRONTWATCH_FUZZ_RANDOM=1 pytest tests/test_fuzz_ingest.py.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.config import Settings
from frontwatch.errors import InputRejected
from frontwatch.ingest import iter_inputs
from frontwatch.ingest.readers import Meta, read_plain
from frontwatch.model import Document, Reject, document_id_for, normalize_text
from frontwatch.store import Store

EXAMPLES = int(os.environ.get("FRONTWATCH_FUZZ_EXAMPLES", "120"))
settings.register_profile(
    "ingest-fuzz",
    max_examples=EXAMPLES,
    deadline=None,  # a first trafilatura or feedparser call imports modules: timing is no property here
    database=None,  # nothing written into the checkout
    derandomize=not os.environ.get("FRONTWATCH_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("ingest-fuzz")
SETTINGS = Settings(max_bytes=1_000_000, url_timeout=1.0)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory(prefix="frontwatch-fuzz-") as d:
        s = Store(f"sqlite:///{d}/fuzz.db")
        yield s
        s.close()


def ingest(data: bytes, name: str, store: Store) -> list[Document | Reject]:
    """Ingest one file holding `data`, check what every input must satisfy, store it all, and return the items."""
    with tempfile.TemporaryDirectory(prefix="frontwatch-fuzz-") as d:
        path = Path(d) / name
        path.write_bytes(data)
        items = list(iter_inputs([str(path)], SETTINGS))
    assert items, "every input gives at least a document or a reject"
    for item in items:
        if isinstance(item, Reject):
            assert item.reason != "error", item.detail  # the catch-all for reader bugs: a traceback in disguise
            assert item.reason and item.detail
            store.add_reject(item)
            continue
        assert isinstance(item, Document)
        assert item.text.strip() and item.text == normalize_text(item.text)
        assert item.document_id == document_id_for(item.text)
        for value in (item.text, item.origin, item.title or "", item.publisher or "", item.url or "",
                      *(v for kv in item.metadata for v in kv), *item.removed_lines):
            value.encode("utf-8")  # no unpaired surrogates: every field can be stored, hashed and printed
        store.add_document(item, None)
        stored = store.document(item.document_id)
        assert stored is not None and stored.text == item.text
    return items


def docs(items: list[Document | Reject]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def plain(text: str) -> Document | str:
    """What the plain-text reader makes of `text` (no bytes involved): a document, or the reason it is rejected."""
    try:
        return read_plain(text, "expected", Meta(), None)
    except InputRejected as exc:
        return exc.reason


EXTENSIONS = [".txt", ".md", "", ".html", ".htm", ".rss", ".atom", ".xml", ".jsonl", ".json", ".csv"]


@FUZZ
@given(data=st.binary(max_size=4000), ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_never_crash(store: Store, data: bytes, ext: str) -> None:
    ingest(data, f"input{ext}", store)


@FUZZ
@given(data=st.binary(min_size=1, max_size=400), head=st.sampled_from(
    [b"", b"<html><body>", b"<?xml version='1.0'?><rss>", b"<feed>", b"{\"text\": ", b"\xef\xbb\xbf", b"\xff\xfe"]),
    ext=st.sampled_from(EXTENSIONS))
def test_bytes_behind_a_format_header_never_crash(store: Store, data: bytes, head: bytes, ext: str) -> None:
    ingest(head + data, f"input{ext}", store)


# Text made of characters (no controls but line breaks and tabs, no "<" or "{" that would make it look like markup
# or JSON), behind a headline so that it is read as plain text.
TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="<{\ufeff")
               | st.sampled_from("\n\t"), max_size=600)


@FUZZ
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_in_a_unicode_encoding_is_stored_as_written(store: Store, text: str, encoding: str) -> None:
    text = f"Report\n{text}"
    [item] = ingest(text.encode(encoding), "report.txt", store)
    expected = plain(text)
    if isinstance(expected, str):
        assert isinstance(item, Reject) and item.reason == expected
    else:
        assert isinstance(item, Document) and item.text == expected.text, (item, expected)


@FUZZ
@given(text=TEXT, encoding=st.sampled_from(["cp1252", "latin-1", "mac_roman", "cp1251", "iso-8859-7", "koi8-r"]))
def test_text_in_a_legacy_encoding_never_crashes(store: Store, text: str, encoding: str) -> None:
    text = f"Report\n{text}"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    items = ingest(data, "report.txt", store)
    if data.isascii():  # ASCII reads the same in all of them
        expected = plain(data.decode("ascii"))
        assert [d.text for d in docs(items)] == ([] if isinstance(expected, str) else [expected.text])


INVALID_BYTES = st.sampled_from([*range(0x80, 0xC0), 0xC0, 0xC1, *range(0xF5, 0x100)])  # never part of valid UTF-8


@FUZZ
@given(
    text=st.text(st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="<{\ufeff"), min_size=20,
                 max_size=400).filter(lambda t: sum(ord(c) > 127 for c in t) >= 3),
    damage=st.lists(st.tuples(st.integers(0, 10_000), INVALID_BYTES), min_size=1, max_size=3),
)
def test_damaged_utf8_is_utf8_with_each_bad_byte_replaced(store: Store, text: str,
                                                          damage: list[tuple[int, int]]) -> None:
    text = f"Report\n{text}"
    chars = list(text)
    raw = [c.encode("utf-8") for c in chars]
    for pos, byte in sorted(damage, reverse=True):  # between whole characters, after the headline
        at = 7 + pos % (len(chars) - 6)
        raw.insert(at, bytes([byte]))
        chars.insert(at, "\ufffd")
    [item] = ingest(b"".join(raw), "report.txt", store)
    expected = plain("".join(chars))
    if isinstance(expected, str):
        assert isinstance(item, Reject) and item.reason == expected
        return
    assert isinstance(item, Document) and item.text == expected.text
    n = len(damage)
    assert ("warning", f"{n} invalid UTF-8 byte{'s' if n > 1 else ''} replaced by U+FFFD (\ufffd); the rest is UTF-8"
            ) in item.metadata


WORDS = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\n "), max_size=80)
CHARSETS = st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "windows-1252", "koi8-r", "utf-16", "shift_jis",
                            "x-nonsense", ""])


@st.composite
def html_pages(draw: st.DrawFn) -> tuple[bytes, str]:
    blocks = []
    for tag, text in draw(st.lists(st.tuples(st.sampled_from(["p", "h1", "li", "a", "div", "nav", "script", "td",
                                                             "article", "span", "b"]), WORDS), max_size=12)):
        body = html.escape(text) if draw(st.booleans()) else text  # unescaped text is broken markup: fine too
        blocks.append(f'<{tag} href="/x">{body}</{tag}>' if tag == "a" else f"<{tag}>{body}</{tag}>")
        if draw(st.booleans()):
            blocks.append(draw(st.sampled_from(["<br>", "</div>", "<p>", "<!--", "-->", "&nbsp;", "&#55296;",
                                                "&#x110000;", "&amp", "<![CDATA[", "]]>"])))
    charset = draw(CHARSETS)
    meta = f'<meta charset="{charset}">' if charset else ""
    title = html.escape(draw(WORDS))
    page = f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>{''.join(blocks)}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "koi8-r"]))
    return page.encode(encoding, "replace"), draw(st.sampled_from([".html", ".htm", ".txt", ""]))


@FUZZ
@given(page=html_pages())
def test_html_never_crashes(store: Store, page: tuple[bytes, str]) -> None:
    data, ext = page
    ingest(data, f"page{ext}", store)


@st.composite
def feeds(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    atom = draw(st.booleans())
    entries, titles = [], []
    for title, body, date, link in draw(st.lists(st.tuples(WORDS, WORDS, st.sampled_from(
            ["2021-08-10T09:00:00Z", "Tue, 10 Aug 2021 09:00:00 GMT", "yesterday", "", "2021-02-30", "99999"]),
            st.sampled_from(["https://desk.example/a", "", "not a link", "javascript:alert(1)"])), max_size=6)):
        titles.append(title)
        body = draw(st.sampled_from([html.escape(body), f"<![CDATA[{body}]]>",
                                     html.escape(f"<p>{body}</p><p>{title}</p>"), body]))
        t = html.escape(title)
        if atom:
            entries.append(f"<entry><title>{t}</title><link href=\"{link}\"/><updated>{date}</updated>"
                           f"<content type=\"html\">{body}</content></entry>")
        else:
            entries.append(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
                           f"<description>{body}</description></item>")
    charset = draw(CHARSETS)
    decl = f'<?xml version="1.0" encoding="{charset}"?>' if charset else ""
    if atom:
        doc = f'{decl}<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>{"".join(entries)}</feed>'
    else:
        doc = f'{decl}<rss version="2.0"><channel><title>Desk</title>{"".join(entries)}</channel></rss>'
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return doc.encode(encoding, "replace"), titles


@FUZZ
@given(feed=feeds(), ext=st.sampled_from([".rss", ".atom", ".xml"]))
def test_feeds_never_crash(store: Store, feed: tuple[bytes, list[str]], ext: str) -> None:
    data, titles = feed
    items = ingest(data, f"feed{ext}", store)
    assert len(docs(items)) <= max(len(titles), 1)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
                           max_leaves=6)
REPORT_TEXT = WORDS | st.text(st.characters(categories=["Cs"]) | st.sampled_from("ab \n"), max_size=10)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> list[tuple[str, object]]:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["report", "report", "value", "garbage"]))
        if kind == "report":
            obj: object = {"text": draw(REPORT_TEXT),
                           **draw(st.dictionaries(st.sampled_from(["title", "publisher", "url", "language",
                                                                   "published", "extra"]),
                                                  st.one_of(WORDS, JSON_VALUES,
                                                            st.sampled_from(["2021-08-10", "yesterday"])),
                                                  max_size=4))}
            line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
            lines.append((line if _encodable(line) else json.dumps(obj), obj))  # "\\ud800", never a raw surrogate
        elif kind == "value":
            obj = draw(JSON_VALUES)
            lines.append((json.dumps(obj), obj))
        else:
            lines.append((draw(st.text(st.characters(exclude_categories=["Cs"]), max_size=40)).replace("\n", " "),
                          None))
    return lines


@FUZZ
@given(lines=jsonl_lines(), ext=st.sampled_from([".jsonl", ".ndjson"]))
def test_json_lines_give_one_item_a_line_and_keep_each_text(store: Store, lines: list[tuple[str, object]],
                                                            ext: str) -> None:
    text = "\n".join(line for line, _ in lines)
    items = ingest(text.encode("utf-8"), f"reports{ext}", store)
    try:
        json.loads(text)
        return  # the whole file is one JSON value (a list of reports, say): not one report a line
    except ValueError:
        pass
    if len(items) == 1 and isinstance(items[0], Reject) and items[0].origin.endswith(f"reports{ext}"):
        assert items[0].reason in ("empty", "binary")  # the whole file: blank, or control bytes in a line
        return
    filled = [json.loads(line) if obj is not None else None for line, obj in lines if line.strip()]  # as read
    assert len(items) == len(filled)  # one document or reject a line with content, in order
    for item, obj in zip(items, filled, strict=True):
        if isinstance(item, Document):
            assert isinstance(obj, dict) and isinstance(obj.get("text"), str)
            expected = plain("".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in obj["text"]))
            assert isinstance(expected, Document) and item.text == expected.text


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
