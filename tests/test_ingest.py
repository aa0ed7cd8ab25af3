"""Ingest: every format, every kind of bad input, URLs over a real local server, the CLI, kill-and-resume."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.ingest import Overrides, clean_text, iter_inputs
from frontwatch.model import Document, Reject

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings(max_bytes=200_000)


def read(*paths: Path | str, **kw: object) -> list[Document | Reject]:
    return list(iter_inputs([str(p) for p in paths], SETTINGS, **kw))  # type: ignore[arg-type]


def only_doc(items: list[Document | Reject]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_seed_article_with_sidecar(seed_article: Path) -> None:
    d = only_doc(read(seed_article))
    assert d.publisher == "express.co.uk"
    assert d.published == date(2021, 8, 21)
    assert d.title and d.title.startswith("Afghan fightback")
    assert "source: express.co.uk" not in d.text
    assert any("POLL" in line for line in d.removed_lines)
    assert "POLL" not in d.text
    assert "Pul-e-Khumri" in d.text


def test_plain_text_source_line_and_overrides(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("Headline here\n\nFighting raged in the district on Friday.\n\nsource: example.org\n")
    d = only_doc(read(p))
    assert d.publisher == "example.org" and d.title == "Headline here" and d.format == "text"
    o = only_doc(read(p, overrides=Overrides(published=date(2021, 8, 20), publisher="other.org")))
    assert o.publisher == "other.org" and o.published == date(2021, 8, 20)
    assert o.document_id == d.document_id  # identity is the text, not the metadata


def test_html_main_text_and_clutter_removed(root: Path) -> None:
    d = only_doc(read(root / "examples" / "kabul-daily-2021-08-11.html"))
    assert d.format == "html"
    assert d.publisher == "Kabul Daily"
    assert d.published == date(2021, 8, 11)
    assert "overran the city" in d.text
    assert "READ MORE" not in d.text and "Sign up" not in d.text and "WhatsApp" not in d.text
    assert any("READ MORE" in line for line in d.removed_lines)


def test_feed_gives_one_document_per_entry(root: Path) -> None:
    items = read(root / "examples" / "baghlan-feed.rss")
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 3 and all(d.format == "feed" for d in docs)
    assert docs[0].published == date(2021, 8, 21)
    assert docs[0].publisher == "North Afghanistan Desk"
    assert docs[1].url and docs[1].url.endswith("/denial")


def test_jsonl_bad_line_rejected_others_read(tmp_path: Path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"text": "Clashes killed 3 people.", "published": "2021-08-20", "publisher": "a.org"})
                 + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
                 + json.dumps({"text": "Police arrested 4 people."}) + "\n")
    items = read(p)
    docs = [i for i in items if isinstance(i, Document)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [d.format for d in docs] == ["jsonl", "jsonl"]
    assert docs[0].published == date(2021, 8, 20) and docs[0].publisher == "a.org"
    assert {r.reason for r in rejects} == {"malformed_json", "missing_text"}
    assert {r.origin for r in rejects} == {f"{p}:2", f"{p}:3"}


def test_directory_is_read_recursively_skipping_sidecars_and_readme(root: Path) -> None:
    items = read(root / "examples")
    assert not [i for i in items if isinstance(i, Reject)]
    origins = {i.origin for i in items if isinstance(i, Document)}
    assert not any(o.endswith((".meta.json", "README.md")) for o in origins)
    assert len(items) == 13  # 9 English reports, 4 Persian ones in examples/persian/


BAD_INPUTS = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "x.txt"),
    "empty": (b"", "e.txt"),
    "whitespace": (b"   \n\n\t\n", "w.txt"),
    "unknown_format": (b"%PDF-like text but in an unknown container format", "doc.xyz"),
    "malformed_feed": (b"<?xml version='1.0'?><rss><channel><title>x</title", "f.rss"),
    "malformed_html": (b"<html><body><script>var a=1;</script></body></html>", "p.html"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_inputs_are_rejected_with_a_reason(tmp_path: Path, kind: str) -> None:
    data, name = BAD_INPUTS[kind]
    p = tmp_path / name
    p.write_bytes(data)
    [r] = read(p)
    assert isinstance(r, Reject), r
    expected = {"whitespace": "empty"}.get(kind, kind)
    assert r.reason == expected
    assert r.origin == str(p) and r.detail


def test_too_large_and_missing(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100_000)
    [r] = read(big)
    assert isinstance(r, Reject) and r.reason == "too_large" and "--max-bytes" in r.detail
    [m] = read(tmp_path / "nope.txt")
    assert isinstance(m, Reject) and m.reason == "missing"


def test_encodings_detected(tmp_path: Path) -> None:
    text = "Kämpfe in der Stadt: Café zerstört, “Zeugen” berichten über die Lage am Freitag in der Provinz."
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    # A page that declares UTF-8 but is Windows-1252: decoded by detection, not by the declaration.
    html = f"<html><head><meta charset='utf-8'><title>t</title></head><body><article><p>{text}</p>" \
           f"<p>{text}</p></article></body></html>"
    (tmp_path / "mis.html").write_bytes(html.encode("cp1252"))
    docs = read(tmp_path / "u16.txt", tmp_path / "cp.txt", tmp_path / "mis.html")
    assert all(isinstance(d, Document) for d in docs), docs
    for d in docs:
        assert "Café" in d.text and "“Zeugen”" in d.text  # type: ignore[union-attr]


def test_bad_sidecar_rejects_the_report(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Fighting raged.\n")
    (tmp_path / "r.meta.json").write_text("{oops")
    [r] = read(tmp_path / "r.txt")
    assert isinstance(r, Reject) and r.reason == "bad_metadata"


def test_promo_rules_are_general() -> None:
    kept, removed = clean_text(
        "Headline\nJUST IN: Should the tax be scrapped? VOTE\nREAD MORE: Another story\nFighting raged.\n"
        "Sign up to our newsletter\nFacebook | Twitter | WhatsApp\nWatchers said the town was calm.\n"
        "Share this article\nClick here to subscribe\n")
    assert kept == "Headline\nFighting raged.\nWatchers said the town was calm."
    assert len(removed) == 6


# --- URLs, over a real HTTP server on loopback ------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/redirect/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{n + 1}" if n < 10 else "/page")
            self.end_headers()
            return
        if self.path == "/big":
            body = b"a " * 300_000
            ctype = "text/plain"
        else:
            body = (b"<html><head><title>Report</title></head><body><article><p>Militants attacked a checkpoint "
                    b"in the district on Friday, killing 3 police officers, officials said.</p></article></body>"
                    b"</html>")
            ctype = "text/html; charset=utf-8"
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
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_on_loopback_refused_unless_allowed(server: str) -> None:
    [r] = read(f"{server}/page")
    assert isinstance(r, Reject) and r.reason == "private_address" and "--allow-private" in r.detail
    d = only_doc(read(f"{server}/page", allow_private=True))
    assert d.format == "html" and "killing 3 police officers" in d.text


def test_url_redirects_limited_and_size_capped(server: str) -> None:
    [r] = read(f"{server}/redirect/0", allow_private=True)
    assert isinstance(r, Reject) and r.reason == "too_many_redirects"
    d = only_doc(read(f"{server}/redirect/7", allow_private=True))
    assert "checkpoint" in d.text
    [big] = read(f"{server}/big", allow_private=True)
    assert isinstance(big, Reject) and big.reason == "too_large"
    [bad] = read("ftp://example.org/x")
    assert isinstance(bad, Reject) and bad.reason == "bad_url"


# --- the CLI, as real subprocesses ----------------------------------------------------------------------

def fw(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env={**os.environ, "COLUMNS": "250"}, **kw)  # type: ignore[call-overload]


def test_cli_exit_codes_and_idempotent_reingest(tmp_path: Path, root: Path) -> None:
    db = str(tmp_path / "f.db")
    ok = fw("ingest", str(root / "examples"), "--db", db)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.count("stored ") == 13  # 9 English reports, 4 Persian ones in examples/persian/
    again = fw("ingest", str(root / "examples"), "--db", db)
    assert again.returncode == 0 and again.stdout.count("already stored") == 13
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    partial = fw("ingest", str(root / "examples"), str(tmp_path / "bad.txt"), "--db", db)
    assert partial.returncode == 1
    assert "rejected" in partial.stdout and "binary" in partial.stdout
    usage = fw("ingest", str(root / "examples"), "--published", "21/08/2021", "--db", db)
    assert usage.returncode == 2 and "YYYY-MM-DD" in usage.stderr
    listed = fw("docs", "--db", db)
    assert listed.returncode == 0 and "Kabul Daily" in listed.stdout
    rejects = fw("rejects", "--db", db)
    assert "binary" in rejects.stdout


def test_kill_midway_then_rerun_finishes_without_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"r{i:03d}.txt").write_text(f"Report {i}\n\nClashes were reported in district {i} on Friday.\n")
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    reported: list[str] = []
    assert proc.stdout is not None
    deadline = time.time() + 120
    while len(reported) < 40 and time.time() < deadline:
        line = proc.stdout.readline()
        if line.startswith("stored "):
            reported.append(line.split()[-1])
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 40 <= len(reported) < 300, "killed midway"
    from frontwatch.store import Store

    store = Store(f"sqlite:///{db}")
    stored = {d.origin for d in store.documents()}
    store.close()
    assert set(reported) <= stored  # nothing reported stored was lost
    rerun = fw("ingest", str(corpus), "--db", str(db), "--quiet")
    assert rerun.returncode == 0
    store = Store(f"sqlite:///{db}")
    origins = [d.origin for d in store.documents()]
    store.close()
    assert len(origins) == len(set(origins)) == 300
