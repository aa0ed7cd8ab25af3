"""The scope of a taking: how much of a place changed hands, read from the words around the trigger and the place.

"overran two security posts in X district", "captured the village of Y", "took control of the X district centre",
"the city fell", "retook the district" all come out as territory claims; what they say about who holds the district
differs (docs/control.md). The words are in scope.yaml, by scope, smallest first:

    post < village < centre < district < city < capital (of a province) < province

Where the scope word is looked for, in order (the first that finds one wins), after a landmark ("near X"):
0. a trigger in a relative clause: the noun phrase the pronoun stands for ("the post, which the Taliban occupied");
1. between the trigger and the claim's place ("captured [the village of] Y", "[X district] was taken");
2. the trigger's object, when the place came before the trigger ("In X, militants overran [a checkpoint]");
3. next to the place: before it ("the town of X", Persian "ولسوالی X") or after it ("X district", "X's capital",
   "X, the capital of Y province");
4. without a place: after the trigger ("overran the city"), else its subject ("the city fell").
A window stops at a clause boundary, so a word of another clause ("... after clashes near a checkpoint") is not read.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from frontwatch.extract import scope_after
from frontwatch.extract.scope_after import denied_back, leaver_named_after, part_named_after, unlisted_town
from frontwatch.model import (
    SUB_EVENT_TYPES,
    TERRITORY_SUB_TYPES,
    Actor,
    ActorRole,
    Certainty,
    Claim,
    PlaceMention,
    Span,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from frontwatch.extract.actors import ActorDictionary

# Smallest first: the order the control rules compare scopes in.
SCOPES = ("post", "village", "centre", "district", "city", "capital", "province")
WITHDRAWN = "withdrawn"
HANDED_OVER = "handed over"

_WINDOW = 100  # characters between a trigger and its place beyond which the words are no longer its object
_OBJECT = 45  # characters after a trigger read as its object
_BREAK = re.compile(r"[;.!?:\"“”]|,|\s(?:after|as|when|while|following|before|during|amid|but|which|who|where|"
                    r"killing|leaving|and then|since|until)\s", re.I)


def _pattern(phrase: str) -> str:
    # Words joined by any space or a zero-width non-joiner (Persian plurals); Arabic and Persian forms of ی and ک.
    parts = [re.escape(w).replace("ی", "[یي]").replace("ک", "[کك]") for w in phrase.split()]
    return r"(?<![\w-])" + r"[\s\u200c]+".join(parts) + r"(?![\w-])"


@dataclasses.dataclass(frozen=True)
class _Lexicon:
    scope_re: re.Pattern[str]
    scope_of: tuple[str, ...]  # the scope of each alternative group, by group index
    withdrawal_re: re.Pattern[str]
    handover_re: re.Pattern[str]
    relational_re: re.Pattern[str]  # ends where the landmark's name begins


@cache
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(resources.files("frontwatch.extract").joinpath("scope.yaml").read_text("utf-8"))
    rows = [(str(p), scope) for scope in SCOPES for p in data["scopes"].get(scope, ())]
    rows.sort(key=lambda r: -len(r[0]))  # longest first: "district centre" before "district"
    scope_re = re.compile("|".join(f"({_pattern(p)})" for p, _ in rows), re.I)
    def verbs(key: str) -> re.Pattern[str]:
        words = sorted((str(w) for w in data.get(key, ())), key=len, reverse=True)
        return re.compile("|".join(_pattern(w) for w in words), re.I)

    # a distance may be joined to its unit ("30km from Y"): a digit before the word does not make it part of a word
    relational = verbs("relational").pattern.replace(r"(?<![\w-])", r"(?<![^\W\d]|-)")
    relational_re = re.compile(rf"(?:{relational})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
    return _Lexicon(scope_re, tuple(s for _, s in rows), verbs("withdrawal"), verbs("handover"), relational_re)


def _matches(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    lex = _lexicon()
    out = []
    for m in lex.scope_re.finditer(text, start, end):
        if text.startswith("'s", m.end()) or text.startswith("’s", m.end()):
            continue  # "the district's police chief": a modifier, not what was taken
        assert m.lastindex is not None
        out.append((lex.scope_of[m.lastindex - 1], Span(m.start(), m.end(), m.group(0))))
    return out


# Between a place and a scope word naming it: nothing ("X district"), a possessive ("X's capital") or an apposition
# ("X, the capital of …", "X، مرکز ولایت …").
# A name's capitalised word the geoparser left out of the mention ("[Bulo] Burde town") still belongs to the name.
# "X's capital", "X City district", "[X]-Y highway" (a road named by the two towns it joins)
_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*|[-–][A-Z][\w'’-]*)?(?:'s|’s)?\s*"
                    r"|\s*[,،]\s*(?:(?:the|a|an|its)\s+)?(?:[\w'-]+\s+){0,2}?")


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _BREAK.search(text, start, limit)
    return m.start() if m else limit


def _clause_start(text: str, end: int, limit: int) -> int:
    last = None
    for m in _BREAK.finditer(text, limit, end):
        last = m
    return last.end() if last else limit


# "in X province", "in the restive X district", "در ولایت X": the place is where it happened, not what was taken.
_LOCATIVE = re.compile(r"(?<![\w-])(?:in|at|near|across|within|(?<!out\s)of|around|outside|inside|throughout|در)\s+"
                       r"(?:[\w'’-]+\s+){0,3}$", re.I)


# "control of X district / the main X highway / the entire length of the X-Y road": X itself changed hands
_CONTROL_OF = re.compile(r"(?<![\w-])(?i:control\s+(?:of|over)\s+(?:the\s+)?(?:(?:entire|whole|full)\s+)?"
                         r"(?:(?:length|stretch)\s+of\s+(?:the\s+)?)?)(?:[a-z][\w'’-]*\s+){0,2}$")


def _next_to(text: str, mention: PlaceMention, floor: int, ceiling: int) -> tuple[str, Span] | None:
    """A scope word naming the place itself: "the village of X", "ولسوالی X"; "X district", "X's capital",
    "X, the capital of Y province", "X، مرکز ولایت"; or inside the mention when the geoparser took the word in
    ("[X district]")."""
    before = [m for m in _matches(text, max(floor, mention.span.start - 30), mention.span.start)
              if re.fullmatch(r"\s*(?:of\s+)?(?:the\s+)?", text[m[1].end:mention.span.start], re.I)]
    if before:
        return before[-1]
    if (_LOCATIVE.search(text, max(floor, mention.span.start - 40), mention.span.start)
            and not _CONTROL_OF.search(text, max(floor, mention.span.start - 70), mention.span.start)):
        return None
    inside = _matches(text, mention.span.start, mention.span.end)
    if inside:
        return inside[-1]
    found = _matches(text, mention.span.end, min(ceiling, mention.span.end + 40))
    if found and _AFTER.fullmatch(text, mention.span.end, found[0][1].start):
        return found[0]
    return None


def _landmark(text: str, mention: PlaceMention) -> Span | None:
    """The words that make the place a landmark ("between Y and", "north of", "near"), if they precede it."""
    m = _lexicon().relational_re.search(text, max(0, mention.span.start - 60), mention.span.start)
    return Span(m.start(), m.end(), m.group(0).strip()) if m else None


# "in X", "inside X": the place where something was taken, not a part of ("the headquarters of X") or the place.
_INSIDE = re.compile(r"(?<![\w-])(?:in|at|inside|within|across|throughout|در)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# Words between a trigger and a place named where it happened that name no object: "took control in X district".
_NO_OBJECT = re.compile(r"(?:\s|\b(?:the|a|an|all|whole|entire|full|complete|total|effective|control|over|of|back|"
                        r"it|them|again|fully|also|later|then|on|\w+day)\b)*", re.I)


def _object_inside(text: str, trigger: Span, mention: PlaceMention) -> Span | None:
    """The trigger's object when the place after it is named where the taking happened ("captured [Y] in X
    province", "won back [two posts and a bridge] in X"): something inside X was taken, not X."""
    between = text[trigger.end:mention.span.start]
    loc = _INSIDE.search(between)
    if loc is None or _BREAK.search(between, 0, loc.start()):
        return None
    obj = between[:loc.start()]
    if _NO_OBJECT.fullmatch(obj):
        return None
    lead = len(obj) - len(obj.lstrip())
    return Span(trigger.end + lead, trigger.end + len(obj.rstrip()), obj.strip())


