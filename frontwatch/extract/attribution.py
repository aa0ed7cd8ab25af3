"""Attribution and certainty: who says so (the source chain, outermost first) and how firmly.

The publisher is the root of every chain. Reported speech attaches to its speaker: on a parsed sentence, the subject
(or passive agent) of a speech verb ("X said", "X told", "reports suggested", "a video showed"), the object of
"according to", with the verb in the sentence's main line (not a relative clause: "videos posted on …"); on a
sentence the parser skipped, the same cues by surface patterns. Outlets named as carrying a claim ("… by TV channel
X"), and quotes that run over several sentences or paragraphs attach to their speaker; an account introduced
earlier ("an account named after X") is the speaker of a later "post"; a pronoun speaker ("he said") is the last
named one. Speakers named inside a running quotation are relayed by the quotation's speaker.

Certainty is decided in the trigger's scope: the trigger, the verbs and nouns that govern it up to the root, and
their modifiers — not anywhere in the sentence. Denial (negation of the trigger, "no … were killed", a governing
"deny"/"reject", "… are false") wins over hedging ("suggested", "reportedly", "may have", "unclear whether").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.triggers import match_token
from frontwatch.model import Certainty, Document, Source, SourceKind, Span
from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW
from frontwatch.text.lexicon import Lexicon, load_lexicon

# The word sets (speech verbs, hedges, denials, negations) are the lexicon's (frontwatch/text/triggers.yaml): an
# injected lexicon changes them. The surface patterns below are for sentences the parser skipped.
# Relations along which the trigger's clause runs upward: an ancestor reached through them governs the claim.
_MODIFIERS = frozenset({"aux", "auxpass", "advmod", "acomp", "neg", "attr"})

SPEECH = r"(?:said|says|say|told|tells|reported|reports|claimed|claims|suggested|suggests|suggesting|confirmed|" \
         r"confirms|denied|denies|announced|announces|shared|shares|posted|posts|tweeted|tweets|showed|shows|wrote|" \
         r"writes|stated|states|added|adds|insisted|insists|alleged|alleges|warned|warns|according\s+to)"
# Speech verbs are lower-case mid-sentence: "the United States" is not "the United" stating.
SPEECH_RE = re.compile(rf"\b{SPEECH}\b")
SPEAKER_AFTER = re.compile(rf",\s*(?P<who>[^,;:“”\"]{{2,100}}?)\s+(?P<verb>{SPEECH})\s*[.”\"]*\s*$")
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:“”\"]{2,100})", re.I)
BY_OUTLET = re.compile(
    r"\bby\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:TV|television|news|channel|agency|newspaper|broadcaster|outlet|"
    r"daily|radio|network|website)(?:\s+(?:news|channel|agency|network|station))*\s+(?P<name>[A-Z][\w'&.-]*"
    r"(?:\s+[A-Z][\w'&.-]*)*)"
)
ACCOUNT = re.compile(r"\b(?:account|page|channel|handle)\s+(?:named\s+after|called|named|of)\s+(?P<name>[A-Z][\w'-]*"
                     r"(?:\s+[A-Z][\w'-]*)*)")
SOCIAL = re.compile(r"\b(twitter|tweets?|posts?|social\s+media|facebook|telegram|instagram|tiktok|youtube|whatsapp|"
                    r"videos?|photographs?|photos?|images|footage|account|blogger|influencer)\b", re.I)
OFFICIAL = re.compile(r"\b(officials?|spokes(?:man|woman|person|men|people)|ministry|minister|governor|police|army|"
                      r"military|embassy|government|commander|statement|authorities|president|chief|department|office|"
                      r"advisory|ambassador|council|mission|prime\s+minister|mayor|forces|troops|command|agency)\b",
                      re.I)
LOCAL = re.compile(r"\b(local\s+sources?|residents?|locals|villagers|witnesses|eyewitnesses|elders|tribal\s+elders|"
                   r"local\s+people|a\s+resident|relatives|doctors?|medics?|hospital\s+sources?|shopkeepers?)\b", re.I)
UNNAMED = re.compile(r"\b(reports?|sources?|some|others?|unconfirmed|rumou?rs?|it\s+is|it\s+was|there\s+were|"
                     r"people|someone)\b", re.I)
MEDIA = re.compile(r"\b(TV|television|news|channel|agency|newspaper|broadcaster|radio|times|journal|tribune|"
                   r"reuters|associated\s+press|afp|bbc|cnn|al\s+jazeera|outlet|press|daily|magazine)\b", re.I)
PRONOUN = re.compile(r"^(he|she|they|it|we|i|you|this|that|which|who|one)$", re.I)

DENIAL_WORDS = re.compile(r"\b(denied|denies|deny|rejected|rejects|false|untrue|baseless|dismissed)\b", re.I)
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
    if MEDIA.search(who):
        return SourceKind.OUTLET
    if OFFICIAL.search(who):
        return SourceKind.OFFICIAL
    if UNNAMED.search(who) or not re.search(r"\b[A-Z]", who):
        return SourceKind.UNNAMED
    return SourceKind.OFFICIAL  # a named organization or person speaking for one


def _clean(who: str) -> str:
    who = re.sub(r"^(?:but|and|however|additionally|meanwhile|separately|also|while|nevertheless|nonetheless|"
                 r"still|yet|moreover)\s*,?\s+", "", who.strip(), flags=re.I)
    who = re.sub(r"\s+", " ", who).strip(" “”\"',.")
    # "footage shared online on Monday": the time belongs to the event, not to the speaker
    return re.sub(r"\s+(?:yesterday|today|tonight|overnight|recently|earlier|now|(?:on\s+)?\w+day|this\s+week|"
                  r"last\s+week|this\s+morning)$", "", who, flags=re.I)


def _split_officials(who: str) -> list[str]:
    """"Army and Police officials" → ["Army officials", "Police officials"]."""
    m = re.match(r"^(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+and\s+(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+"
                 r"(?P<noun>officials|sources|spokesmen|commanders|authorities|forces|ministries|governments)$", who)
    if m:
        return [f"{m['a']} {m['noun']}", f"{m['b']} {m['noun']}"]
    return [who]


def is_parsed(sent: SpacySpan) -> bool:
    """Did the dependency parser see this sentence (annotate parses only event-bearing ones)?"""
    doc = sent.doc
    parsed = doc._.fw_parsed if doc.has_extension("fw_parsed") else None
    return parsed is None or sent.start in parsed


# --- speakers -----------------------------------------------------------------------------------------------------


def _phrase(head: Token, sent: SpacySpan) -> tuple[int, int]:
    """Token range (start, end) of a speaker phrase: its subtree, or the noun and its near modifiers when long."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if hi - lo > 14:
        keep = [head] + [c for c in head.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "cc",
                                                                "conj", "appos", "prep")]
        lo = min(t.left_edge.i if t is not head else t.i for t in keep)
        hi = max(t.right_edge.i if t is not head else t.i for t in keep) + 1
        if hi - lo > 14:
            lo, hi = min(t.i for t in keep if t.i <= head.i), head.i + 1
    lo = max(lo, sent.start)
    hi = min(hi, sent.end)
    def closes(end: int) -> bool:  # "… Forces (RSF)" keeps its closing bracket
        return sent.doc[end - 1].text == ")" and any(t.text == "(" for t in sent.doc[lo : end - 1])

    while hi > lo and sent.doc[hi - 1].is_punct and not closes(hi):
        hi -= 1
    while lo < hi and (sent.doc[lo].is_punct or (sent.doc[lo].dep_ in ("cc", "advmod") and sent.doc[lo].i < head.i
                       and sent.doc[lo].head.i != head.i)):
        lo += 1
    # "footage shared online on Monday": the time belongs to the event, not to the speaker's name
    while hi - 1 > head.i and (sent.doc[hi - 1].ent_type_ in ("DATE", "TIME") or sent.doc[hi - 1].is_punct) and not (
        closes(hi)
    ):
        hi -= 1
    return lo, hi


