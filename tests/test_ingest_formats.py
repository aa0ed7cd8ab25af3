"""Ingest, in more depth: Atom and entry-level rejects, detection by content, encodings, permissions, sidecars,
directories, and URLs by content type and timeout (over a real HTTP server on loopback)."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.ingest import iter_inputs
from frontwatch.model import Document, Reject, document_id_for

SETTINGS = Settings(max_bytes=200_000, url_timeout=1.0)
PROSE = "Gunmen attacked a police checkpoint in the district on Friday, killing at least 3 officers, officials said."


def read(*paths: Path | str, **kw: object) -> list[Document | Reject]:
    return list(iter_inputs([str(p) for p in paths], SETTINGS, **kw))  # type: ignore[arg-type]


def docs_of(items: list[Document | Reject]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def rejects_of(items: list[Document | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Provincial Desk</title>
  <entry>
    <title>Checkpoint attacked</title>
    <link href="https://desk.example/a"/>
    <updated>2021-08-20T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{prose}&lt;/p&gt;&lt;p&gt;Residents fled.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Photo gallery</title>
    <link href="https://desk.example/b"/>
    <updated>2021-08-21T10:00:00Z</updated>
    <summary></summary>
  </entry>
  <entry>
    <title>Market reopens</title>
    <link href="https://desk.example/c"/>
    <published>2021-08-22T08:00:00Z</published>
    <summary>Shops reopened in the provincial capital on Sunday.</summary>
  </entry>
</feed>
""".replace("{prose}", PROSE)


def test_atom_feed_entries_and_an_empty_entry_rejected_alone(tmp_path: Path) -> None:
    p = tmp_path / "desk.atom"
    p.write_text(ATOM)
    items = read(p)
    docs, rejects = docs_of(items), rejects_of(items)
    assert [d.title for d in docs] == ["Checkpoint attacked", "Market reopens"]
    assert docs[0].text.startswith("Checkpoint attacked\n\n") and PROSE in docs[0].text
    assert "<p>" not in docs[0].text and "Residents fled." in docs[0].text
    assert docs[0].published == date(2021, 8, 20) and docs[1].published == date(2021, 8, 22)
    assert docs[0].url == "https://desk.example/a" and docs[0].publisher == "Provincial Desk"
    assert ("feed", "Provincial Desk") in docs[0].metadata
    [r] = rejects
    assert r.origin == f"{p}#2" and r.reason == "empty"


def test_format_detected_by_content_not_only_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(
        f"<!DOCTYPE html><html><head><title>Page title</title></head><body><article><p>{PROSE}</p>"
        f"<p>{PROSE} Again.</p></article></body></html>")
    (tmp_path / "feed").write_text(ATOM)  # no extension at all
    (tmp_path / "reports.json").write_text(json.dumps([{"text": PROSE, "publisher": "a.example"},
                                                       {"text": "Second report text.", "title": "T2"}]))
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (tmp_path / "broken.rss").write_text("this is not a feed at all")
    html, = read(tmp_path / "page.txt")
    assert isinstance(html, Document) and html.format == "html" and "<p>" not in html.text and PROSE in html.text
    assert {d.format for d in docs_of(read(tmp_path / "feed"))} == {"feed"}
    js = read(tmp_path / "reports.json")
    assert [d.format for d in docs_of(js)] == ["jsonl", "jsonl"] and docs_of(js)[0].publisher == "a.example"
    [sm] = read(tmp_path / "sitemap.xml")
    assert isinstance(sm, Reject) and sm.reason == "unknown_format" and "hint" in sm.detail
    [br] = read(tmp_path / "broken.rss")
    assert isinstance(br, Reject) and br.reason == "malformed_feed"


TEXT = "Kämpfe in der Stadt: Café zerstört, “Zeugen” berichten über die Lage am Freitag – es gab 3 Tote."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("utf8bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("utf16le.txt", TEXT.encode("utf-16")),  # BOM included
        ("utf16be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("cp1252-short.txt", TEXT.encode("cp1252")),
        ("cp1252-long.txt", ((TEXT + "\n") * 40).encode("cp1252")),
        ("latin1.txt", "Café zerstört in der Provinz am Freitag, sagen Zeugen.".encode("latin-1")),
    ],
)
def test_encodings_decoded(tmp_path: Path, name: str, data: bytes) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    [d] = read(p)
    assert isinstance(d, Document), d
    assert "Café" in d.text and "\ufeff" not in d.text
    if "latin1" not in name:
        assert "“Zeugen”" in d.text and "–" in d.text