# An object told with an indefinite article or a count ("a town", "two villages"): a place the text does not name.
_INDEFINITE = re.compile(r"\s*(?:(?:on\s+)?\w+day\s+)?(?:a|an|another|one|two|three|four|five|several|some)\s+"
                         r"(?:[\w'’-]+\s+){0,2}", re.I)


def _below_province(mention: PlaceMention) -> bool:
    code = (mention.place.feature_code or "") if mention.place is not None else ""
    return not code.startswith(("ADM1", "PCL"))


_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b", re.I)


def _antecedent(text: str, lo: int, t: Span) -> tuple[str, Span] | None:
    """The trigger takes a pronoun ("attacked the village of Y in X county and seized it"): what the pronoun stands
    for is the last scope word named before the trigger in its sentence."""
    if not _PRONOUN_OBJECT.match(text, t.end):
        return None
    found = _matches(text, lo, t.start)
    return found[-1] if found else None


# A relative pronoun opening the trigger's clause, up to five words before it ("…, which the Taliban then occupied").
_RELATIVE = re.compile(r"(?:,\s*|\s)(?:which|that)\s+(?:[\w'’-]+\s+){0,5}$", re.I)


def _relative(text: str, lo: int, t: Span) -> tuple[str, Span] | None:
    """A trigger in a relative clause takes what the pronoun stands for: the noun phrase just before it ("[a security
    post] in X district, which the Taliban then occupied", "[the district centre] of X, which fell to Y"); its
    first scope word is its head noun's (the words after it only locate it)."""
    m = _RELATIVE.search(text, max(lo, t.start - 60), t.start)
    if m is None:
        return None
    end = m.start()
    found = _matches(text, _clause_start(text, end, max(lo, end - 80)), end)
    return found[0] if found else None


