"""Attribution and certainty: who says so (the source chain, outermost first) and how firmly.

The publisher is the root of every chain. Reported speech ("X said", "according to X", "X shared/posted"), outlets
named as carrying a claim ("… by TV channel X"), and quotes that run over several sentences or paragraphs attach to
their speaker; an account introduced earlier ("an account named after X") is the speaker of a later "post".
Works on lemmas and surface cues, so it needs no dependency parse for sentences the parser skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from frontwatch.model import Certainty, Document, Source, SourceKind, Span

SPEECH = r"(?:said|says|say|told|tells|reported|reports|claimed|claims|suggested|suggests|suggesting|confirmed|" \
         r"confirms|denied|denies|announced|announces|shared|shares|posted|posts|tweeted|tweets|showed|shows|wrote|" \
         r"writes|stated|states|added|adds|insisted|insists|alleged|alleges|warned|warns|according\s+to)"
HEDGE_VERBS = {"suggested", "suggests", "suggesting", "claimed", "claims", "alleged", "alleges"}
SPEECH_RE = re.compile(rf"\b{SPEECH}\b", re.I)
DETERMINERS = {"some", "other", "others", "many", "several", "the", "these", "those", "local", "unconfirmed", "news",
               "media", "earlier", "initial", "conflicting", "social"}
SPEAKER_BEFORE = re.compile(rf"^(?P<who>[^,;:“”\"]{{2,120}}?)\s+(?:have\s+|had\s+|has\s+)?(?P<verb>{SPEECH})\b", re.I)
SPEAKER_AFTER = re.compile(rf",\s*(?P<who>[^,;:“”\"]{{2,100}}?)\s+(?P<verb>{SPEECH})\s*[.”\"]*\s*$", re.I)
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:“”\"]{2,100})", re.I)
BY_OUTLET = re.compile(
    r"\bby\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:TV|television|news|channel|agency|newspaper|broadcaster|outlet|"
    r"daily|radio|network|website)(?:\s+(?:news|channel|agency|network|station))*\s+(?P<name>[A-Z][\w'&.-]*"
    r"(?:\s+[A-Z][\w'&.-]*)*)"
)
ACCOUNT = re.compile(r"\b(?:account|page|channel|handle)\s+(?:named\s+after|called|named|of)\s+(?P<name>[A-Z][\w'-]*"
                     r"(?:\s+[A-Z][\w'-]*)*)")
SOCIAL = re.compile(r"\b(twitter|tweet|post|posts|social\s+media|facebook|telegram|instagram|tiktok|youtube|video|"
                    r"videos|photographs?|images|footage|account)\b", re.I)
OFFICIAL = re.compile(r"\b(officials?|spokes(?:man|woman|person)|ministry|minister|governor|police|army|military|"
                      r"embassy|government|commander|statement|authorities|president|chief|department|office|"
                      r"advisory|ambassador|council|mission)\b", re.I)
LOCAL = re.compile(r"\b(local\s+sources?|residents?|locals|villagers|witnesses|eyewitnesses|elders|tribal\s+elders|"
                   r"local\s+people|a\s+resident|relatives|doctors?|medics?)\b", re.I)
UNNAMED = re.compile(r"\b(reports?|sources?|some|others?|unconfirmed|rumou?rs?|it\s+is|it\s+was|there\s+were)\b", re.I)
MEDIA = re.compile(r"\b(TV|television|news|channel|agency|newspaper|broadcaster|radio|times|post|journal|tribune|"
                   r"reuters|associated\s+press|afp|bbc|cnn|al\s+jazeera)\b", re.I)
PRONOUN = re.compile(r"^(he|she|they|it|we|i|this|that|which|who)$", re.I)

NEGATIONS = {"not", "n't", "never", "no"}
DENIAL_WORDS = re.compile(r"\b(denied|denies|deny|rejected|false|untrue|baseless|dismissed)\b", re.I)
HEDGES = re.compile(r"\b(reportedly|allegedly|apparently|unconfirmed|uncertainty|unclear|may\s+have|might\s+have|"
                    r"could\s+have|appeared\s+to|appears\s+to|seemed\s+to|suggested|suggesting|suggests|claimed|"
                    r"claiming|rumou?red|possibly|perhaps|it\s+is\s+not\s+clear|purportedly)\b", re.I)


@dataclass(frozen=True)
class Attribution:
    sources: tuple[Source, ...]
    certainty: Certainty


def _kind(who: str) -> SourceKind:
    if SOCIAL.search(who):
        return SourceKind.SOCIAL_MEDIA
    if LOCAL.search(who):
        return SourceKind.LOCAL
    if OFFICIAL.search(who):
        return SourceKind.OFFICIAL
    if MEDIA.search(who) or (who[:1].isupper() and not UNNAMED.search(who)):
        return SourceKind.OUTLET if MEDIA.search(who) else SourceKind.OFFICIAL
    return SourceKind.UNNAMED


def _clean(who: str) -> str:
    who = re.sub(r"^(?:but|and|however|additionally|meanwhile|separately|also|while)\s*,?\s+", "", who.strip(),
                 flags=re.I)
    return re.sub(r"\s+", " ", who).strip(" “”\"'")


def _split_officials(who: str) -> list[str]:
    """"NATO and Taliban officials" → ["NATO officials", "Taliban officials"]."""
    m = re.match(r"^(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+and\s+(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+"
                 r"(?P<noun>officials|sources|spokesmen|commanders|authorities|forces)$", who)
    if m:
        return [f"{m['a']} {m['noun']}", f"{m['b']} {m['noun']}"]
    return [who]


def _speakers(text: str) -> tuple[list[tuple[str, int, int]], str | None]:
    """Speaker phrases in a sentence (text, start, end) and the speech verb that introduced them."""
    found: list[tuple[str, int, int]] = []
    verb = None
    for m in ACCORDING.finditer(text):
        found.append((m.group("who"), m.start("who"), m.end("who")))
        verb = "according to"
    m = SPEAKER_AFTER.search(text)
    if m and not found:
        found.append((m.group("who"), m.start("who"), m.end("who")))
        verb = m.group("verb").lower()
    if not found:
        body = text.lstrip("“\"‘' ")
        off = len(text) - len(body)
        lead = re.match(r"^(?:additionally|however|meanwhile|separately|but|and|also|still|yet)\s*,?\s*", body, re.I)
        skip = lead.end() if lead else 0
        for m in SPEECH_RE.finditer(body, skip):
            who = body[skip: m.start()].strip()
            # "Some reports suggested": a determiner and a noun-like verb form ("reports") are the speaker itself.
            if not who or who.lower() in DETERMINERS or re.search(r"[,;:“”\"]", who) or len(who.split()) > 12:
                continue
            if re.match(r"\s+(?:in|at|on|near|across|from|over)\b", body[m.end():]):
                break  # "Clashes reported in X": a passive headline, not a speaker
            found.append((who, off + skip, off + skip + len(who)))
            verb = m.group(0).lower()
            break
    return found, verb


def attribute(document: Document, doc: Any) -> dict[int, Attribution]:
    publisher = document.publisher or "unknown publisher"
    root = Source(publisher, SourceKind.OUTLET, (publisher,))
    out: dict[int, Attribution] = {}
    account: str | None = None  # the last social-media account the report introduced
    quote_speaker: Source | None = None  # inside an open quotation, its speaker
    for sent in doc.sents:
        text = sent.text
        base = sent.start_char
        acc = ACCOUNT.search(text)
        if acc:
            account = re.split(r"\s+[–—-]\s+", acc.group("name"))[0].strip()
        sources: list[Source] = []
        certainty = Certainty.ASSERTED
        speakers, verb = _speakers(text)
        opens_quote = text.lstrip().startswith(("“", '"')) or bool(
            re.search(r"(?:said|says|wrote|posted|tweeted):\s*[“\"]", text))
        for who, s, e in speakers:
            who_c = _clean(who)
            if not who_c or PRONOUN.match(who_c):
                continue
            kind = _kind(who_c)
            name = who_c
            if kind == SourceKind.SOCIAL_MEDIA and account and re.search(r"\b(post|tweet|account)\b", who_c, re.I):
                name = account
            # Inside a quotation that runs on, a speaker the quote names is relayed by the quote's speaker.
            chain_prefix = quote_speaker.chain if quote_speaker else (publisher,)
            for part in _split_officials(name):
                sources.append(Source(part, kind, (*chain_prefix, part), Span(base + s, base + e, text[s:e])))
        for m in BY_OUTLET.finditer(text):
            name = m.group("name").rstrip(".")
            sources.append(Source(name, SourceKind.OUTLET, (publisher, name),
                                  Span(base + m.start("name"), base + m.start("name") + len(name), name)))
        if not sources and quote_speaker is not None:
            sources.append(quote_speaker)  # a quotation that runs on from an earlier sentence keeps its speaker
        if sources:
            certainty = Certainty.HEDGED if verb in HEDGE_VERBS else Certainty.REPORTED
        # Track quotations across sentences: a speaker with an opening quote speaks until it closes.
        opened = text.count("“") + text.count('"') // 2
        closed = text.count("”") + text.count('"') // 2
        if sources and opens_quote and opened > closed:
            quote_speaker = sources[0]
        elif opened < closed or (quote_speaker is not None and not text.lstrip().startswith(("“", '"'))
                                 and opened == closed == 0 and "\n" in document.text[max(0, base - 2):base]):
            quote_speaker = None
        elif quote_speaker is not None and opened > closed and not sources:
            pass
        out[base] = Attribution(tuple([root, *[s for s in sources if s.name != publisher]]), certainty)
    return out


def certainty_for(sent: Any, trigger: Any, base: Certainty) -> Certainty:
    """The claim's own certainty: denial in the trigger's clause wins over hedging, hedging over the base."""
    tokens = list(sent)
    i = trigger.i - sent.start
    # The trigger's clause: back to the nearest clause boundary, forward a few tokens.
    lo = i
    while lo > 0 and tokens[lo - 1].text not in (";", ":", "—", "–") and not (
        tokens[lo - 1].text == "," and lo - 1 < i - 6
    ):
        lo -= 1
    window = tokens[max(lo, i - 8): i + 3]
    has_parse = any(t.dep_ for t in tokens)
    negated = False
    if has_parse:
        negated = any(c.dep_ == "neg" for c in trigger.children) or any(
            c.dep_ == "neg" for a in [trigger.head] if a.pos_ == "AUX" for c in a.children)
    if not negated:
        negated = any(t.lower_ in NEGATIONS for t in window if t.i < trigger.i)
    clause = sent.text[max(0, window[0].idx - sent.start_char) if window else 0:]
    if negated or DENIAL_WORDS.search(sent.text[: trigger.idx - sent.start_char + 40]):
        return Certainty.DENIED
    if HEDGES.search(clause) or HEDGES.search(sent.text[: max(0, trigger.idx - sent.start_char)]):
        return Certainty.HEDGED
    return base
