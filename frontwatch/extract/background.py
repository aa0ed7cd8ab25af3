"""Whole-article precision: what a report mentions without reporting it as its own news.

A news article recalls earlier incidents ("last year's protests", "attacks that left 130 dead on 13 November 2015"),
tells of trials and plots ("was sentenced for plotting to attack …"), of hypotheticals ("would stop rocket
attacks") and of deaths that no actor caused ("an outbreak of cholera killed 60"). None of these is an event of the
report's day: the claim is kept only as a non-event (marked `background:<why>` in its method), never dated to the
report. Facility names ("St Mary's Church", "Victoria Park") are not towns: a toponym that heads one is dropped
when it resolves outside the country the rest of the report is in.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.crime import (
    accident_report,
    epidemic_report,
    figurative,
    mishap,
    not_told_done,
    ordinary_crime,
)
from frontwatch.extract.doc_words import doc_words
from frontwatch.extract.hedges import hedges_link_only, last_month, planned_date, protests_a_plan
from frontwatch.extract.kinds import CROWD_ACTS, intervenes_on_crowd, names_a_kind
from frontwatch.extract.sentences import _doc_text
from frontwatch.extract.time import find_time
from frontwatch.extract.told import (
    future,
    paused,
    quoted_generic,
    told_as_article,
    told_as_meeting,
    told_as_pattern,
)
from frontwatch.model import PlaceMention, Span, TimeSpan

Words = Mapping[str, frozenset[str]]  # the lexicon's word sets (`frontwatch.text.lexicon.Lexicon.words`)

# How far back an incident is still the report's own news (the articles gold codes events of the last 30 days).
RECENT_DAYS = 30
# An incident the text places only in a week or month that ended this long before the report is recalled, not
# reported: news gives the day of what it reports.
UNDATED_PAST_DAYS = 7

# Expressions of a period before the report's recent window ("last year", "two years ago", "since 2011").
_PAST_PERIOD = re.compile(
    r"\b(?:last|past|previous)\s+(?:year|decade|summer|winter|spring|autumn|fall)\b"
    r"|\b(?:years?|decades?|months)\s+(?:ago|earlier|before)\b"
    r"|\bin\s+the\s+past\b|\bover\s+the\s+(?:summer|winter|spring|autumn|years)\b"
    r"|\bsince\s+(?:19|20)\d\d\b"
    r"|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:months|years|decades)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A running total over the year so far ("in the first five months of this year", "so far this year"): a statistic,
# not an incident of a day. Not "this year" alone: "the third attack this year" is told as an incident.
_RUNNING_TOTAL = re.compile(
    r"\b(?:in|during|over)\s+the\s+first\s+(?:\w+\s+)?(?:days|weeks|months)\b"
    r"|\bso\s+far\s+(?:this|in)\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b",
    re.IGNORECASE,
)
_MONTHS = {m: k for k, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), start=1)}

# The links from a plot, trial or threat verb (the lexicon's `unreal_heads`) down to what it is about ("plotted to
# attack", "sentenced for the killing", "accused of plotting an attack"); a subject ("the protesters accused …") or
# an adverbial clause is its own happening.
_MATTER_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "conj", "compound", "amod", "nmod"})
_MATTER_PREPS = frozenset({"of", "for", "to", "on"})
# A numeric day/month without a year ("08/12") is too easily read the wrong way round to date an incident away.
_BARE_NUMERIC = re.compile(r"^\D*\d{1,2}[/.-]\d{1,2}\D*$")
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might"})
# Verbs that urge, wish or vow an act that is yet to be done ("encouraged him to carry out an attack", "vowed to
# attack the town"): only through their infinitive, since "encouraged the attack" may praise one that happened.
_URGING_HEADS = frozenset({"ask", "call", "encourage", "exhort", "incite", "inspire", "pledge", "promise", "urge",
                           "vow", "want", "wish"})
# Words a facility name may run over between its toponym and its head ("St Peter and St Paul Coptic Church").
_NAME_GLUE = frozenset({"and", "&", "of", "'s", "’s", "-"})


def _clause_of(token: Token) -> Token:
    """The first verb of the coordination the token is in ("… which hit X and killed 900": "hit")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _ancestors_to_root(token: Token) -> list[Token]:
    out = []
    while token.head.i != token.i:
        token = token.head
        out.append(token)
    return out


