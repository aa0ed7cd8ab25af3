"""URL ingest and proxies (issue 13, item 3's policy through a proxy): the usual proxy variables are ignored, only
FRONTWATCH_PROXY sends fetches through a proxy, and the address policy still judges every hop's target name first.

The proxy here is a small forwarding server on 127.0.0.1; every target is on 127.0.0.0/8."""

from __future__ import annotations

import http.client
import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from frontwatch.config import Settings
from frontwatch.errors import ConfigError, InputRejected
from frontwatch.ingest.urls import Proxy, allow_any, fetch, parse_proxy, proxy_from_env
from frontwatch.model import Document
from tests.test_ingest_reliability import PAGE, only_first_loopback, read, servers  # noqa: F401  (fixture)

ALL_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                       "ALL_PROXY", "NO_PROXY")


def test_the_usual_proxy_variables_are_ignored_and_frontwatch_proxy_is_read() -> None:
    usual = {name: "http://127.0.0.1:3128" for name in ALL_PROXY_VARIABLES}
    assert proxy_from_env(usual) is None
    assert proxy_from_env({**usual, "FRONTWATCH_PROXY": "http://127.0.0.1:3128"}) == Proxy("127.0.0.1", 3128)
    assert proxy_from_env({"FRONTWATCH_PROXY": "http://proxy.internal/"}) == Proxy("proxy.internal", 8080)
    assert proxy_from_env({"FRONTWATCH_PROXY": "  "}) is None


@pytest.mark.parametrize("value", ["https://127.0.0.1:3128", "socks5://127.0.0.1:1080", "127.0.0.1:3128",
                                   "http://user:secret@127.0.0.1:3128", "http://127.0.0.1:3128/path",
                                   "http://127.0.0.1:99999", "http://"])
def test_a_proxy_setting_that_is_not_http_host_port_is_a_clear_error(value: str) -> None:
    with pytest.raises(ValueError):
        parse_proxy(value)
    with pytest.raises(ConfigError) as exc:
        Settings.from_env({"FRONTWATCH_PROXY": value})
    assert "FRONTWATCH_PROXY" in str(exc.value) and "http://HOST:PORT" in (exc.value.hint or "")
    assert "secret" not in str(exc.value)


class _Proxy(http.server.BaseHTTPRequestHandler):
    """Forwards an absolute-form GET to its (loopback) target; refuses CONNECT. Records each request line."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.requestline)
        target = urlsplit(self.path)
        assert target.hostname is not None and target.hostname.startswith("127.")  # loopback only, ever
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=5)
        conn.request("GET", target.path or "/")
        resp = conn.getresponse()
        body = resp.read()
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.getheader("Content-Type", "text/plain"))
        if resp.getheader("Location"):
            self.send_header("Location", resp.getheader("Location", ""))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        conn.close()

    def do_CONNECT(self) -> None:
        type(self).seen.append(self.requestline)
        self.send_response(403, "Forbidden by policy")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[tuple[Proxy, list[str]]]:
    _Proxy.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield Proxy("127.0.0.1", httpd.server_address[1]), _Proxy.seen
    httpd.shutdown()


def test_a_fetch_goes_through_the_proxy_only_after_the_target_passes_the_policy(
        servers: int, proxy: tuple[Proxy, list[str]]) -> None:  # noqa: F811
    via, seen = proxy
    body, _, final = fetch(f"http://127.0.0.2:{servers}/page", 100_000, 5.0, policy=allow_any, proxy=via)
    assert body == PAGE and final == f"http://127.0.0.2:{servers}/page"
    assert seen == [f"GET http://127.0.0.2:{servers}/page HTTP/1.1"]
    # The target's addresses refused: refused here, the proxy never asked.
    with pytest.raises(InputRejected) as exc:
        fetch(f"http://127.0.0.2:{servers}/page", 100_000, 5.0, policy=only_first_loopback, proxy=via)
    assert exc.value.reason == "private_address" and len(seen) == 1
    # A redirect through the proxy to a refused address: refused at that hop.
    with pytest.raises(InputRejected) as exc:
        fetch(f"http://127.0.0.1:{servers}/to/127.0.0.2", 100_000, 5.0, policy=only_first_loopback, proxy=via)
    assert exc.value.reason == "private_address" and seen[-1] == f"GET http://127.0.0.1:{servers}/to/127.0.0.2 HTTP/1.1"


def test_an_https_target_goes_through_connect_and_a_refusal_says_so(proxy: tuple[Proxy, list[str]]) -> None:
    via, seen = proxy
    with pytest.raises(InputRejected) as exc:
        fetch("https://127.0.0.2:8443/page", 100_000, 5.0, policy=allow_any, proxy=via)
    assert exc.value.reason == "unreachable" and "403" in str(exc.value)
    assert "FRONTWATCH_PROXY" in (exc.value.hint or "")
    assert seen == ["CONNECT 127.0.0.2:8443 HTTP/1.1"]


def test_ingest_ignores_http_proxy_in_the_environment_and_uses_frontwatch_proxy(
        servers: int, proxy: tuple[Proxy, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    via, seen = proxy
    for name in ALL_PROXY_VARIABLES:
        monkeypatch.setenv(name, f"http://{via.host}:{via.port}")
    monkeypatch.delenv("FRONTWATCH_PROXY", raising=False)
    [d] = read(f"http://127.0.0.1:{servers}/page", allow_private=True)
    assert isinstance(d, Document) and seen == []  # straight to the target
    monkeypatch.setenv("FRONTWATCH_PROXY", f"http://{via.host}:{via.port}")
    [d] = read(f"http://127.0.0.1:{servers}/page", settings=Settings.from_env(), allow_private=True)
    assert isinstance(d, Document) and seen == [f"GET http://127.0.0.1:{servers}/page HTTP/1.1"]
