"""Bytes to text: binary and encoding detection, with reasons a user can act on."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # bytes of invalid UTF-8 replaced by U+FFFD

    @property
    def warning(self) -> str | None:
        """What the user should know about the decoding, kept on the document."""
        if not self.replaced:
            return None
        return (f"{self.replaced} invalid UTF-8 byte{'s' if self.replaced > 1 else ''} replaced by U+FFFD (\ufffd); "
                "the rest is UTF-8")


_SURROGATE = re.compile("[\udc80-\udcff]")  # surrogateescape's stand-ins: one per invalid byte
_NON_ASCII = re.compile("[^\x00-\x7f]")


def mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes, read as UTF-8 with those bytes replaced; None when UTF-8 clearly fails.

    Legacy single-byte text (cp1252, Mac Roman, ...) has each non-ASCII character as one high byte on its own, which
    is invalid UTF-8, and almost never forms a valid multi-byte sequence by chance. So text with valid multi-byte
    sequences at least as many as its invalid bytes is damaged UTF-8, and so is UTF-8 cut off inside its last
    character; reading it as a legacy encoding would garble every correct character (`Kabul’s` → `Kabulâ€™s`)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(data, final=False)
    except UnicodeDecodeError:
        escaped = data.decode("utf-8", "surrogateescape")
        bad = len(_SURROGATE.findall(escaped))
        valid = len(_NON_ASCII.findall(escaped)) - bad
        if valid == 0 or bad > valid:
            return None
        text = data.decode("utf-8", "replace")
        return Decoded(text, "utf-8", bad)
    # valid but for an incomplete sequence at the very end: a file or download cut off mid-character
    return Decoded(data.decode("utf-8", "replace"), "utf-8", len(decoder.getstate()[0]))


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes to text. A declared charset is trusted only if the bytes decode under it and they are not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            damaged = mostly_utf8(data[3:])
            if damaged is not None:
                return Decoded(damaged.text, "utf-8-sig", damaged.replaced)
            raise InputRejected("encoding", f"UTF-8 byte order mark but invalid UTF-8: {exc.reason} at byte "
                                f"{exc.start + 3}", hint="re-save the file as UTF-8") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputRejected("encoding", f"UTF-16 byte order mark but undecodable: {exc.reason}",
                                hint="re-save the file as UTF-8") from exc
    if looks_binary(data):
        raise InputRejected("binary", "binary content, not a text report",
                            hint="give text, HTML, RSS/Atom or JSON lines; convert PDFs or documents to text first")
    # Bytes that are valid UTF-8 are UTF-8 whatever a page declares (a latin-1 label decodes anything, into
    # mojibake), and so are bytes that are mostly valid UTF-8; then the declaration, with latin-1/ascii read as
    # cp1252 as browsers do; then detection.
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(data)
    if damaged is not None:
        return damaged
    declared = _WINDOWS_ALIASES.get((declared or "").lower().replace("_", "-"), declared)
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a mis-declared charset: detect instead
    if len(data) < SHORT:
        # Detection is guesswork on a few hundred bytes; the commonest non-UTF-8 file is a Windows one.
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
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
    return Decoded(text, best.encoding)