# "for the first time since 2012", "the first such raid since 2015": the event is today's; the year is when it last
# happened, not when this one did
_FIRST_SINCE = re.compile(r"\bfirst\s+(?:[\w-]+\s+){0,3}?since\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _past_period(text: str, published: date | None) -> bool:
    text = _FIRST_SINCE.sub(" ", text)
    if _PAST_PERIOD.search(text):
        return True
    # a year before the report's ("in 2015" in a 2016 report)
    return published is not None and any(int(y) < published.year for y in _YEAR.findall(text))


def _scope_of(token: Token, sent: SpacySpan) -> list[Token]:
    """The tokens a time expression in the trigger's own clauses may sit on: the trigger, its ancestors (the clauses
    it is told in), and their non-clausal dependents."""
    heads = [token, *_ancestors_to_root(token)]
    out = []
    for h in heads:
        out.append(h)
        out.extend(c for c in h.children if c.dep_ in {"npadvmod", "advmod", "prep", "tmod", "obl", "advcl"}
                   and sent.start <= c.i < sent.end)
    return out


# "two days after", "a week after": how many days a unit of an interval before the main clause's day is, and the
# ACLED time precision it leaves.
_INTERVAL = {"day": (1, 1), "week": (7, 2), "month": (30, 3)}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "few": 3, "several": 3}


def time_before_main(doc: Doc, sent: SpacySpan, trigger: Token, published: date | None) -> TimeSpan | None:
    """The day of an incident told as "N days/weeks after" it in a later clause ("It comes a week after 44 were
    killed in …", "Sunday's blast came two days after bombs killed …"): the main clause's day (its own, else the
    report's) less the interval; None where the trigger sits in no such clause."""
    if published is None:
        return None
    for verb in (trigger, *_ancestors_to_root(trigger)):
        if not any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children):
            continue
        for c in verb.children:
            unit = _INTERVAL.get(c.lemma_.lower())
            if c.dep_ != "npadvmod" or unit is None:
                continue
            words = [k.lower_ for k in c.children if k.dep_ in {"nummod", "det"}]
            n = next((int(w) if w.isdigit() else _SMALL[w] for w in words if w.isdigit() or w in _SMALL), None)
            if n is None or verb.head.i == verb.i:
                return None
            main = find_time(doc, sent, published, trigger=verb.head)
            day = main.low if main is not None and not main.assumed else published
            when = day - timedelta(days=n * unit[0])
            phrase = doc[c.left_edge.i:verb.i]
            return TimeSpan(when, when, unit[1], Span(phrase.start_char, phrase.end_char, phrase.text))
        return None
    return None


def _flat_subtree(token: Token) -> list[Token]:
    """The token's phrase without the clauses inside it ("against a tax introduced last year": not "last year")."""
    out = [token]
    for c in token.children:
        if c.pos_ not in {"VERB", "AUX"}:
            out.extend(_flat_subtree(c))
    return sorted(out, key=lambda t: t.i)


def _under_unreal_verb(trigger: Token, words: Words) -> bool:
    """Whether the trigger is the matter of a plot, trial or threat verb above it, or told in a relative clause of
    that verb's subject ("a man who plotted … and attacked … was sentenced": what he is judged for)."""
    tok = trigger
    in_relative = False
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            in_relative = True
        elif in_relative and tok.dep_ in {"nsubj", "nsubjpass"}:
            return tok.head.lemma_.lower() in words["unreal_heads"]
        elif tok.dep_ not in _MATTER_DEPS or (tok.dep_ == "prep" and tok.lower_ not in _MATTER_PREPS):
            return False
        below, tok = tok, tok.head
        if not in_relative and (tok.lemma_.lower() in words["unreal_heads"] or (
                below.dep_ == "xcomp" and tok.lemma_.lower() in _URGING_HEADS)):
            return not _forces_accused(tok, words)
    return False


