"""What a modal or a date of a sentence is said of, where it is not the event's own: a hedge on the event's link to
a cause ("… during a raid (could be linked to a land dispute)") and the date of a plan the event is about ("protesters
push for a vote to be held in January"); and the month just before a short note's, which is its event's own. Read
by `background.background_reason`."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from frontwatch.model import TimeSpan

# Verbs that tie a happening to a cause or a side: a modal on them doubts the tie, not that the happening took place.
_LINK_VERBS = frozenset({"link", "relate", "connect", "tie", "associate", "attribute", "motivate"})


def hedges_link_only(trigger: Token, modal_head: Token) -> bool:
    """Is the modal of `modal_head` ("could be linked to …") said of the tie of the event in its subject (where the
    trigger sits) to a cause, not of the event itself?"""
    if modal_head.lemma_.lower() not in _LINK_VERBS or modal_head.i == trigger.i:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.i <= trigger.i <= c.right_edge.i
               for c in modal_head.children)


def planned_date(doc: Doc, trigger: Token, time: TimeSpan | None) -> bool:
    """Is the text's date of the event the date of a plan the event is about, told in an infinitive below the
    event's clause ("push for a referendum to be held in January", "protest plans to hold polls in May")?"""
    if time is None or time.assumed or time.span is None:
        return False
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")  # no scan of a long report
    if span is None or not len(span):
        return False
    tok = span[0]
    own = {trigger.i, *(a.i for a in trigger.ancestors)}
    for verb in (tok, *tok.ancestors):
        if verb.i in own:
            return False  # the date sits on the event's own clause
        if verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return not (verb.left_edge.i <= trigger.i <= verb.right_edge.i)
    return False


def protests_a_plan(trigger: Token, unreal_heads: frozenset[str]) -> bool:
    """ "Farmers union protest plans to cut jobs": a headline with no finite verb, its verb read as a noun
    modifying the plan it opposes, which says what is planned in an infinitive of its own ("plans to cut …", not a
    plan of the protest). The plan is the object of the event word, not the event's plot."""
    head = trigger.head
    if trigger.dep_ != "compound" or head.lemma_.lower() not in unreal_heads:
        return False

    def infinitive(t: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)

    planned = [c for c in head.children if c.dep_ in {"acl", "xcomp"} and infinitive(c)]
    return bool(planned) and not any(t.pos_ in {"VERB", "AUX"} and not infinitive(t) for t in trigger.sent)


_PART_OF_MONTH = re.compile(r"\b(?:early|mid|late|end|beginning|middle|start)\b", re.IGNORECASE)


def last_month(time: TimeSpan | None, published: date | None) -> bool:
    """Is the text's time the whole month just before the report's ("sometime during May" in a June note)?
    A short note tells the event it is about in the rough month it knows, not a recall: only an article's month
    without its day is one (`background` undated-past)."""
    if time is None or time.assumed or published is None or time.precision != 3:
        return False
    if time.span is not None and _PART_OF_MONTH.search(time.span.text):
        return False  # "in mid-September": a part of the month remembered, so a recall, not a rough guess
    end = published.replace(day=1) - timedelta(days=1)
    return time.low == end.replace(day=1) and time.high == end