def _is_event_noun(tok: Token, lexicon: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and match_token(lexicon, tok) is not None


def _speakers_parsed(sent: SpacySpan, lexicon: Lexicon) -> tuple[list[tuple[str, int, int]], str | None]:
    """Speakers by the dependency parse: (text, sentence-relative start char, end char), and the speech verb."""
    found: list[tuple[str, int, int]] = []
    verb: str | None = None
    base = sent.start_char
    doc = sent.doc
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                lo, hi = _phrase(obj, sent)
                found.append((doc[lo:hi].text, doc[lo].idx - base, doc[hi - 1].idx + len(doc[hi - 1].text) - base))
                verb = verb or "according to"
            continue
        if tok.lemma_.lower() not in lexicon.words["speech"] or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ in ("relcl", "acl", "amod", "pcomp", "pobj", "compound", "nsubj", "dobj"):
            continue  # "videos posted on …", "the official who said …": not the sentence's frame
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        who: Token | None = None
        if agent is not None:
            who = next((c for c in agent.children if c.dep_ == "pobj"), None)
        elif subj is not None and subj.dep_ == "nsubj":
            who = subj
        elif subj is not None and subj.lower_ == "it":
            # "It was reported that …": an unnamed source
            found.append(("unnamed reports", subj.idx - base, tok.idx + len(tok.text) - base))
            verb = verb or tok.lemma_.lower()
            continue
        if who is None or _is_event_noun(who, lexicon):
            continue  # "Clashes reported in X" (a headline's reduced passive): events do not speak
        lo, hi = _phrase(who, sent)
        if hi <= lo:
            continue
        found.append((doc[lo:hi].text, doc[lo].idx - base, doc[hi - 1].idx + len(doc[hi - 1].text) - base))
        verb = verb or tok.lemma_.lower()
    return found, verb


def _speakers_surface(text: str, lexicon: Lexicon) -> tuple[list[tuple[str, int, int]], str | None]:
    """Speaker phrases by surface patterns, for sentences the parser skipped."""
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
        lead = re.match(r"^(?:additionally|however|meanwhile|separately|but|and|also|still|yet|nevertheless|"
                        r"nonetheless|moreover)\s*,?\s*", body, re.I)
        skip = lead.end() if lead else 0
        for m in SPEECH_RE.finditer(body, skip):
            who = body[skip: m.start()].strip()
            # "Several reports said": a determiner and a noun-like verb form ("reports") are the speaker itself.
            if not who or who.lower() in lexicon.words["speaker_determiners"] or re.search(r"[,;:“”\"]", who) or (
                    len(who.split()) > 12):
                continue
            if re.match(r"\s+(?:in|at|on|near|across|from|over)\b", body[m.end():]):
                break  # "Clashes reported in X": a passive headline, not a speaker
            found.append((who, off + skip, off + skip + len(who)))
            verb = m.group(0).lower()
            break
    return found, verb


# Verb lemma of a surface match ("suggested" → "suggest") for the hedging decision.
def _lemma(verb: str | None, lexicon: Lexicon) -> str | None:
    if verb is None:
        return None
    return "suggest" if verb in lexicon.words["hedge_speech_forms"] and verb.startswith("sugg") else (
        "claim" if verb.startswith("claim") else "allege" if verb.startswith("alleg") else verb)


def attribute(document: Document, doc: Doc, lexicon: Lexicon | None = None) -> dict[int, Attribution]:
    """Each sentence's attribution (source chain, outermost first, and base certainty), keyed by its start char.
    `lexicon`: the speech verbs and hedges to read (the English lexicon by default)."""
    lexicon = lexicon or load_lexicon()
    publisher = document.publisher or "unknown publisher"
    root = Source(publisher, SourceKind.OUTLET, (publisher,))
    dateline = DATELINE.search(document.text[:DATELINE_WINDOW])
    agency = (dateline.group("agency") or "").strip() if dateline else ""
    wire = Source(agency, SourceKind.OUTLET, (publisher, agency)) if agency and agency.lower() != publisher.lower() \
        else None
    out: dict[int, Attribution] = {}
    account: str | None = None  # the last social-media account the report introduced
    quote_speaker: Source | None = None  # inside an open quotation, its speaker
    last_named: Source | None = None  # the antecedent of "he said"
    pending: Source | None = None  # "X said." / "X said:" — the quotation that follows is X's
    for sent in doc.sents:
        text = sent.text
        base = sent.start_char
        acc = ACCOUNT.search(text)
        if acc:
            account = re.split(r"\s+[–—-]\s+", acc.group("name"))[0].strip()
        sources: list[Source] = []
        certainty = Certainty.ASSERTED
        speakers, verb = _speakers_parsed(sent, lexicon) if is_parsed(sent) else _speakers_surface(text, lexicon)
        verb = _lemma(verb, lexicon)
        starts_quote = text.lstrip().startswith(("“", '"', "‘"))
        opens_quote = starts_quote or bool(re.search(r"\b\w+:\s*[“\"]", text))
        if starts_quote and quote_speaker is None and pending is not None:
            quote_speaker = pending  # "A spokesman said. “…”"
        pending = None
        for who, s, e in speakers:
            who_c = _clean(who)
            if not who_c:
                continue
            if PRONOUN.match(who_c) or re.fullmatch(r"(?:he|she|they)\s+\w+", who_c, re.I):
                if last_named is not None and who_c.lower() in ("he", "she", "they", "we"):
                    sources.append(Source(last_named.name, last_named.kind, last_named.chain,
                                          Span(base + s, base + e, text[s:e])))
                continue
            kind = _kind(who_c)
            name = who_c
            if kind == SourceKind.SOCIAL_MEDIA and account and re.search(r"\b(post|tweet|account)s?\b", who_c, re.I):
                name = account
            # Inside a quotation that runs on, a speaker the quote names is relayed by the quote's speaker.
            chain_prefix = quote_speaker.chain if quote_speaker else (publisher,)
            for part in _split_officials(name):
                if part == publisher:
                    continue
                src = Source(part, kind, (*chain_prefix, part), Span(base + s, base + e, text[s:e]))
                sources.append(src)
                if kind != SourceKind.UNNAMED:
                    last_named = src
        for m in BY_OUTLET.finditer(text):
            name = m.group("name").rstrip(".")
            if any(x.name == name for x in sources):
                continue
            sources.append(Source(name, SourceKind.OUTLET, (publisher, name),
                                  Span(base + m.start("name"), base + m.start("name") + len(name), name)))
        if not sources and acc and SPEECH_RE.search(text, acc.end()) and account:
            # "An account named after X shared …": the account is the source of what it shared
            sources.append(Source(account, SourceKind.SOCIAL_MEDIA, (publisher, account),
                                  Span(base + acc.start("name"), base + acc.start("name") + len(account), account)))
        if not sources and quote_speaker is not None:
            sources.append(quote_speaker)  # a quotation that runs on from an earlier sentence keeps its speaker
        if sources:
            certainty = Certainty.HEDGED if verb in lexicon.words["hedge_speech"] else Certainty.REPORTED
        # Track quotations across sentences: a speaker with an opening quote speaks until it closes.
        opened = text.count("“") + text.count('"') // 2
        closed = text.count("”") + text.count('"') // 2
        if sources and opens_quote and opened > closed:
            quote_speaker = sources[0] if quote_speaker is None or sources[0] is not quote_speaker else quote_speaker
        elif opened < closed or (starts_quote and opened == closed > 0) or (
                quote_speaker is not None and not starts_quote and opened == closed == 0
                and "\n" in document.text[max(0, base - 2):base]):
            quote_speaker = None  # the quotation closed, or a new paragraph began without one
        if sources and opened == closed == 0 and re.search(r"\b\w+[.:]\s*$", text.rstrip()) and \
                verb is not None and re.search(rf"\b{SPEECH}[.:]\s*$", text.rstrip()):
            pending = sources[0]
        own = [s for s in sources if s.name != publisher]
        # a wire's copy speaks with the agency's voice where no one else is cited: outlets that run the same
        # agency's story are one source, not several
        out[base] = Attribution(tuple([root, *(own or ([wire] if wire else []))]), certainty)
    return out


# --- certainty ----------------------------------------------------------------------------------------------------


def _scope(trigger: Token) -> list[Token]:
    """The trigger and what governs it, up to the sentence's root."""
    return [trigger, *trigger.ancestors]


def _denied_parsed(trigger: Token, words: dict[str, frozenset[str]]) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in words["negations"] and c.dep_ in ("advmod", "preconj"))
           for c in trigger.children):
        return True
    # "did not manage to capture", "failed to take": negation of a verb the trigger completes
    if trigger.dep_ == "xcomp":
        head = trigger.head
        if head.lemma_.lower() == "fail" or any(c.dep_ == "neg" for c in head.children):
            return True
    # "no civilians were killed", "nobody was hurt"
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if c.lower_ in words["nobody"] or any(
                    d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children):
                return True
            if c.lower_ == "one" and any(d.lower_ == "no" for d in c.children):
                return True
    for node in _scope(trigger)[1:]:
        if node.lemma_.lower() in words["deny_speech"]:
            return True
        # "reports that rebels took the town are false"
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words["denials"] for c in node.children):
            return True
        if node.pos_ in ("NOUN", "PROPN") and node.head is not node:
            h = node.head
            if node.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words["denials"] for c in h.children):
                return True
    return False


