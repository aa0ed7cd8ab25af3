"""Fetching reports over http(s): one deadline for the whole fetch, a size cap, few redirects, and only globally
routable addresses unless private networks are allowed.

Every hop is resolved once, every address it resolves to is judged by the address policy, and the connection is made
to one of those checked addresses (never by name again): a name that resolves to a public address for the check and
to a private one for the connection (DNS rebinding) cannot slip through. TLS still verifies the certificate against
the host name.

Proxies: the usual `http_proxy` / `https_proxy` / `all_proxy` / `no_proxy` variables are ignored (a proxy would
connect to whatever the name resolves to on its side, past the per-address check). Only an explicit
`FRONTWATCH_PROXY=http://HOST:PORT` sends fetches through a proxy: each hop's target name is still resolved here and
every address judged by the policy before the proxy is asked, but the proxy resolves the name again itself, so the
policy then holds for the target name only, not for the address the proxy connects to (docs/deployment.md).
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import quote, urljoin, urlsplit

from frontwatch.config import PROXY_HINT, Proxy, parse_proxy
from frontwatch.errors import InputRejected

MAX_REDIRECTS = 5
USER_AGENT = "frontwatch/0.1 (+https://github.com/frontwatch)"
REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]  # True: this address may be fetched from
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known NAT64 prefix: the last 32 bits are an IPv4 address


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, 6to4, NAT64), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_allowed(ip: IPAddress) -> bool:
    """The default policy: only globally routable unicast addresses. Anything `ipaddress` does not call global is
    refused (private, loopback, link-local, carrier-grade NAT 100.64/10 with its cloud-metadata addresses, reserved,
    documentation, 0.0.0.0 ...), and so are multicast and deprecated site-local addresses, which `is_global` lets
    pass. An IPv6 address that embeds an IPv4 one is judged by that IPv4 address too."""
    v4 = _embedded_ipv4(ip)
    if v4 is not None:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = v4  # ::ffff:a.b.c.d is a.b.c.d, whatever `ipaddress` thinks of the mapped range
        elif not address_allowed(v4):
            return False
    if not ip.is_global or ip.is_multicast:
        return False
    return not (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)


def proxy_from_env(env: Mapping[str, str]) -> Proxy | None:
    """The proxy URL ingest goes through: FRONTWATCH_PROXY only. `http_proxy`, `https_proxy`, `all_proxy` and
    `no_proxy` (any case) are deliberately not read: see the module's docstring."""
    value = env.get("FRONTWATCH_PROXY", "").strip()
    return parse_proxy(value) if value else None


def allow_any(ip: IPAddress) -> bool:
    """The policy of --allow-private: the user vouches for every address."""
    return True


def checked_addresses(host: str, addresses: Sequence[str], policy: AddressPolicy) -> list[IPAddress]:
    """All the addresses a host resolved to, in order, if the policy allows every one of them; one refused address
    refuses the host (which of them a connection would reach is not ours to choose)."""
    out: list[IPAddress] = []
    for a in addresses:
        ip = ipaddress.ip_address(a.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is no part of the address
        if not policy(ip):
            raise InputRejected("private_address",
                                f"{host} resolves to {ip}, which is not a public (globally routable) address",
                                hint="pass --allow-private to fetch from your own network")
        if ip not in out:
            out.append(ip)
    if not out:
        raise InputRejected("unreachable", f"cannot resolve {host}: no addresses")
    return out


class _Expired(TimeoutError):
    pass


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Expired()
    return min(left, 86_400.0)  # a socket timeout must fit a C timeval, whatever FRONTWATCH_URL_TIMEOUT says


def _resolve(host: str, port: int, deadline: float) -> list[str]:
    """getaddrinfo, bounded by the deadline (it has no timeout of its own: a stuck resolver would hold the fetch)."""
    try:
        return [str(ipaddress.ip_address(host))]  # a literal address needs no resolver
    except ValueError:
        pass
    result: list[object] = []

    def work() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    worker = threading.Thread(target=work, daemon=True, name="frontwatch-resolve")
    worker.start()
    worker.join(_left(deadline))
    if not result:
        raise _Expired()
    if isinstance(result[0], OSError):
        exc = result[0]
        raise InputRejected("unreachable", f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}",
                            hint="check the host name") from exc
    return [str(info[4][0]) for info in result[0]]  # type: ignore[attr-defined]


