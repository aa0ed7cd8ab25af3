"""Fetching reports over http(s): timeout, size cap, few redirects, private networks refused unless allowed."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from frontwatch.errors import InputRejected

MAX_REDIRECTS = 5
USER_AGENT = "frontwatch/0.1 (+https://github.com/frontwatch)"


def _check_host(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputRejected("bad_url", f"only http and https URLs are fetched, not {parts.scheme or 'none'}:")
    host = parts.hostname
    if not host:
        raise InputRejected("bad_url", "the URL has no host")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise InputRejected("unreachable", f"cannot resolve {host}: {exc.strerror}") from exc
    if allow_private:
        return
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise InputRejected("private_address", f"{host} resolves to {ip}, a private or loopback address",
                                hint="pass --allow-private to fetch from your own network")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:  # we follow redirects ourselves
        return None


def fetch(url: str, max_bytes: int, timeout: float, allow_private: bool = False) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL)."""
    opener = urllib.request.build_opener(_NoRedirect)
    for _ in range(MAX_REDIRECTS + 1):
        _check_host(url, allow_private)  # every hop: a public URL must not redirect into a private network
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            resp = opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urljoin(url, exc.headers["Location"])
                continue
            raise InputRejected("http_error", f"HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise InputRejected("unreachable", f"cannot fetch: {getattr(exc, 'reason', exc)}") from exc
        with resp:
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputRejected("too_large", f"more than {max_bytes} bytes",
                                    hint="raise the cap with --max-bytes")
            return body, resp.headers.get("Content-Type", ""), url
    raise InputRejected("too_many_redirects", f"more than {MAX_REDIRECTS} redirects")
