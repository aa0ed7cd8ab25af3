"""Ingest under hostile input (issue 13): the address policy of URL fetches and its redirects, one deadline for a whole
fetch, invalid UTF-8, navigation-only pages, bad size and timeout settings, and the cost of pathological texts.

Network traffic goes to 127.0.0.0/8 only: address policies are tested as pure functions over addresses given as data.
"""

from __future__ import annotations

import http.server
import ipaddress
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.errors import InputRejected
from frontwatch.ingest import iter_inputs
from frontwatch.model import Document, Reject

PROSE = ("Gunmen attacked a police checkpoint in the district on Friday, killing at least 3 officers, officials said. "
         "Residents said the fighting lasted for several hours before the attackers withdrew.")
PAGE = (f"<html><head><title>Checkpoint attacked</title></head><body><article><p>{PROSE}</p></article></body>"
        "</html>").encode()


def read(*paths: Path | str, settings: Settings | None = None, **kw: object) -> list[Document | Reject]:
    return list(iter_inputs([str(p) for p in paths], settings or Settings(max_bytes=200_000, url_timeout=5.0),
                            **kw))  # type: ignore[arg-type]


# --- item 3: the address policy, as a pure function over addresses given as data -------------------------------

REFUSED = [
    "100.100.100.200",  # carrier-grade NAT 100.64/10, where cloud metadata services answer
    "100.64.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1", "127.0.0.2", "0.0.0.0",
    "255.255.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1", "198.18.0.1", "192.0.2.1",
    "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff0e::1", "2001:db8::1",
    "::ffff:10.0.0.1", "::ffff:100.100.100.200", "::ffff:127.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
]
ALLOWED = ["1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "::ffff:1.1.1.1", "2002:101:101::1", "64:ff9b::101:101"]


@pytest.mark.parametrize("address", REFUSED)
def test_address_policy_refuses_what_is_not_globally_routable(address: str) -> None:
    from frontwatch.ingest.urls import address_allowed

    assert not address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ALLOWED)
def test_address_policy_allows_public_addresses(address: str) -> None:
    from frontwatch.ingest.urls import address_allowed

    assert address_allowed(ipaddress.ip_address(address))


def test_one_refused_address_of_a_name_refuses_the_name() -> None:
    from frontwatch.ingest.urls import address_allowed, checked_addresses

    both = checked_addresses("news.example", ["1.1.1.1", "2606:4700:4700::1111", "1.1.1.1"], address_allowed)
    assert both == [ipaddress.ip_address("1.1.1.1"), ipaddress.ip_address("2606:4700:4700::1111")]
    for mixed in (["1.1.1.1", "100.100.100.200"], ["10.0.0.5", "1.1.1.1"], ["1.1.1.1", "::ffff:192.168.0.1"]):
        with pytest.raises(InputRejected) as exc:
            checked_addresses("news.example", mixed, address_allowed)
        assert exc.value.reason == "private_address" and "--allow-private" in str(exc.value)


# --- servers on loopback: redirects across addresses, and servers that drip --------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/to/"):  # /to/<address>: a redirect to the same port on another loopback address
            address = self.path.split("/")[2]
            self.send_response(302)
            self.send_header("Location", f"http://{address}:{self.server.server_address[1]}/page")
            self.end_headers()
            return
        try:
            if self.path == "/drip":  # headers at once, then the body a byte a second
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "30")
                self.end_headers()
                for _ in range(30):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
                return
            if self.path == "/drip-headers":  # even the status line trickles in
                for ch in b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nx":
                    self.wfile.write(bytes([ch]))
                    self.wfile.flush()
                    time.sleep(0.5)
                return
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up, as it should
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def servers() -> Iterator[int]:
    """The same handler on 127.0.0.1 and 127.0.0.2 (both loopback), on one port."""
    first = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = first.server_address[1]
    second = http.server.ThreadingHTTPServer(("127.0.0.2", port), _Handler)
    running = [first, second]
    for httpd in running:
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield port
    for httpd in running:
        httpd.shutdown()


def only_first_loopback(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip == ipaddress.ip_address("127.0.0.1")


def test_a_redirect_from_an_allowed_hop_to_a_refused_address_is_refused(servers: int) -> None:
    from frontwatch.ingest.urls import fetch

    # Both hops allowed: the redirect is followed to the second address (the refusal below is the policy's doing).
    body, _, final = fetch(f"http://127.0.0.1:{servers}/to/127.0.0.2", 100_000, 5.0, allow_private=True)
    assert body == PAGE and final == f"http://127.0.0.2:{servers}/page"
    # The first hop allowed, the second not: refused at the second hop.
    body, _, _ = fetch(f"http://127.0.0.1:{servers}/page", 100_000, 5.0, policy=only_first_loopback)
    assert body == PAGE
    with pytest.raises(InputRejected) as exc:
        fetch(f"http://127.0.0.1:{servers}/to/127.0.0.2", 100_000, 5.0, policy=only_first_loopback)
    assert exc.value.reason == "private_address" and "127.0.0.2" in str(exc.value)
    # The default policy refuses loopback at the first hop, through the ingest entry point too.
    [r] = read(f"http://127.0.0.1:{servers}/page")
    assert isinstance(r, Reject) and r.reason == "private_address" and "--allow-private" in r.detail
    [d] = read(f"http://127.0.0.1:{servers}/page", allow_private=True)
    assert isinstance(d, Document) and "killing at least 3 officers" in d.text


# --- item 9: one deadline for the whole fetch ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_that_drips_is_cut_off_at_the_deadline(servers: int, path: str) -> None:
    t0 = time.monotonic()
    [r] = read(f"http://127.0.0.1:{servers}{path}", settings=Settings(max_bytes=200_000, url_timeout=1.5),
               allow_private=True)
    elapsed = time.monotonic() - t0
    assert isinstance(r, Reject) and r.reason == "timeout", r
    assert "1.5 s" in r.detail and "FRONTWATCH_URL_TIMEOUT" in r.detail
    assert 1.4 < elapsed < 2.5, elapsed