def test_declared_latin1_page_that_is_really_utf8(tmp_path: Path) -> None:
    page = (f"<html><head><meta charset='iso-8859-1'><title>t</title></head><body><article><p>{TEXT}</p>"
            f"<p>{PROSE}</p></article></body></html>")
    p = tmp_path / "p.html"
    p.write_bytes(page.encode("utf-8"))
    [d] = read(p)
    assert isinstance(d, Document) and "“Zeugen”" in d.text and "Ã" not in d.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(128, 256)) * 20, "encoding"),  # high bytes no charset makes sense of
        (b"\xef\xbb\xbf" + b"valid start \xff\xfe\xfd broken", "encoding"),  # UTF-8 BOM, invalid UTF-8
        (b"\xff\xfe" + "odd".encode("utf-16-le") + b"X", "encoding"),  # UTF-16 BOM, truncated
        (b"\x7fELF\x02\x01\x01\x00" + bytes(200), "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "binary"),
    ],
)
def test_undecodable_and_binary_rejected(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    [r] = read(p)
    assert isinstance(r, Reject) and r.reason == reason, r
    assert "hint:" in r.detail


@contextlib.contextmanager
def _as_nobody() -> Iterator[None]:
    # Root reads any file; drop the effective uid so the permission bits apply, as for an ordinary user.
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_unreadable_file_rejected_and_the_rest_read() -> None:
    d = Path(tempfile.mkdtemp(prefix="frontwatch-perm-"))
    try:
        d.chmod(0o755)
        locked, fine = d / "a-locked.txt", d / "b-fine.txt"
        locked.write_text(PROSE)
        fine.write_text(PROSE + " Another.")
        fine.chmod(0o644)
        locked.chmod(0)
        with _as_nobody():
            items = read(d)
        assert len(items) == 2
        r, ok = items
        assert isinstance(r, Reject) and r.reason == "unreadable" and r.origin == str(locked)
        assert "permission" in r.detail
        assert isinstance(ok, Document) and ok.origin == str(fine)
    finally:
        shutil.rmtree(d)


def test_sidecar_metadata_and_its_failures(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(f"Headline of it\n\n{PROSE}\n\nsource: line.example\n")
    (tmp_path / "r.meta.json").write_text(json.dumps({"published": "2021-08-19", "publisher": "side.example",
                                                       "url": "https://side.example/r", "language": "en",
                                                       "author": "A. Writer"}))
    d, = read(tmp_path / "r.txt")
    assert isinstance(d, Document)
    assert d.publisher == "side.example" and d.published == date(2021, 8, 19) and d.url == "https://side.example/r"
    assert d.title == "Headline of it" and d.text.startswith("Headline of it") and "source:" not in d.text
    assert ("author", "A. Writer") in d.metadata
    (tmp_path / "r.meta.json").write_text(json.dumps({"published": "not a date at all"}))
    [r] = read(tmp_path / "r.txt")
    assert isinstance(r, Reject) and r.reason == "bad_metadata" and "YYYY-MM-DD" in r.detail
    (tmp_path / "r.meta.json").write_text("[1, 2]")
    [r] = read(tmp_path / "r.txt")
    assert isinstance(r, Reject) and r.reason == "bad_metadata" and "r.meta.json" in r.detail


def test_directory_recursive_sorted_skipping_hidden_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(PROSE + " z")
    (tmp_path / "a.txt").write_text(PROSE + " a")
    (tmp_path / "a.meta.json").write_text(json.dumps({"publisher": "p.example"}))
    (tmp_path / ".hidden.txt").write_text(PROSE + " hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(PROSE + " git")
    items = read(tmp_path)
    assert [Path(i.origin).relative_to(tmp_path).as_posix() for i in items] == ["a.txt", "b/z.txt"]
    assert isinstance(items[0], Document) and items[0].publisher == "p.example"


def test_jsonl_line_with_bad_date_rejected_alone(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"text": PROSE, "published": "the day before"}) + "\n"
                 + json.dumps({"text": PROSE + " Two.", "published": "2021-08-21T09:30:00Z", "language": "en"}) + "\n")
    r, d = read(p)
    assert isinstance(r, Reject) and r.origin == f"{p}:1" and r.reason == "bad_metadata"
    assert isinstance(d, Document) and d.published == date(2021, 8, 21) and d.language == "en"


def test_identity_is_the_cleaned_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Title\n\n{PROSE}\n")
    (tmp_path / "b.txt").write_bytes(
        f"Title\r\n\r\nREAD MORE: Some other story\r\n{PROSE}   \r\n\r\nsource: b.example\r\n".encode())
    a, b = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == b.text and "\r" not in b.text
    assert a.document_id == b.document_id == document_id_for(a.text)
    assert b.removed_lines == ("READ MORE: Some other story",)


# --- URLs by content type, and the timeout --------------------------------------------------------------

FEED_BYTES = ATOM.encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/feed": (FEED_BYTES, "application/atom+xml"),
            "/plain": (f"Title line\n\n{PROSE}\n".encode(), "text/plain; charset=utf-8"),
            "/cp1252": (f"Title line\n\n{TEXT}\n".encode("cp1252"), "text/plain; charset=windows-1252"),
            "/jsonl": ((json.dumps({"text": PROSE}) + "\n").encode(), "application/x-ndjson"),
            "/missing": (b"", ""),
        }
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404)
            return
        body, ctype = routes.get(self.path, (b"", "text/plain"))
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_content_type_decides_the_reader(server: str) -> None:
    feed = read(f"{server}/feed", allow_private=True)
    assert [d.format for d in docs_of(feed)] == ["feed", "feed"] and len(rejects_of(feed)) == 1
    [plain] = read(f"{server}/plain", allow_private=True)
    assert isinstance(plain, Document) and plain.format == "text" and plain.title == "Title line"
    assert plain.url == f"{server}/plain"
    [cp] = read(f"{server}/cp1252", allow_private=True)
    assert isinstance(cp, Document) and "“Zeugen”" in cp.text
    [js] = read(f"{server}/jsonl", allow_private=True)
    assert isinstance(js, Document) and js.format == "jsonl"


def test_url_timeout_and_http_errors(server: str) -> None:
    t0 = time.monotonic()
    [slow] = read(f"{server}/slow", allow_private=True)
    assert time.monotonic() - t0 < 2.5
    assert isinstance(slow, Reject) and slow.reason == "timeout"  # reached, but too slow: not "unreachable"
    [nf] = read(f"{server}/missing", allow_private=True)
    assert isinstance(nf, Reject) and nf.reason == "http_error" and "404" in nf.detail
    [loop] = read("http://localhost:9/x")
    assert isinstance(loop, Reject) and loop.reason == "private_address"
    [nohost] = read("https:///nohost")
    assert isinstance(nohost, Reject) and nohost.reason == "bad_url"