def detect_scope(text: str, sentence: Span, trigger: Span | None, mention: PlaceMention | None
                 ) -> tuple[str, Span] | None:
    """The scope of the taking the trigger tells of at the mentioned place, with the words that say it."""
    lo, hi = sentence.start, sentence.end
    if mention is not None:
        # "took X, between Y and Z", "a base north of Y": Y is a landmark; what was taken is an area by it
        landmark = _landmark(text, mention)
        if landmark is not None:
            return "village", landmark
    if trigger is not None and (mention is None or mention.span.end <= trigger.start):
        # "the post, which the Taliban then occupied": what was taken is what the pronoun stands for
        found = _relative(text, lo, trigger)
        if found:
            return found
    if trigger is not None and mention is not None:
        t, p = trigger, mention.span
        if p.start >= t.end:
            # near: what lies between is the object ("captured the village of Y"); far: the trigger's own object
            end = p.start if p.start - t.end <= _WINDOW else _clause_end(text, t.end, min(hi, t.end + _OBJECT))
            found = _matches(text, t.end, end)
            if (found and p.start - t.end > _WINDOW and _INDEFINITE.fullmatch(text, t.end, found[0][1].start)
                    and _below_province(mention)):
                # far from the place, "captured [a town] …, and pushed into a quarter of X": some other place, one
                # the text does not name, was taken; X itself only locates the fighting (a province named so keeps
                # "took a district centre somewhere in it", which moves nothing)
                return "village", found[0][1]
            if found:
                return found[0]
            inside = _object_inside(text, t, mention) if p.start - t.end <= _WINDOW else None
            if inside is not None:
                return "village", inside
        elif p.end <= t.start:
            # the place came first: what lies between when near ("[X district] was taken"), then, near or far
            # (another sentence named the place), the trigger's own object ("... captured [parts of the city]")
            if t.start - p.end <= _WINDOW:
                found = _matches(text, _clause_start(text, t.start, p.end), t.start)
                if found:
                    return found[0]
            found = _matches(text, t.end, _clause_end(text, t.end, min(hi, t.end + _OBJECT)))
            if found:
                return found[0]
            found = _antecedent(text, lo, t)
            if found:
                return found
    if mention is not None:
        # a place named in another sentence is read in its own: "clashes in [X city]. … captured …"
        inside_sentence = lo <= mention.span.start < hi
        near = _next_to(text, mention, lo if inside_sentence else 0, hi if inside_sentence else len(text))
        if near is not None:
            return near
    if trigger is not None and mention is None:
        found = _matches(text, trigger.end, _clause_end(text, trigger.end, min(hi, trigger.end + _OBJECT)))
        if found:
            return found[0]
        found = _matches(text, _clause_start(text, trigger.start, max(lo, trigger.start - _OBJECT)), trigger.start)
        if found:
            return found[-1]
    return None