def _forces_accused(verb: Token, words: Words) -> bool:
    """ "Residents accuse police of beating …", "a rights group accused soldiers of killing …": an allegation of
    state forces' abuse, which ACLED codes as the event it tells, not a charge brought in court."""
    return verb.lemma_.lower() == "accuse" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words["force_heads"] for c in verb.children)


def _protested(tok: Token, words: Words) -> bool:
    """Is the word inside what a crowd protests or riots over (an ancestor is a protest word or a crowd's act)?"""
    return any(a.lemma_.lower() in CROWD_ACTS or a.lemma_.lower() in words["protest_words"] for a in tok.ancestors)


def _accident(sent: SpacySpan, words: Words, trigger: Token | None = None) -> bool:
    """Whether the sentence tells of an accident in a phrase or clause ("died … in a gas explosion", "when a gas
    cylinder exploded", "in a road crash"; `words`: accident_heads, accident_fuels, accident_fuel_heads). The whole
    sentence, not the trigger's clause: the parser often hangs the phrase on a clause joined to it ("… died and 40
    were injured in a gas explosion")."""
    # a phrase's words are the sentence's (its parse is its own): without an accident's word, no walk of the parse
    if not doc_words(sent.doc).has_any(sent.start, sent.end, words["accident_heads"] | words["accident_fuels"]):
        return False
    for c in sent:
        if c.dep_ not in {"prep", "advcl", "agent"}:
            continue
        for t in c.subtree:
            lemma = t.lemma_.lower()
            accident = lemma in words["accident_heads"] or (
                lemma in words["accident_fuels"] and t.head.lemma_.lower() in words["accident_fuel_heads"])
            # "blocked the road to protest accidents", "rioted after an accident": the grievance
            if accident and not _protested(t, words) and not _describes_person(t, trigger):
                return True
    return False


def _describes_person(tok: Token, trigger: Token | None) -> bool:
    """Is the word inside a relative clause on the trigger's victim, its object or passive subject ("stoned an
    officer who was clearing the road after an accident", "set alight the driver who had caused a crash"), or in a
    clause telling what someone was doing ("shot as he was helping victims of a crash")? It tells who the victim
    was, not what harmed them."""
    if trigger is None:
        return False
    victims = {c.i for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}}
    for a in (tok, *tok.ancestors):
        # (a relative clause the parser hung from the verb: "stone officer who was clearing …", its subject "who")
        misread = a.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in a.children)
        if (a.dep_ in {"relcl", "advcl"} or misread) and _ongoing(a) and not (
                a.left_edge.i <= trigger.i <= a.right_edge.i):
            return True  # "… as she was helping the injured after a crash": what someone was doing, not the harm
        if a.dep_ == "relcl":
            return a.head.i in victims
    return False


_RELATIVE = frozenset({"who", "which", "that"})


def _ongoing(verb: Token) -> bool:
    """A clause in the progressive ("was clearing", "were helping"): an activity under way when the event struck."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children)


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _in_slogan(trigger: Token, sent: SpacySpan, words: Words) -> bool:
    """Whether the trigger sits inside a quote that a slogan word (`words["slogan_words"]`) just before it
    introduces: "chanting 'stop the killing'", "banners reading 'no more bombs'"."""
    if _QUOTES.isdisjoint(doc_words(sent.doc).lowers[sent.start:trigger.i]):
        return False  # no quote mark before it (a quote mark's lower-case form is itself)
    opening = None
    for tok in sent:
        if tok.i >= trigger.i:
            break
        if tok.text in _QUOTES:
            opening = None if opening is not None else tok
    if opening is None:
        return False
    before = [t for t in sent if t.i < opening.i and not t.is_punct and t.lower_ not in {"and", "or"}][-3:]
    return any(t.lemma_.lower() in words["slogan_words"] for t in before)


_PERIODS = frozenset({"day", "week", "month", "year"})
_BEFORE = frozenset({"after", "since", "following"})


def _period_before(trigger: Token) -> bool:
    """ "(It came) after days of protests", "since months of fighting": a period of events before the one told,
    not an event of a day; but not where the period's events took the toll told ("… were killed after three days
    of fighting")."""
    of = trigger.head
    if trigger.dep_ != "pobj" or of.lower_ != "of":
        return False
    period = of.head
    if not (period.lemma_.lower() in _PERIODS and period.tag_ == "NNS" and period.dep_ == "pobj"
            and period.head.lower_ in _BEFORE):
        return False
    # "ten people were killed following two days of clashes": the toll the period's events took, told of them
    return period.head.head.lemma_.lower() not in _CASUALTY_VERBS


