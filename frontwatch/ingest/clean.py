"""Remove promotional and navigation lines that are not part of a report, by the shape of the line.

Rules are general (prefixes and patterns of promo furniture), never phrases of a particular article; what is removed
is returned so it can be kept on the document for inspection.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:just in|read more|read also|also read|more on this|see also|related(?: articles?| stories)?|"
    r"recommended|most read|trending|watch|listen|pictured|sign up|subscribe|follow us|like us|join us on|"
    r"share (?:this|on|via)|click here|tap here|download (?:our|the) app|advertisement|sponsored|cookie|"
    r"we use cookies|don'?t miss|newsletter|comments?(?:\s*\(\d+\))?|get (?:the latest|our)|"
    r"skip to (?:content|main)|back to top|all rights reserved|copyright|©)\b[\s:!\-–—|]*",
    re.IGNORECASE,
)
# A poll or vote prompt anywhere in a short line ("… POLL – Should X be scrapped? VOTE").
_POLL = re.compile(r"\b(?:poll|vote now|vote)\b.*\?|\bpoll\b.*\bvote\b", re.IGNORECASE)
_SHARE_BAR = re.compile(
    r"^(?:\s*(?:facebook|twitter|x|whatsapp|email|e-mail|telegram|linkedin|reddit|print|copy link|share|messenger)"
    r"\s*[|•·,/]?\s*){2,}$",
    re.IGNORECASE,
)
_NAV = re.compile(r"^(?:[\w&' ]{2,20}\s*[|»›>/]\s*){2,}[\w&' ]{2,20}$")  # "Home | World | Asia"
MAX_PROMO_LINE = 220  # promo furniture is short; a long paragraph that starts "Watch" is prose


def is_promo(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > MAX_PROMO_LINE:
        return False
    if _SHARE_BAR.match(s) or _NAV.match(s):
        return True
    if _POLL.search(s) and (s.isupper() or re.search(r"\bVOTE\b", s) or (s.count("?") == 1 and len(s) < 120)):
        return True
    m = _PREFIX.match(s)
    # "Watch:" / "READ MORE:" are furniture; "Watchers said…" is not (the regex needs a word boundary).
    return bool(m) and (len(s) < 160 or ":" in s[: m.end() + 1])


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        (removed if is_promo(line) else kept).append(line)
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return out, tuple(r.strip() for r in removed)