def control_change(text: str, trigger: Span | None) -> str | None:
    """WITHDRAWN when the trigger is a verb of leaving ("withdrew", "pulled out"), HANDED_OVER when one of giving
    up ("handed over", "surrendered"); None for a taking."""
    if trigger is None:
        return None
    lex = _lexicon()
    if lex.withdrawal_re.match(text, trigger.start):
        return WITHDRAWN
    if lex.handover_re.match(text, trigger.start) or scope_after.LEFT_IN_HANDS.match(text, trigger.start):
        return HANDED_OVER
    return WITHDRAWN if scope_after.LEFT.match(text, trigger.start) else None  # "leave" fires only on a place left


TRANSFER = "Non-violent transfer of territory"
AGREEMENT = "Agreement"
# Where the thing given up ends and its receiver begins: "surrendered [the district headquarters] to Y".
_TO = re.compile(r"\s(?:to|(?:in|into) the hands of|over to)\s", re.I)
_BY = re.compile(r"\sby\s", re.I)


# Words between a hand-over verb and a scope word that end its object: the word is further on in the clause, not
# what was given ("surrendered and lay on the road near the camp", "surrendered at the police post").
_NOT_OBJECT = re.compile(r"(?<![\w-])(?:and|or|on|near|at|in|from|with|inside|outside|beside|was|were|had|has|"
                         r"have|is|are)(?![\w-])", re.I)


def _given(text: str, claim: Claim, t: Span, mention: PlaceMention | None) -> bool:
    """Does the hand-over word at `t` give up a place: a scope word ("surrendered [the district headquarters] to Y")
    or the place itself ("handed over [X] to Y") as its object? "surrendered to Y", "surrendered their weapons": no."""
    end = _clause_end(text, t.end, min(claim.sentence.end, t.end + _WINDOW))
    to = _TO.search(text, t.end, end)
    obj_end = to.start() if to else end
    found = _matches(text, t.end, obj_end)
    if found and not _NOT_OBJECT.search(text, t.end, found[0][1].start):
        return True
    return mention is not None and t.end <= mention.span.start < obj_end and re.fullmatch(
        r"(?:\s+(?:over|up))?\s+(?:(?:the|control\s+of|its|their)\s+)*", text[t.end:mention.span.start], re.I
    ) is not None


def _handover_in_clause(text: str, claim: Claim) -> Span | None:
    """A hand-over word in the agreement's sentence, within reach of its trigger, that gives up a place."""
    t = claim.trigger
    assert t is not None
    lo, hi = max(claim.sentence.start, t.start - _WINDOW), min(claim.sentence.end, t.end + _WINDOW)
    for m in _lexicon().handover_re.finditer(text, lo, hi):
        verb = Span(m.start(), m.end(), m.group(0))
        if _given(text, claim, verb, next((p for p in claim.places if p.place is not None), None)):
            return verb
    return None