class _DeadlineReader(io.RawIOBase):
    """The socket's receiving side, each receive bounded by what is left of the fetch's deadline: a server that
    drips a byte a second cannot hold the fetch past it."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self.sock, self.deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.sock.settimeout(_left(self.deadline))
        return self.sock.recv_into(buffer)


class _DeadlineSocket:
    """What http.client needs of a socket (sendall, makefile, close), bounded by the deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self.sock, self.deadline = sock, deadline

    def sendall(self, data: bytes) -> None:
        self.sock.settimeout(_left(self.deadline))
        self.sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self.sock, self.deadline))

    def close(self) -> None:
        # http.client closes its socket as soon as the response headers say the connection will close, before
        # the body is read (a real socket stays open while its file is); `fetch` closes the socket itself.
        pass


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP connection over a socket already connected to a checked address."""

    def __init__(self, host: str, port: int, sock: _DeadlineSocket) -> None:
        super().__init__(host, port)
        self._pinned = sock

    def connect(self) -> None:
        self.sock = self._pinned


def _connect(scheme: str, host: str, port: int, addresses: list[IPAddress], deadline: float) -> socket.socket:
    last: OSError | None = None
    for ip in addresses:
        try:
            sock = socket.create_connection((str(ip), port), timeout=_left(deadline))
        except _Expired:
            raise
        except OSError as exc:
            last = exc
            continue
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if scheme == "https":
                sock.settimeout(_left(deadline))  # the TLS handshake too
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        except BaseException:
            sock.close()
            raise
        return sock
    if isinstance(last, TimeoutError):
        raise last
    raise InputRejected("unreachable", f"cannot connect to {host}: {getattr(last, 'strerror', None) or last}",
                        hint="check the URL, or that the server is up")


def _netloc(host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host else host
    return name if port == 80 else f"{name}:{port}"


def _target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an http(s) URL, or a bad_url reject."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputRejected("bad_url", f"not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise InputRejected("bad_url", f"only http and https URLs are fetched, not {parts.scheme or 'none'}:")
    host = parts.hostname
    if not host:
        raise InputRejected("bad_url", "the URL has no host")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # What http.client would refuse (spaces, non-ASCII) is percent-encoded; existing escapes are kept.
    path = quote(path, safe="/?&=%:@!$'()*+,;~-._")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), path


def _through_proxy(proxy: Proxy, scheme: str, host: str, port: int, deadline: float) -> socket.socket:
    """A socket to the target through the proxy: for https a CONNECT tunnel, then TLS to the target's name."""
    addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in _resolve(proxy.host, proxy.port, deadline)]
    # The proxy is the operator's choice (often on a private network): its own address is not judged.
    sock = _connect("http", proxy.host, proxy.port, list(dict.fromkeys(addresses)), deadline)
    if scheme == "http":
        return sock
    try:
        target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        sock.settimeout(_left(deadline))
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\nUser-Agent: {USER_AGENT}\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            sock.settimeout(_left(deadline))
            chunk = sock.recv(4096)
            if not chunk or len(head) > 16_384:
                raise InputRejected("unreachable", "the proxy closed the connection during CONNECT",
                                    hint=PROXY_HINT)
            head += chunk
        line = head.split(b"\r\n", 1)[0]
        status = line.split()
        if len(status) < 2 or status[1] != b"200":
            raise InputRejected("unreachable", f"the proxy refused CONNECT {target}: "
                                f"{line.decode('latin-1')[:120]}", hint=PROXY_HINT)
        sock.settimeout(_left(deadline))
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise


def fetch(
    url: str, max_bytes: int, timeout: float, allow_private: bool = False, policy: AddressPolicy | None = None,
    proxy: Proxy | None = None,
) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL). `timeout` bounds the whole fetch, redirects included. `policy`
    judges each address (default: `address_allowed`, or any address with `allow_private`). `proxy`: go through
    this HTTP proxy (each hop's target name is still resolved and judged here first)."""
    judge = policy or (allow_any if allow_private else address_allowed)
    deadline = time.monotonic() + timeout
    try:
        for _ in range(MAX_REDIRECTS + 1):
            scheme, host, port, path = _target(url)
            # every hop: a public URL must not redirect into a private network
            addresses = checked_addresses(host, _resolve(host, port, deadline), judge)
            if proxy is None:
                raw = _connect(scheme, host, port, addresses, deadline)
            else:
                raw = _through_proxy(proxy, scheme, host, port, deadline)
            conn = _PinnedConnection(host, port, _DeadlineSocket(raw, deadline))
            # Plain http through a proxy: the request names the whole URL (absolute form), the proxy connects.
            target = path if proxy is None or scheme == "https" else f"http://{_netloc(host, port)}{path}"
            try:
                conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
                resp = conn.getresponse()
                location = resp.getheader("Location")
                if resp.status in REDIRECTS and location:
                    url = urljoin(url, location)
                    continue
                if resp.status >= 400:
                    raise InputRejected("http_error", f"HTTP {resp.status} {resp.reason}")
                body = resp.read(max_bytes + 1)
                if len(body) > max_bytes:
                    raise InputRejected("too_large", f"more than {max_bytes} bytes",
                                        hint="raise the cap with --max-bytes")
                return body, resp.getheader("Content-Type", "") or "", url
            finally:
                conn.close()
                raw.close()
    except TimeoutError as exc:  # our deadline, or a receive that waited out what was left of it
        raise InputRejected("timeout", f"the fetch took longer than {timeout:g} s",
                            hint="raise FRONTWATCH_URL_TIMEOUT, or save the page and ingest the file") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise InputRejected("unreachable", f"cannot fetch: {type(exc).__name__}: {exc}",
                            hint="check the URL, or that the server is up") from exc
    raise InputRejected("too_many_redirects", f"more than {MAX_REDIRECTS} redirects")