_CASUALTY_VERBS = frozenset({"kill", "die", "injure", "wound", "leave", "claim"})


# Prepositions that name event words as a kind ("a supporter of attacks", "fleeing from attacks", "blamed for
# attacks", "due to looting"); not "in"/"during"/"after" ("killed in clashes" tells the incident the toll is of).
_KIND_PREPS = frozenset({"of", "for", "from", "against", "to"})
# Heads that count the events they govern ("a series of attacks", "a wave of bombings"): told incidents, not a kind.
_COUNTING_HEADS = frozenset({"series", "wave", "spate", "string", "number", "round", "chain", "flurry",
                             "rash", "lot", "dozen", "dozens", "hundreds", "scores"})


# Modifiers of a plural event noun that make it several incidents ("in separate attacks", "in various clashes").
_SEVERAL = frozenset({"separate", "several", "various", "multiple", "different", "numerous", "recent", "previous",
                      "past", "earlier", "repeated"})


def _over_several(trigger: Token) -> bool:
    """ "Ten people were killed and dozens injured in separate attacks": the verb's (or its conjuncts') "in"/
    "during" phrase names several incidents by a plural noun with a modifier saying so; or the trigger is (a word
    of) that noun phrase."""
    first = trigger
    while first.dep_ in {"conj", "nmod", "compound"} and first.head.i != first.i:  # "separate gun, bomb … attacks"
        first = first.head
    if _several_noun(first):
        return True
    verbs = {trigger, *trigger.conjuncts}
    if trigger.dep_ == "conj":
        verbs.add(trigger.head)
    return any(_several_noun(obj) for v in verbs for prep in v.children if prep.dep_ == "prep"
               for obj in prep.children)


def _several_noun(tok: Token) -> bool:
    """An "in"/"during" plural object with a modifier of several before it: "in separate attacks", "in separate
    gun and knife attacks" (the parser hangs the modifier on the list's first word)."""
    return (tok.dep_ == "pobj" and tok.head.lower_ in {"in", "during"}
            and (tok.tag_ == "NNS" or any(t.tag_ == "NNS" for t in tok.conjuncts))
            and any(t.dep_ == "amod" and t.lemma_.lower() in _SEVERAL for t in tok.subtree if t.i < tok.i))


# What befalls an agreement that ends it ("the ceasefire collapsed", "the breakdown of the truce").
_BREAKDOWN = frozenset({"collapse", "unravel", "break", "breakdown", "fail", "failure", "violate", "violation",
                        "breach", "abandon", "crumble", "falter", "end"})


def broken_agreement(trigger: Token) -> bool:
    """Whether an agreement word is told breaking down: the subject of a breakdown verb ("the truce collapsed"),
    or the object of a breakdown noun's "of"/"in" ("the breakdown in the ceasefire"). That is no agreement."""
    if trigger.dep_ in {"nsubj", "nsubjpass"}:
        return trigger.head.lemma_.lower() in _BREAKDOWN
    if trigger.dep_ == "pobj" and trigger.head.lower_ in {"of", "in"}:
        return trigger.head.head.lemma_.lower() in _BREAKDOWN
    if trigger.dep_ == "dobj":  # "rebels violated the truce", "they broke the ceasefire"
        return trigger.head.lemma_.lower() in _BREAKDOWN
    return False


