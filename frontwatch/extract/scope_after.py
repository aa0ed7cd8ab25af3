"""What the words after a taking say about it (docs/control.md): a withdrawal told after it names the side that
left, not the taker ("rebels took the town after army units pulled out"); a part taken after the whole was entered
("entered the town and took control of parts of it") is an area of it, as ground or territory taken is; a denial
pointing back at it ("…, but the ministry denied the claim") contests it; a taking the roles gave no taker is by the
one armed side named before it; a withdrawal under a deal with a side hands the place to that side."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontwatch.model import TERRITORY_SUB_TYPES, ActorRole, Certainty, Claim, PlaceMention, Span, stable_id

# A place left to a side ("withdrew from X, leaving it in the hands of Y", "left the town in the hands of Y"): given up
# to Y, as a hand-over is; else a place an armed side left ("fighters began leaving their last bastion"): a withdrawal
# (the trigger lexicon fires on "leave" only with that phrase or a place its object)
LEFT = re.compile(r"(?:leav(?:e|es|ing)|left)(?![\w-])", re.I)
LEFT_IN_HANDS = re.compile(r"(?:leav(?:e|es|ing)|left)\s+(?:[\w'’-]+\s+){0,5}?in\s+the\s+hands\s+of\s", re.I)


if TYPE_CHECKING:
    from frontwatch.extract.actors import ActorDictionary

# A word that ties the withdrawal to the taking as what made room for it: "took X after / as / once Y withdrew".
_LINK = re.compile(r"(?<![\w-])(?:after|as|once|when|following|since)\s", re.I)
# Words between the leaver's name and the withdrawal word: "after Y [forces] [had] pulled out", "as Y's troops
# withdrew" — a short run of words, no clause boundary.
_LEAVER_TAIL = re.compile(r"(?:['’]s)?(?:\s+[\w'’-]+){0,3}\s+(?:had\s+|have\s+|has\s+)?$", re.I)


def leaver_named_after(claim: Claim, text: str, withdrawal_re: re.Pattern[str], actors: ActorDictionary | None,
                       country: str | None = None) -> Claim:
    """A taking told before the withdrawal that made room for it ("rebels took control of X after army units
    pulled out"): the side named just before the withdrawal word left the place; it is actor 2, never the taker.
    Where the roles read it as actor 1 (the taker's own name unknown to the dictionary), the taker is the one other
    side named before the trigger in the sentence, else not said."""
    t, s = claim.trigger, claim.sentence
    if t is None or actors is None or claim.control_change is not None:
        return claim
    w = withdrawal_re.search(text, t.end, s.end)
    link = _LINK.search(text, t.end, w.start()) if w is not None else None
    if w is None or link is None:
        return claim
    named = [m for m in actors.find_all(text[link.end():w.start()])
             if _LEAVER_TAIL.fullmatch(text, link.end() + m.end, w.start())]
    if not named:
        return claim
    # "al-Shabaab militants": the group's name, not the generic word after it
    m = next((x for x in reversed(named) if x.actor.name not in actors.generic), named[-1])
    names = {m.actor.name} | ({actors.of_country(m.actor, country).name} if country else set())
    a, b = link.end() + m.start, link.end() + m.end
    leaver = ActorRole("actor2", actors.of_country(m.actor, country) if country else m.actor, Span(a, b, text[a:b]))
    a1, a2 = claim.actor("actor1"), claim.actor("actor2")
    rest = tuple(r for r in claim.actors if r.role not in ("actor1", "actor2"))
    if a1 is not None and a1.name not in names:
        # the side the place was taken from is the leaver, unless the taking's own clause names it ("took X from Y")
        second = next((r for r in claim.actors if r.role == "actor2"), None)
        if a2 is not None and second is not None and second.span is not None and t.end <= second.span.start < a:
            return claim
        first = next(r for r in claim.actors if r.role == "actor1")
        return dataclasses.replace(claim, actors=(first, *rest, leaver))
    first = next((r for r in claim.actors if r.role == "actor1"), None)
    if first is not None and first.span is not None and first.span.end <= t.start:
        return claim  # the taker named before the trigger is the same side that left: one side, told twice
    before = [x for x in actors.find_all(text[s.start:t.start]) if x.actor.name not in names]
    taker: tuple[ActorRole, ...] = ()
    if len({x.actor.name for x in before}) == 1:
        x = before[0]
        taker = (ActorRole("actor1", actors.of_country(x.actor, country) if country else x.actor,
                           Span(s.start + x.start, s.start + x.end, text[s.start + x.start:s.start + x.end])),)
    return dataclasses.replace(claim, actors=(*taker, *rest, leaver))


# A part of what was entered or taken, told after the trigger by a word that points back at it ("… and took
# control of parts of it", "seized sections of the town"): only that part changed hands.
_PART_BACK = re.compile(r"(?<![\w-])(?:parts?|sections?|portions?|swathes?|areas?|neighbou?rhoods?)\s+of"
                        r"\s+(?:it|them|the\s+(?:town|city|village|district|capital))(?![\w-])", re.I)
_BROADER_THAN_PART = ("centre", "district", "city", "capital", "province")


def part_named_after(claim: Claim, text: str, scope: tuple[str, Span] | None) -> tuple[str, Span] | None:
    """The scope of a taking whose sentence, after the trigger, says only part of the place was taken ("entered
    the town of X and took control of parts of it"): an area of it (`village`), not the town."""
    t = claim.trigger
    if t is None or scope is None or scope[0] not in _BROADER_THAN_PART:
        return scope
    m = _PART_BACK.search(text, max(t.end, scope[1].end), claim.sentence.end)
    return ("village", Span(m.start(), m.end(), m.group(0))) if m else scope


# Ground or territory told as what was taken ("significant ground was regained", "seized territory in X district",
# "regained control of more territory"): an area, whatever place the sentence names; not "the territory of X".
_GROUND = r"(?:ground|territory|territories|terrain)(?![\w-])(?!\s+of\b)"
_GROUND_AFTER = re.compile(r"\s+(?:(?:full\s+|effective\s+)?control\s+(?:of|over)\s+)?(?:(?:the|some|more|much|new|"
                           r"further|significant|considerable|key|strategic|vast|large|substantial|lost|swathes?\s+of)"
                           rf"\s+){{0,2}}{_GROUND}", re.I)
_GROUND_BEFORE = re.compile(rf"(?<![\w-]){_GROUND}\s+(?:(?:was|were|has|have|had|been|being|is|are|also|quickly|"
                            r"later|then|soon|since)\s+){1,3}$", re.I)


def ground_taken(text: str, trigger: Span | None) -> tuple[str, Span] | None:
    """The scope of a taking whose object (or passive subject) is ground or territory: an area (`village`)."""
    if trigger is None:
        return None
    m = _GROUND_AFTER.match(text, trigger.end) or _GROUND_BEFORE.search(text, max(0, trigger.start - 40),
                                                                          trigger.start)
    return ("village", Span(m.start(), m.end(), m.group(0))) if m else None


# "have taken eight provincial capitals (in a week)", "captured 20 districts": a tally over several towns or
# districts; placed by a name of another sentence, it would make one of them (or its province) held.
TALLY = re.compile(r"\s+(?:(?:more\s+than|over|at\s+least|some|nearly|almost|about|around)\s+)?(?:\d+|two|three|"
                    r"four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|several|many|multiple|"
                    r"numerous)\s+(?:[\w'’-]+\s+){0,2}?(?:capitals|provinces|districts|cities|towns|district\s+"
                    r"cent(?:re|er)s|district\s+headquarters|administrative\s+cent(?:re|er)s)\b", re.I)


# A side named before the trigger that is no taker: a voice ("X said"), the side it was taken from, a place named
# after it ("the police station"), or one that left ("after X withdrew").
_NOT_TAKER_AFTER = re.compile(r"(?:'s|’s)?\s+(?:spokes\w*|officials?|statement|sources?|said|says|reported|claimed|"
                              r"stations?|posts?|headquarters|withdr\w+|retreat\w*|pulled|fled|left)\b", re.I)
_NOT_TAKER_BEFORE = re.compile(r"(?<![\w-])(?:from|against|by|after|as|once|when)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
                               re.I)


def taker_named_before(claim: Claim, text: str, actors: ActorDictionary | None) -> Claim:
    """A taking the roles gave no taker ("foreign troops wielding guns march over the frontier, and then seize a
    checkpoint": a parse that loses the subject) is by the one armed side its sentence names before the trigger as a
    doer, not as a voice, the other side or the one that left; none or several: not said."""
    t, s = claim.trigger, claim.sentence
    if actors is None or t is None or claim.actor("actor1") is not None or claim.sub_event_type not in (
            *_TAKINGS, "Non-violent transfer of territory"):
        return claim
    found = [m for m in actors.find_all(text[s.start:t.start]) if m.actor.name not in actors.generic
             and m.actor.inter in (1, 2, 3, 4, 8) and not _NOT_TAKER_AFTER.match(text, s.start + m.end)
             and not _NOT_TAKER_BEFORE.search(text, max(s.start, s.start + m.start - 30), s.start + m.start)]
    if len({m.actor.name for m in found}) != 1:
        return claim
    m = found[0]
    a, b = s.start + m.start, s.start + m.end
    sub = "Government regains territory" if m.actor.inter == 1 and claim.sub_event_type in _TAKINGS else (
        claim.sub_event_type)  # a transfer stays one: its receiver is actor 1
    return dataclasses.replace(claim, sub_event_type=sub, actors=(ActorRole("actor1", m.actor, Span(a, b, text[a:b])),
                                                                  *claim.actors))


# A withdrawal agreed with the other side ("rebels began leaving the town under an evacuation deal with the
# government", "… as part of an agreement with the army"): a negotiated transfer, the place goes to that side.
_DEAL_WITH = re.compile(r"(?<![\w-])(?:under|as\s+part\s+of|in\s+line\s+with|following|in)\s+(?:an?|the|their)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|settlement|truce)\s+with\s+", re.I)


def agreed_withdrawal(claim: Claim, text: str, t: Span, actors: ActorDictionary | None, country: str | None
                      ) -> Claim | None:
    """A withdrawal told as done under a deal with a side named right after "with": a hand-over to that side (a
    non-violent transfer: the side named actor 1, the side that left actor 2); None when no such deal is told."""
    m = _DEAL_WITH.search(text, t.end, claim.sentence.end)
    found = actors.find_all(text[m.end():m.end() + 60]) if m is not None and actors is not None else []
    if m is None or not found or found[0].start > 12 or found[0].actor.inter not in (1, 2, 3, 4, 8):
        # a deal with elders or a community hands the place to no armed side
        return None
    a, b = m.end() + found[0].start, m.end() + found[0].end
    receiver = actors.of_country(found[0].actor, country) if country else found[0].actor
    leaver = [dataclasses.replace(r, role="actor2") for r in claim.actors if r.role == "actor1"]
    if any(r.actor.name == receiver.name for r in leaver):
        return None  # the side that left is no receiver of its own place
    rest = [r for r in claim.actors if r.role not in ("actor1", "actor2")]
    return dataclasses.replace(claim, event_type="Strategic developments", sub_event_type=_TRANSFER,
                               actors=(ActorRole("actor1", receiver, Span(a, b, text[a:b])), *leaver, *rest))


# A denial that points back at a claim told just before ("…, but the ministry denied the claim", "Officials
# rejected the reports."): the taking is claimed by one side and denied by another.
_DENIED_BACK = re.compile(r"(?<![\w-])(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
                          r"(?:(?:the|this|that|these|those|such|their|its|his|her)\s+)?(?:[\w'’-]+\s+)?"
                          r"(?:claims?|reports?|assertions?|allegations?|accounts?)\b|"
                          r"(?<![\w-])(?:denied|denies|rejected|dismissed)\s+it\b|"
                          r"(?<![\w-])(?:claims?|reports?)\s+(?:was|were|is|are)\s+(?:false|untrue|baseless|"
                          r"fabricated|propaganda|lies)\b", re.I)
_NEXT_SENTENCE = 200  # characters after the claim's sentence read for a denial of it


def denied_back(claim: Claim, text: str) -> Claim | None:
    """A denial of a taking told after it, in its sentence or the next ("the Taliban said they captured X, but the
    ministry denied the claim"), as a denying claim of the same taking: fused with it, the taking is contested, not
    held. None when no such denial follows, or the claim is no affirmed taking."""
    t = claim.trigger
    if (t is None or claim.sub_event_type not in TERRITORY_SUB_TYPES or claim.control_change is not None
            or claim.certainty == Certainty.DENIED):
        return None
    end = claim.sentence.end
    stop = re.compile(r"[.!?](?:\s|$)").search(text, end, min(len(text), end + _NEXT_SENTENCE))
    m = _DENIED_BACK.search(text, t.end, stop.end() if stop else min(len(text), end + _NEXT_SENTENCE))
    if m is None:
        return None
    return dataclasses.replace(claim, claim_id=stable_id(claim.claim_id, "denied-back"), certainty=Certainty.DENIED,
                               method=claim.method + " denial:back-reference")


# A town's name told with its scope word: "the (coastal) town of X", "the city of X" (after), "X town", "X city"
# (before); a name is capitalised words, at most three.
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_NAMED_AFTER = re.compile(rf"\s+of\s+({_NAME})")
_NAMED_BEFORE = re.compile(rf"(?<![\w'’-])({_NAME})\s+$")


def unlisted_town(claim: Claim, text: str, found: tuple[str, Span] | None,
                  clause: Sequence[PlaceMention] = ()) -> Claim:
    """A town or city taken that the text names ("the coastal town of X in Y region", "X city, in Y province") but
    the gazetteer does not hold, so that the claim is placed only at its province: the place taken is that town,
    somewhere in the province (a populated place of no known district: the province contested, never held; or the
    province's district named as it is). Not a name the clause's places resolved (`clause`: each has a claim of its
    own), nor the province's own."""
    place = claim.place
    if found is None or found[0] not in ("centre", "city") or place is None or place.feature_code != "ADM1":
        return claim
    span = found[1]
    m = _NAMED_AFTER.match(text, span.end) or _NAMED_BEFORE.search(text, max(0, span.start - 60), span.start)
    if m is None:
        return claim
    name = m.group(1)
    known = {p.span.text.lower() for p in (*claim.places, *clause) if p.place is not None} | {place.name.lower(),
                                                                                  (place.admin1 or "").lower()}
    if any(name.lower() in k or k in name.lower() for k in known if k):
        return claim
    # the province's point and precision stand for it; no gazetteer id: no point of its own (no nearest district)
    town = dataclasses.replace(place, name=name, gazetteer_id=None, feature_code="PPL", admin2=None,
                               admin2_code=None)
    at = Span(m.start(1), m.end(1), name)
    return dataclasses.replace(claim, places=(PlaceMention(at, town, None, "unlisted town in its province"),
                                              *claim.places))


# Words of fighting in a taking's sentence: a taking after a withdrawal with them was fought for, not handed over.
_FIGHT = re.compile(r"(?<![\w-])(?:fight\w*|clash\w*|battl\w+|attack\w*|assault\w*|offensive|storm\w*|overr[ua]n\w*|"
                    r"shell\w*|bombard\w*|strikes?|airstrikes?|killed|killing|dead|wounded|injured|casualt\w+|"
                    r"ambush\w*|fierce|heavy|gunfire|firefights?|resist\w*|push\w*|repel\w*|drove|driv\w+|"
                    r"expel\w*|oust\w*|besieg\w*|siege|recaptur\w+|retook|retake\w*|regain\w*)(?![\w-])", re.I)
# "without resistance", "without a fight", "with no fighting": no fighting said
_UNOPPOSED = re.compile(r"(?<![\w-])(?:without|with\s+no|no)\s+(?:any\s+|a\s+|much\s+)?(?:armed\s+)?(?:resistance|"
                        r"fight(?:ing)?|clash(?:es)?|battle|a\s+shot\s+(?:being\s+)?fired|bloodshed)(?![\w-])", re.I)
_FLED = re.compile(r"(?<![\w-])fled(?![\w-])", re.I)
_TAKINGS = ("Non-state actor overtakes territory", "Government regains territory")
_TRANSFER = "Non-violent transfer of territory"


def taken_unopposed(claim: Claim, text: str, withdrawal_re: re.Pattern[str]) -> Claim:
    """A taking whose sentence says the other side withdrew (before it, or "after / following" its withdrawal) and
    tells no fighting and no toll ("militants took control of X after police pulled out"): ACLED codes such a
    taking a non-violent transfer of territory, the taker actor 1 and the side that left actor 2. A recapture or a
    drive ("retook", "drove out") is told as fought for."""
    s = claim.sentence
    if (claim.sub_event_type not in _TAKINGS or claim.control_change is not None or claim.trigger is None
            or claim.fatalities_acled or claim.actor("actor2") is None or claim.actor("actor1") is None):
        return claim
    left = withdrawal_re.search(text, s.start, s.end) or _FLED.search(text, s.start, s.end)
    if claim.actor("actor1").name == claim.actor("actor2").name or not left:
        return claim
    told = _UNOPPOSED.sub(" ", text[s.start:s.end])
    if _FIGHT.search(told):
        return claim
    return dataclasses.replace(claim, event_type="Strategic developments",
                               sub_event_type="Non-violent transfer of territory")