def _hedged_parsed(trigger: Token, words: dict[str, frozenset[str]]) -> bool:
    for node in _scope(trigger):
        if node is not trigger and node.lemma_.lower() in words["hedges"]:
            return True
        for c in node.children:
            if c.dep_ in _MODIFIERS and c.lemma_.lower() in words["hedges"]:
                if c.lemma_.lower() == "could" and node is trigger and not any(
                        x.lower_ == "have" for x in node.children):
                    continue  # "could fall": a prospect, handled as not-yet, not a hedge on a past event
                return True
            # "unconfirmed reports said …"
            if c.dep_ in ("nsubj", "nsubjpass") and any(
                    d.dep_ == "amod" and d.lemma_.lower() in words["hedges"] for d in c.children):
                return True
    return False


def certainty_for(sent: SpacySpan, trigger: Token, base: Certainty, lexicon: Lexicon | None = None) -> Certainty:
    """The claim's own certainty: denial in the trigger's clause wins over hedging, hedging over the base.
    `lexicon`: the negations, denials and hedges to read (the English lexicon by default)."""
    words = (lexicon or load_lexicon()).words
    if is_parsed(sent):
        if _denied_parsed(trigger, words):
            return Certainty.DENIED
        if _hedged_parsed(trigger, words):
            return Certainty.HEDGED
        return base
    tokens = list(sent)
    i = trigger.i - sent.start
    # Without a parse: back to the nearest clause boundary, forward a few tokens.
    lo = i
    while lo > 0 and tokens[lo - 1].text not in (";", ":", "—", "–") and not (
        tokens[lo - 1].text == "," and lo - 1 < i - 6
    ):
        lo -= 1
    window = tokens[max(lo, i - 8): i + 3]
    negated = any(t.lower_ in words["negations_near"] for t in window if t.i < trigger.i)
    clause = sent.text[max(0, window[0].idx - sent.start_char) if window else 0:]
    if negated or DENIAL_WORDS.search(sent.text[: trigger.idx - sent.start_char + 40]):
        return Certainty.DENIED
    if HEDGES.search(clause) or HEDGES.search(sent.text[: max(0, trigger.idx - sent.start_char)]):
        return Certainty.HEDGED
    return base