def generic_mention(trigger: Token) -> bool:
    """Whether an event noun is named as a kind rather than told as an incident: a bare plural or gerund (no
    article, possessive or number: "attacks", "looting", not "the attacks", "Sunday's attack") that is the object
    of a preposition naming a kind ("a supporter of lone-wolf attacks", "IDPs fleeing from attacks on villages",
    "blamed for attacks in the country"); a verb of the perfect progressive ("has been fighting"); or a toll over
    several incidents ("ten were killed in separate attacks"). The caller asks too that the text give it no day and
    no place of its own clause: with either, it is told."""
    if _over_several(trigger):
        return True
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"any", "every"} for c in trigger.children):
        return True  # "any rally held without a permit is illegal": a rule about a kind, not an incident
    if trigger.tag_ == "VBG" and {"have", "has", "had"} & {c.lower_ for c in trigger.children if c.dep_ == "aux"} \
            and any(c.lower_ == "been" for c in trigger.children if c.dep_ == "aux"):
        return True  # "where the government has been fighting an insurgency": a state of things, not a day's incident
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "due to looting and general mayhem"
        tok = tok.head
    if trigger.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _KIND_PREPS:
        return False
    if tok.head.head.lemma_.lower() in _COUNTING_HEADS:
        return False
    if trigger.tag_ != "NNS" and not trigger.lower_.endswith("ing"):
        return False
    return not any(c.dep_ in {"det", "poss", "nummod", "predet", "case"} for t in {trigger, tok} for c in t.children)


def _disease_names(doc: Doc, words: Words) -> frozenset[str]:
    """Names the report puts before a disease head ("the X virus", "X fever"): the names of its disease, read once
    per document (`words["disease_name_heads"]`)."""
    names = doc.user_data.get("fw_disease_names")
    if names is None:
        heads = words["disease_name_heads"]
        own = doc_words(doc)
        names = frozenset(own.lowers[i] for i in range(len(own.lemmas) - 1)
                          if own.pos[i] == "PROPN" and own.lemmas[i + 1] in heads)
        doc.user_data["fw_disease_names"] = names
    return names


def _epidemic_toll(doc: Doc, sent: SpacySpan, trigger: Token, words: Words) -> bool:
    """A death word told of an epidemic: the sentence names a disease ("killed as waterborne diseases spread"),
    counts its cases ("3,546 cases reported and 91 people dead"), or its subject is a name the report calls a
    disease ("X kills more slowly" where it speaks of "the X virus")."""
    if trigger.lemma_.lower() not in words["death_words"]:
        return False
    # the walk only where the sentence has a disease's or a case's word
    for t in sent if doc_words(doc).has_any(sent.start, sent.end, words["diseases"] | words["case_nouns"]) else ():
        lemma = t.lemma_.lower()
        if t.pos_ == "NOUN" and lemma in words["diseases"]:
            return True
        if t.pos_ == "NOUN" and lemma in words["case_nouns"] and any(
                c.dep_ == "nummod" and c.text.replace(",", "").isdigit() and int(c.text.replace(",", "")) >= 10
                for c in t.children):
            return True  # "in two cases" counts incidents; an epidemic's statistics count many
    names = _disease_names(doc, words)
    return bool(names) and any(c.dep_ in {"nsubj", "agent"} and c.lower_ in names
                               for h in (trigger, trigger.head) for c in h.children)


def _listed_plan(trigger: Token, words: Words) -> bool:
    """ "planned to murder an official, film the killing and …": a bare verb (no subject, no auxiliary) listed after
    a plan or plot verb of the same head is one more thing planned, as its first infinitive."""
    tok = trigger
    while True:
        if tok.tag_ == "VB" and tok.dep_ in {"ccomp", "conj", "xcomp"} and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
            head = tok.head
            if any(c.i < tok.i and c.lemma_.lower() in words["unreal_heads"] for c in (head, *head.children)):
                return True
        if tok.head.i == tok.i or tok.dep_ not in _MATTER_DEPS | {"ccomp"}:
            return False
        tok = tok.head


