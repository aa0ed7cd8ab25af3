"""Bytes to text: binary and encoding detection, with reasons a user can act on."""

from __future__ import annotations

from frontwatch.errors import InputRejected

_TEXT_CONTROLS = {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(8, len(sample) // 50)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). A declared charset is trusted only if the bytes decode under it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputRejected("encoding", f"UTF-16 byte order mark but undecodable: {exc}") from exc
    if looks_binary(data):
        raise InputRejected("binary", "binary content, not a text report",
                            hint="give text, HTML, RSS/Atom or JSON lines; convert PDFs or documents to text first")
    for enc in filter(None, (declared, "utf-8")):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue  # a mis-declared charset: detect instead
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputRejected("encoding", "could not detect the text encoding",
                            hint="re-save the file as UTF-8")
    text = str(best)
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS))
    if bad > max(3, len(text) // 100):
        raise InputRejected("encoding", f"text decodes badly as {best.encoding}", hint="re-save the file as UTF-8")
    return text, best.encoding
