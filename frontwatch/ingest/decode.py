"""Bytes to text: binary and encoding detection, with reasons a user can act on."""

from __future__ import annotations

from frontwatch.errors import InputRejected

_TEXT_CONTROLS = {9, 10, 12, 13}
SHORT = 1024  # bytes under which statistical charset detection is not trusted
_WINDOWS_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252"}


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
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputRejected("encoding", f"UTF-8 byte order mark but invalid UTF-8: {exc.reason} at byte "
                                f"{exc.start + 3}", hint="re-save the file as UTF-8") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputRejected("encoding", f"UTF-16 byte order mark but undecodable: {exc.reason}",
                                hint="re-save the file as UTF-8") from exc
    if looks_binary(data):
        raise InputRejected("binary", "binary content, not a text report",
                            hint="give text, HTML, RSS/Atom or JSON lines; convert PDFs or documents to text first")
    # Bytes that are valid UTF-8 are UTF-8 whatever a page declares (a latin-1 label decodes anything, into
    # mojibake); then the declaration, with latin-1/ascii read as cp1252 as browsers do; then detection.
    declared = _WINDOWS_ALIASES.get((declared or "").lower().replace("_", "-"), declared)
    for enc in filter(None, ("utf-8", declared)):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue  # a mis-declared charset: detect instead
    if len(data) < SHORT:
        # Detection is guesswork on a few hundred bytes; the commonest non-UTF-8 file is a Windows one.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    # No BOM and no NUL bytes: UTF-16/32 guesses on short texts are noise, not an answer.
    wide = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
    best = from_bytes(data, cp_exclusion=wide).best()
    if best is None or best.encoding is None:
        raise InputRejected("encoding", "could not detect the text encoding",
                            hint="re-save the file as UTF-8")
    text = str(best)
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS))
    if bad > max(3, len(text) // 100):
        raise InputRejected("encoding", f"text decodes badly as {best.encoding}", hint="re-save the file as UTF-8")
    return text, best.encoding