def _after_past_month(sent: SpacySpan, published: date | None) -> bool:
    """ "(unrest) following the December elections": the sentence tells what came after a happening it names by a
    month that ended more than the recent window before the report: told as its aftermath, not as the day's news."""
    if published is None:
        return False
    for tok in sent:
        if tok.lower_ not in _BEFORE or tok.dep_ not in {"prep", "mark"}:
            continue
        for t in tok.subtree:
            month = _MONTHS.get(t.lower_)
            if month is None or t.dep_ not in {"compound", "amod", "nmod", "npadvmod"}:
                continue
            if t.i + 1 < len(t.doc) and t.doc[t.i + 1].like_num:
                continue  # "after the 5 December attack": a day, dated on its own
            year = published.year if month <= published.month else published.year - 1
            end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            if published - end > timedelta(days=RECENT_DAYS):
                return True
    return False


def background_reason(doc: Doc, sent: SpacySpan, trigger: Token, time: TimeSpan | None,
                      published: date | None, words: Words) -> str | None:
    """Why the event of `trigger` is not news of the report's day, or None where it is. `words`: the lexicon's word
    sets (`Lexicon.words`: unreal_heads, no_actor_killers, kind_of_heads, accident_*)."""
    if planned_date(doc, trigger, time):
        time = None  # "push for a vote to be held in January": the plan's date, not the event's
    if (published is not None and time is not None and not time.assumed
            and time.high < published - timedelta(days=RECENT_DAYS)
            and not (time.span is not None and _BARE_NUMERIC.match(time.span.text))):
        return "dated-before"  # the text dates it well before the report
    if (published is not None and time is not None and not time.assumed and time.precision > 1
            and time.high < published - timedelta(days=UNDATED_PAST_DAYS)
            and (told_as_article(doc) or not last_month(time, published))):  # a note's rough month is its event's
        return "undated-past"  # "in mid-September", "earlier this year": recalled without its day
    if names_a_kind(trigger, sent, words) and not intervenes_on_crowd(trigger, sent, words):
        return "kind-of"  # "a member of the riot police": no riot
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"  # "but no clashes occurred", "no arrests were made": said not to have happened
    if paused(trigger):
        return "negated"  # "a lull in the fighting", "a halt to the shelling": what is not going on
    if future(trigger) and told_as_article(doc):
        # "the home will be seized", "the strike will begin on Monday": not yet done. In an article only: a coded
        # note is about its event, and one told in the future is what was announced ("police will recruit …")
        return "future"
    if quoted_generic(trigger, sent):
        return "quoted-generic"  # "'You fight your battles'", "'Fly with the crows and get shot'": a saying
    if figurative(trigger):
        return "figurative"  # "attacked the proposal", "killed the trade deal": no one harmed
    if (time is None or time.assumed) and told_as_article(doc) and told_as_pattern(trigger):
        return "pattern"  # "reports of widespread atrocities, men lined up and shot": abuses, no incident of a day
    if told_as_article(doc) and told_as_meeting(trigger):
        return "meeting"  # "attendees … at a weekend rally": a conference's audience, no demonstration
    if (why := not_told_done(trigger, words)) is not None:
        return why
    if ordinary_crime(doc, trigger, words):
        return "crime"  # a crime report's stabbing or arrest: not political violence (ACLED)
    ancestors = _ancestors_to_root(trigger)
    if _under_unreal_verb(trigger, words) and not protests_a_plan(trigger, words["unreal_heads"]):
        return "trial-or-plot"
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX and not hedges_link_only(trigger, h)
           for h in (trigger, *ancestors) for c in h.children):  # "(could be linked to …)": the tie is doubted
        return "hypothetical"
    for h in (trigger, *ancestors[:1]):
        for c in h.children:
            if c.dep_ in {"nsubj", "agent"} and any(t.lemma_.lower() in words["no_actor_killers"] for t in c.subtree):
                return "no-actor"
    clause = _clause_of(trigger)
    if clause.dep_ in {"acl", "relcl"} and any(
            t.lemma_.lower() in words["no_actor_killers"] for t in clause.head.subtree if t.i < clause.i):
        return "no-actor"  # "an outbreak of cholera that killed 60", "an earthquake which hit … and killed 900"
    if _listed_plan(trigger, words):
        return "trial-or-plot"
    if _epidemic_toll(doc, sent, trigger, words) or epidemic_report(doc, words):
        return "no-actor"  # an epidemic's deaths, or a report of an outbreak that tells no violence
    if _period_before(trigger):
        return "period-before"
    if _in_slogan(trigger, sent, words):
        return "slogan"
    if _accident(sent, words, trigger) or mishap(sent, trigger, words) or accident_report(doc):
        return "accident"
    # a past period said of the trigger's own clause (its subtree of time words), not of another clause's event
    for tok in _scope_of(trigger, sent):
        told = _flat_subtree(tok) if tok.dep_ in {"npadvmod", "advmod", "prep", "tmod", "obl"} else [tok]
        phrase = " ".join(t.text for t in told)
        if _past_period(phrase, published):
            return "past-period"
        if _RUNNING_TOTAL.search(phrase):
            return "running-total"
    if (time is None or time.assumed) and _after_past_month(sent, published):
        return "aftermath"
    return None