def _taker_first(claim: Claim, text: str, t: Span, actors: ActorDictionary | None, country: str | None = None
                 ) -> Claim:
    """A hand-over's roles as ACLED codes a transfer: the side that receives the place as actor 1, the side that gave
    it up as actor 2 ("police surrendered X to the Taliban": Taliban, police). The receiver follows "to" after the
    verb at `t`; the giver is the subject (before it) or the agent of a passive ("was handed over to Y by Z")."""
    end = _clause_end(text, t.end, min(claim.sentence.end, t.end + _WINDOW))
    to = _TO.search(text, t.end, end)
    by = _BY.search(text, t.end, end)
    by_at = by.start() if by else end
    main = [r for r in claim.actors if r.role in ("actor1", "actor2")]
    taker = giver = None
    for r in main:
        if r.span is not None and to is not None and to.end() <= r.span.start < by_at:
            taker = taker or r
        elif r.span is None or r.span.end <= t.start or r.span.start >= by_at:
            giver = giver or r
    if taker is None and to is not None and actors is not None:
        # roles may not have read the receiver: the first actor named right after "to" ("to the [local] Taliban")
        found = actors.find_all(text[to.end():by_at])
        if found and found[0].start <= 12:
            m = found[0]
            a, b = to.end() + m.start, to.end() + m.end
            # "handed over to the government": the report's country's forces, as the roles name them
            taker = ActorRole("actor1", actors.of_country(m.actor, country) if country else m.actor,
                              Span(a, b, text[a:b]))
    if giver is None:
        giver = next((r for r in main if r is not taker), None)
    if taker is None and to is None and actors is not None and control_change(text, t) == HANDED_OVER:
        taker = _sole_other_group(claim, text, t, actors, giver)  # not for a withdrawal: who moved in is not said
    roles = [r for r in claim.actors if r.role not in ("actor1", "actor2")]
    if taker is not None:
        roles.insert(0, dataclasses.replace(taker, role="actor1"))
    if giver is not None and (taker is None or giver.actor.name != taker.actor.name):
        roles.append(dataclasses.replace(giver, role="actor2"))
    return dataclasses.replace(claim, actors=tuple(roles))


def _sole_other_group(claim: Claim, text: str, t: Span, actors: ActorDictionary, giver: ActorRole | None
                      ) -> ActorRole | None:
    """A place given up with no receiver after "to" ("the Taliban now hold X after police surrendered the district
    headquarters", "surrendered X after a rebel siege"): the one armed group its sentence names, other than the
    giver, received it; none or several: not said."""
    s = claim.sentence
    # named before the verb of giving ("X now hold the town after police surrendered it"), not only as its
    # circumstance ("surrendered … after X's threats": what was given may be no place)
    found = [m for m in actors.find_all(text[s.start:s.end]) if m.actor.inter in (2, 3, 4)
             and m.actor.name not in actors.generic and (giver is None or m.actor.name != giver.actor.name)]
    if not any(s.start + m.end <= t.start for m in found):
        return None
    if len({m.actor.name for m in found}) != 1:
        return None
    m = found[0]
    a, b = s.start + m.start, s.start + m.end
    return ActorRole("actor1", m.actor, Span(a, b, text[a:b]))


def _taker_after_withdrawal(claim: Claim, text: str, actors: ActorDictionary | None, country: str | None = None
                            ) -> Claim:
    """A taking told after a withdrawal in its sentence ("forces withdrew from X and the Taliban took control"):
    the side that withdrew (named before the withdrawal word) is not the taker; the side named between the
    withdrawal word and the trigger is, and the side that left is actor 2."""
    t, a1 = claim.trigger, claim.actor("actor1")
    if t is None or actors is None or a1 is None:
        return claim
    role = next(r for r in claim.actors if r.role == "actor1")
    left = [m for m in _lexicon().withdrawal_re.finditer(text, claim.sentence.start, t.start)]
    if not left or role.span is None or role.span.end > left[-1].start():
        return claim
    w = left[-1]
    named = [m for m in actors.find_all(text[w.end():t.start]) if m.actor.name != a1.name]
    if not named:
        return claim
    m = named[-1]
    if country and (m.actor.name == a1.name or actors.of_country(m.actor, country).name == a1.name):
        return claim  # "the army withdrew … and troops took control": one side
    a, b = w.end() + m.start, w.end() + m.end
    roles = [r for r in claim.actors if r.role not in ("actor1", "actor2")]
    taker = actors.of_country(m.actor, country) if country else m.actor
    return dataclasses.replace(claim, actors=(ActorRole("actor1", taker, Span(a, b, text[a:b])), *roles,
                                              dataclasses.replace(role, role="actor2")))


