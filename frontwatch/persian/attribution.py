"""Persian attribution: who says so (the source chain) and how firmly, per sentence, by surface cues over normalized
text: "به گفته / به نقل از X", "X گفت (که)", an account named after someone, quotations that run on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.model import (
    Certainty,
    Document,
    Source,
    SourceKind,
    Span,
)
from frontwatch.persian.lexicon import Lexicon

_ACCOUNT = re.compile(r"(?<!\w)(?:حساب|صفحه|کانال|اکانت)\w*\s+(?:\S+\s+){0,3}?(?:به\s+نام|به\s+اسم|با\s+نام|منسوب\s+به)"
                      r"\s+(?:«(?P<q>[^»\n]{1,60})»|(?P<w>\w+(?:\s+\w+)?))")


_SOCIAL_SPEAKER = re.compile(r"(?<!\w)(?:پست|توییت|تویت|حساب|صفحه)")
_SPEAKER_CUT = re.compile(r"\s+(?:در|روز|امروز|دیروز|با|طی|پس|هنگام|ضمن|روز\s+\w+)(?:\s|$)")


_LEADING = re.compile(r"^(?:اما|ولی|همچنین|در\s+همین\s+حال|از\s+سوی\s+دیگر|در\s+عین\s+حال|همزمان|"
                      r"با\s+این\s+حال)\s*[،,]?\s*")


@dataclass
class _Sentence:
    start: int  # normalized offsets
    end: int
    sources: tuple[Source, ...] = ()
    certainty: Certainty = Certainty.ASSERTED
    frame: tuple[int, int] | None = None  # the "X said (that)" part: its hedges and denials govern the sentence
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)
    quote_of: int | None = None  # index of the sentence that introduced the quotation it is in


class PersianAttribution:
    """Sources and base certainty of each sentence (`attribute`), and the kind of a source (`source_kind`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    # --- attribution ---------------------------------------------------------------------------------------

    def _source_kind(self, who: str) -> SourceKind:
        for kind, rx in self.lexicon.source_kinds:
            if rx.search(who):
                return SourceKind(kind)
        return SourceKind.OFFICIAL  # a named person or body speaking for one

    def attribute(self, document: Document, nt: str, sents: list[_Sentence]) -> None:
        lex = self.lexicon
        publisher = document.publisher or "unknown publisher"
        root = Source(publisher, SourceKind.OUTLET, (publisher,))
        account: str | None = None
        quote_end = -1
        quote_speaker: Source | None = None
        for i, s in enumerate(sents):
            text = nt[s.start : s.end]
            acc = _ACCOUNT.search(text)
            if acc:
                account = (acc.group("q") or acc.group("w")).strip()
            if s.start > quote_end:
                quote_speaker = None
            speakers: list[tuple[str, int, int]] = []  # name, normalized start, end
            hedged = False
            for m in lex.according.finditer(text):
                rest = text[m.end() :]
                who_m = re.match(r"\s*([^،,:«»]{2,60}?)(?=\s*[،,:]|$)", rest)
                if who_m:
                    who = " ".join(who_m.group(1).split()[:5])
                    a = s.start + m.end() + who_m.start(1)
                    speakers.append((who, a, a + len(who)))
            verb = lex.speech.search(text)
            if verb and not speakers:
                before = text[: verb.start()].rstrip()
                after = text[verb.end() :].strip()
                content_follows = bool(re.match(r"^(?:که|:|«)", after)) or len(after) > 10
                if content_follows or "،" not in before:
                    seg_start = 0
                    seg = before
                    if "،" in before and not content_follows:
                        seg_start = before.rfind("،") + 1
                        seg = before[seg_start:]
                    elif "،" in before:
                        # "X، سخنگوی Y، گفت که": the part naming a source kind, else the first part
                        parts = [p for p in re.split(r"[،,]", before) if p.strip()]
                        seg = next((p for p in parts if self._source_kind(p) != SourceKind.OFFICIAL), parts[0])
                        seg_start = before.find(seg)
                    lead = _LEADING.match(seg.lstrip())
                    off = len(seg) - len(seg.lstrip()) + (lead.end() if lead else 0)
                    seg = seg[off:]
                    cut = _SPEAKER_CUT.search(seg)
                    if cut and cut.start() > 0:
                        seg = seg[: cut.start()]
                    seg = seg.strip(" «»\"")
                    if seg and len(seg.split()) <= 8:
                        a = s.start + seg_start + off
                        speakers.append((seg, a, a + len(seg)))
                        s.frame = (s.start, s.start + verb.end())
                        if not content_follows:
                            s.frame = (a, s.start + verb.end())
                hedged = bool(lex.hedge_speech.search(text[verb.start() : verb.end()]))
            sources: list[Source] = []
            chain_prefix = quote_speaker.chain if quote_speaker else (publisher,)
            for who, a, b in speakers:
                kind = self._source_kind(who)
                name = who
                if kind == SourceKind.SOCIAL_MEDIA and account and _SOCIAL_SPEAKER.search(who):
                    name = account
                if name == publisher:
                    continue
                src = Source(name, kind, (*chain_prefix, name), Span(a, b, nt[a:b]))
                sources.append(src)
                s.speaker_spans.append((a, b))
            if not sources and quote_speaker is not None:
                sources.append(quote_speaker)
                s.quote_of = -1
            if sources:
                s.certainty = Certainty.HEDGED if hedged else Certainty.REPORTED
            s.sources = (root, *sources)
            # A sentence ending with ":" (or opening «) that has a speaker opens a quotation: until its «»» closes,
            # what follows is that speaker's.
            tail = nt[s.end : min(len(nt), s.end + 3)]
            opens = "«" in text or tail.lstrip(" :").startswith("«") or text.endswith(":")
            if sources and sources[-1] is not quote_speaker and opens:
                q0 = nt.find("«", s.start)
                if q0 != -1:
                    close = nt.find("»", q0)
                    para = nt.find("\n\n", q0)
                    ends = [x for x in (close, para) if x != -1]
                    quote_end = min(ends) if ends else len(nt)
                    quote_speaker = sources[-1]
                    s.quote_of = i