def _facility_head(doc: Doc, end: int, words: Words) -> bool:
    """Whether the tokens from `end` run, through capitalised name words, to a facility head word."""
    for tok in doc[end:end + 8]:
        low = tok.lower_
        if low in words["facility_heads"] and (tok.is_title or tok.is_upper):
            return True
        if low in _NAME_GLUE or tok.is_title or tok.is_upper:
            continue
        return False
    return False


def _head_only(m: PlaceMention, words: Words) -> bool:
    """Whether a facility name's place was read off its kind words: the place's name is none of the name's own words
    but its head or generic ones ("Town Hall" → Halle), where "Victoria Park" → Victoria names a town by its word."""
    own = [w.strip(".,'’").casefold() for w in m.span.text.split()]
    if m.place is None or len(own) < 2 or own[-1] not in words["facility_heads"]:
        return False
    name = m.place.name.casefold()
    return not any(name == w or name.startswith(w + " ") or w.startswith(name) for w in own[:-1])


def facility_namesakes(doc: Doc, places: Sequence[PlaceMention], words: Words) -> list[PlaceMention]:
    """`places` without the toponyms that head a facility name (`words["facility_heads"]`) and resolve outside the
    report's main country (the most frequent country of its other resolved places): "Saint Peter" of a church is not
    a town of Barbados."""
    # Token ends and facility entities looked up by character offset once per document: per place, `char_span`,
    # `doc.text` and a walk of every entity made a long report's cost grow with its places times its length.
    starts = doc_words(doc).idx
    length = len(_doc_text(doc))  # `doc.text` joins every token each time it is read
    facilities = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in {"FAC", "ORG"} and e[-1].lower_ in words["facility_heads"]]
    heads = []
    for m in places:
        # the token after the one holding the mention's last character ("expand" alignment)
        end = bisect.bisect_left(starts, m.span.end) if 0 < m.span.end <= length else None
        own = m.span.text.split()
        in_fac = any(a <= m.span.start and m.span.end <= b for a, b in facilities)
        heads.append(m.place is not None and (in_fac or (len(own) > 1 and own[-1].lower() in words["facility_heads"])
                                              or (end is not None and _facility_head(doc, end, words))))
    if not any(heads):
        return list(places)
    # a facility name matched through its kind words ("Town Hall" read as a town named Halle) names no town at all
    kept = [(m, h) for m, h in zip(places, heads, strict=True) if not (h and _head_only(m, words))]
    places, heads = [m for m, _ in kept], [h for _, h in kept]
    countries = Counter(m.place.country for m, h in zip(places, heads, strict=True)
                        if not h and m.place is not None and m.place.country)
    if not countries:
        return list(places)
    main = countries.most_common(1)[0][0]
    return [m for m, h in zip(places, heads, strict=True)
            if not (h and m.place is not None and m.place.country != main)]