GOVERNMENT_REGAINS = "Government regains territory"
TAKES = "Non-state actor overtakes territory"
# A place lost to a side ("forces lost control of X to Y", "X was lost to Y"; the trigger lexicon's "lose … to").
_LOST = re.compile(r"los[te]s?|losing", re.I)


def _lost_to(claim: Claim, text: str, t: Span, actors: ActorDictionary | None, country: str | None) -> Claim:
    """A place lost to a side: the side after "to" took it (actor 1), the side that lost it (the subject) is actor
    2, and the taking is the state's only when the taker is the state's forces (the roles read the subject, the
    loser, as actor 1)."""
    claim = _taker_first(claim, text, t, actors, country)
    a1 = claim.actor("actor1")
    if a1 is None or claim.sentence.start > t.start:
        return claim
    to = _TO.search(text, t.end, min(claim.sentence.end, t.end + _WINDOW))
    first = next((r for r in claim.actors if r.role == "actor1"), None)
    if to is None or first is None or first.span is None or first.span.start < to.end():
        # no side named after "to": who took it is not said, the loser is no taker
        return dataclasses.replace(claim, actors=tuple(
            dataclasses.replace(r, role="actor2") if r is first else r for r in claim.actors if r.role != "actor2"
            or r is first))
    sub = GOVERNMENT_REGAINS if a1.inter == 1 else TAKES
    return dataclasses.replace(claim, sub_event_type=sub)


# Words before a group's name that make it the other side of a taking ("retook X from the Taliban"), and after it
# that make it a voice ("a Taliban spokesman denied …").
_OTHER_SIDE = re.compile(r"(?<![\w-])(?:from|against|with|by|between|versus|and|or)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
                         re.I)
_FROM_SIDE = re.compile(r"(?<![\w-])(?:from|against)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.I)
_VOICE = re.compile(r"(?:'s|’s)?\s+(?:spokes\w*|officials?|statement|sources?|media|commanders?\s+said)\b", re.I)


def _taker_from_report(claim: Claim, text: str, actors: ActorDictionary | None) -> Claim:
    """A taking by no one named, or by a generic word ("insurgents took over the area"), is by the one named armed
    group the report names (the locally dominant group its other mentions say), as ACLED codes it; several named
    groups, or a government's recapture: the roles stand."""
    a1, a2 = claim.actor("actor1"), claim.actor("actor2")
    if actors is None or claim.sub_event_type == GOVERNMENT_REGAINS or claim.certainty == Certainty.DENIED or (
            a1 is not None and not (a1.name in actors.generic and a1.inter in (2, 3, 4))):
        return claim  # a denial's taker is what is denied: not resolved
    named = {m.actor for m in actors.find_all(text)
             if m.actor.name not in actors.generic and m.actor.inter in (2, 3, 4) and m.rule == "alias"}
    if len(named) != 1:
        return claim  # none, or which of them is not said
    (group,) = named
    s = claim.sentence
    other = [m for m in actors.find_all(text[s.start:s.end]) if m.actor == group and (
        _OTHER_SIDE.search(text, max(s.start, s.start + m.start - 30), s.start + m.start)
        or _VOICE.match(text, s.start + m.end))]
    # "retaken from the Taliban", "an operation against the Taliban": the side it was taken from, whoever took it
    lost = any(_FROM_SIDE.search(text, max(s.start, s.start + m.start - 30), s.start + m.start) for m in other)
    if (a2 is not None and a2.name == group.name) or (other and a1 is not None) or lost:
        # "resistance forces retook X from the Taliban", "a Taliban spokesman denied a rebel takeover": the sentence
        # names the group as the other side or a voice, not the taker; named as a doer ("the Taliban attacked the
        # town, which fell to the insurgents") it is the taker
        return claim
    old = next((r for r in claim.actors if r.role == "actor1"), None)
    rest = tuple(r for r in claim.actors if r is not old)
    return dataclasses.replace(claim, actors=(ActorRole("actor1", group, old.span if old else None), *rest))


# "X came under Taliban control", "came under the control of the rebels": the side named in the phrase took it.
_CAME_UNDER = re.compile(r"c[oa]mes?\s+under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?", re.I)


def _under_control_of(claim: Claim, text: str, t: Span, actors: ActorDictionary | None, country: str | None
                      ) -> Claim:
    """A place that came under a side's control: the side named between "under" and the clause's end is actor 1
    (the roles read no side there)."""
    m = _CAME_UNDER.match(text, t.start)
    if actors is None or m is None:
        return claim
    end = _clause_end(text, m.end(), min(claim.sentence.end, m.end() + 60))
    phrase = text[m.end():end]
    control = re.search(r"\bcontrol\b(?:\s+of\s+)?", phrase, re.I)
    # the side named before "control" ("under Taliban control") or right after "control of" ("of the rebels"),
    # not further on ("the control of a new officer appointed by the government": no side took it)
    found = [f for f in actors.find_all(phrase) if control is not None and (
        f.end <= control.start() or control.end() <= f.start <= control.end() + 12)] if control else []
    if not found or control is None:
        # no side named where the phrase names who controls it: the roles' subject is no taker
        return dataclasses.replace(claim, actors=tuple(r for r in claim.actors if r.role != "actor1"))
    f = found[0]
    a, b = m.end() + f.start, m.end() + f.end
    taker = actors.of_country(f.actor, country) if country else f.actor
    rest = tuple(r for r in claim.actors if r.role != "actor1")
    return dataclasses.replace(claim, actors=(ActorRole("actor1", taker, Span(a, b, text[a:b])), *rest),
                               sub_event_type=GOVERNMENT_REGAINS if taker.inter == 1 else claim.sub_event_type)


def _national_forces_first(claim: Claim, text: str, actors: ActorDictionary | None, country: str | None) -> Claim:
    """A taking by foreign or hired forces together with the country's own ("Wagner mercenaries and Malian soldiers
    took X", "Rwandan and Mozambican troops recaptured X"): as ACLED codes a joint operation, the country's forces
    are actor 1 (the others are their associates), so the place is the state's."""
    t, a1 = claim.trigger, claim.actor("actor1")
    if actors is None or not country or t is None or a1 is None or a1.inter not in (1, 8):
        return claim
    own = actors.of_country(Actor("State forces", 1), country)
    if a1.name == own.name or own.name == "State forces":
        return claim
    start = _clause_start(text, t.start, claim.sentence.start)
    subject = text[start:t.start]
    named = any(actors.of_country(m.actor, country).name == own.name for m in actors.find_all(subject)) or any(
        actors.is_demonym(w) and actors.country_iso(w) == country for w in re.findall(r"[\w'’-]+", subject))
    if not named:
        return claim
    rest = tuple(r for r in claim.actors if r.role != "actor1")
    sub = GOVERNMENT_REGAINS if claim.sub_event_type == TAKES else claim.sub_event_type  # a transfer stays one
    return dataclasses.replace(claim, actors=(ActorRole("actor1", own), *rest), sub_event_type=sub)


# Words of taking back: ground a side had lost ("retook", "regained control", "won back").
_RETAKEN = re.compile(r"re(?:took|take|takes|taken|taking|captured?|captures|capturing|gained?|gains|gaining|claimed?|"
                      r"claims|claiming|covered?|covers|covering)|won\s+back|w[io]ns?\s+back|t[oa]ken?\s+back|"
                      r"took\s+back|liberated?|liberates|liberating", re.I)


def _retaken_by_state(claim: Claim, text: str, actors: ActorDictionary | None, country: str | None) -> Claim:
    """Ground taken back by no side named, from an armed group the sentence names as the other side ("X was
    retaken from the militants", "regained control of X after an operation against the rebels"): in news of a war,
    the state's forces of the report's country took it back, as ACLED codes an unnamed recapture."""
    t = claim.trigger
    if (actors is None or not country or t is None or claim.actor("actor1") is not None
            or claim.certainty == Certainty.DENIED or not _RETAKEN.fullmatch(t.text)):
        return claim
    s = claim.sentence
    group = claim.actor("actor2")
    if group is None:
        group = next((m.actor for m in actors.find_all(text[s.start:s.end]) if _FROM_SIDE.search(
            text, max(s.start, s.start + m.start - 30), s.start + m.start)), None)
    if group is None or group.inter not in (2, 3):
        return claim  # not from a rebel or a militia: who took it back is not said
    state = actors.of_country(Actor("State forces", 1), country)
    rest = tuple(r for r in claim.actors if r.role not in ("actor1", "actor2"))
    return dataclasses.replace(claim, sub_event_type=GOVERNMENT_REGAINS, actors=(
        ActorRole("actor1", state), *rest, ActorRole("actor2", group)))


def with_scope(claim: Claim, text: str, actors: ActorDictionary | None = None, country: str | None = None,
               clause: Sequence[PlaceMention] = ()) -> Claim:
    """The claim with its scope (territory claims and withdrawals; others unchanged). `text`: its document's text.
    A hand-over verb whose object is a place ("surrendered the district headquarters to Y") makes a non-violent
    transfer of territory whatever the trigger lexicon typed it; its receiver becomes actor 1, its giver actor 2
    (`actors`: the dictionary that finds a receiver the roles missed; `country`: the ISO code whose forces unnamed
    state forces are; `clause`: the places of the claim's clause, each of which has a claim of its own)."""
    change = control_change(text, claim.trigger)
    mention = next((m for m in claim.places if m.place is not None), claim.places[0] if claim.places else None)
    verb = claim.trigger
    if change is None and claim.sub_event_type == AGREEMENT and claim.trigger is not None:
        # "a deal under which police handed over the district centre": the agreement gave up a place
        verb = _handover_in_clause(text, claim)
        change = HANDED_OVER if verb is not None else None
    if (change == HANDED_OVER and verb is not None and claim.sub_event_type not in TERRITORY_SUB_TYPES
            and _given(text, claim, verb, mention)):
        claim = dataclasses.replace(claim, event_type=SUB_EVENT_TYPES[TRANSFER], sub_event_type=TRANSFER)
    if claim.sub_event_type not in TERRITORY_SUB_TYPES and change != WITHDRAWN:
        return claim
    agreed = scope_after.agreed_withdrawal(claim, text, verb, actors, country) if change == WITHDRAWN and verb else None
    if agreed is not None:  # "left the town under a deal with the government": a transfer to the government
        claim, change = agreed, HANDED_OVER
    elif verb is not None and (change == HANDED_OVER or (change == WITHDRAWN and claim.sub_event_type == TRANSFER)):
        # a side that withdrew, typed a transfer, gave the place up: it is actor 2, never its taker
        claim = _taker_first(claim, text, verb, actors, country)
    elif change is None and claim.trigger is not None and _LOST.fullmatch(claim.trigger.text):
        claim = _lost_to(claim, text, claim.trigger, actors, country)
    elif change is None and claim.trigger is not None and _CAME_UNDER.match(text, claim.trigger.start):
        claim = _taker_from_report(_under_control_of(claim, text, claim.trigger, actors, country), text, actors)
    elif change is None:
        claim = leaver_named_after(_taker_after_withdrawal(claim, text, actors, country), text,
                                   _lexicon().withdrawal_re, actors, country)
        claim = scope_after.taker_named_before(_taker_from_report(claim, text, actors), text, actors)
        claim = _national_forces_first(_retaken_by_state(claim, text, actors, country), text, actors, country)
        claim = scope_after.taken_unopposed(claim, text, _lexicon().withdrawal_re)  # no fight: a transfer
    # verb: the hand-over word, for an agreement; "… and took parts of it" after the trigger: a part of the place
    found = part_named_after(claim, text, scope_after.ground_taken(text, verb)  # "ground was regained": an area
                             or detect_scope(text, claim.sentence, verb, mention))
    claim = unlisted_town(claim, text, found, clause)  # "the town of X in Y province", X not in the gazetteer
    if (verb is not None and mention is not None and not claim.sentence.start <= mention.span.start
            < claim.sentence.end and scope_after.TALLY.match(text, verb.end)):
        claim = dataclasses.replace(claim, places=())  # a tally of takings names none of their places
    return dataclasses.replace(
        claim, scope=found[0] if found else None, scope_span=found[1] if found else None,
        control_change=change)


__all__ = ["HANDED_OVER", "SCOPES", "TRANSFER", "WITHDRAWN", "control_change", "denied_back", "detect_scope",
           "with_scope"]
