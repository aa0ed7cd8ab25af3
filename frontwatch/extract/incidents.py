"""One incident, one event: a report tells one attack in several words and sentences ("a car bomb … the blast … the
attack … seven were arrested"), and each sentence's claim is typed and dated on its own (suicide bomb, IED, armed
clash; the day the text gives, else the report's). Within one report:
- a place's incident told on a day of its own before the report's gathers that place's claims left on the report's
  day (sentences that name no day fall back to the report's; a report is often a day late);
- violent claims of one place and one day take the type of the first of them told (the report's lead), or of
  state forces' battle there where the lead was others' one-sided attack (ACLED's precedence); but a sentence that
  opens on a reaction to it ("In revenge, …") is a retaliation, an incident of its own;
- arrests and seizures at that place and day are the incident's end or its investigation, not events of their own
  (ACLED: "arrests at the end of a battle are part of it").
Fusion then makes one event of them instead of one per type or per day.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from frontwatch.extract.follow_ups import _RESPONSE
from frontwatch.extract.place_mentions import own_toll
from frontwatch.model import NOT_AN_EVENT, TERRITORY_SUB_TYPES, Certainty, Claim, TimeSpan

# Types that one violent incident's words may scatter over; protests, riots and strategic developments (an arrest
# after the attack) stay events of their own, and so do changes of hands (control reads them: a district taken after
# a day's fighting is two things).
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# What follows an attack at its place and day without being an event of its own.
_AFTERMATH = frozenset({"Arrests", "Disrupted weapons use"})
# A claim the text dates to the report's own day may still be the incident of the day before: reports filed the
# next morning tell the night's attack at "7 p.m." or "tonight".
_LATE_REPORT_DAYS = 1
# How far back an incident told on its own day gathers the report's undated sentences about its place (the
# articles' recent window, as `background.RECENT_DAYS`).
_RECENT_DAYS = 30


# An arrest sentence that points back at the incident or its doer ("in connection with the blast", "the shooter's
# family … were detained") tells its investigation, wherever the arrests were made.
_INVESTIGATION = re.compile(
    r"\b(?:in\s+connection\s+with|over|for|after|following|in\s+the\s+wake\s+of)\s+(?:the|this|that|these|those)\s+"
    r"(?:\w+\s+)?(?:attacks?|assault|bombings?|blasts?|explosions?|killings?|shootings?|assassination|massacre|"
    r"ambush|raid)\b"
    r"|\b(?:the|this|that)\s+(?:shooter|gunman|gunmen|attacker|attackers|bomber|bombers|assailant|assailants|"
    r"killer|killers)(?:'s|’s|s'|s’)?\s", re.IGNORECASE)

# Unnamed rallies: a singular crowd word ("a London rally for the people of X") is one gathering, however many places
# its phrase names; plural words ("protests in X and Y") may be several.
_CROWD_TYPES = frozenset({"Protests", "Riots"})


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*", re.I)


def _coordinated(placed: Sequence[Claim]) -> bool:
    """Whether the claims' places are named as one list ("in X, Y and Z") in their sentence."""
    spans = sorted({(m.start, m.end) for c in placed if (m := c.places[0].span) is not None})
    sent = placed[0].sentence
    gaps = [sent.text[a_end - sent.start:b_start - sent.start]
            for (_, a_end), (b_start, _) in itertools.pairwise(spans)]
    return bool(gaps) and all(_LIST_GAP.fullmatch(g) for g in gaps)


def _one_rally(claims: Sequence[Claim]) -> list[Claim]:
    """Of the claims one singular crowd word makes, one per place its phrase names, the one whose place is named
    nearest the word."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if c.event_type in _CROWD_TYPES and c.trigger is not None and not c.trigger.text.lower().endswith("s"):
            groups.setdefault((c.document_id, c.trigger.start, c.trigger.end, c.event_type), []).append(c)
    drop: set[int] = set()
    for group in groups.values():
        placed = [c for c in group if c.places and c.places[0].span is not None]
        if len(placed) < 2:
            continue
        if _coordinated(placed) or all(own_toll(m) is not None for c in placed for m in c.places[:1]):
            continue  # "protest in X and Y", "one died in X and one in Y": the places it happened in, one event each
        t = group[0].trigger
        assert t is not None

        def distance(c: Claim, t=t) -> int:  # type: ignore[no-untyped-def]
            m = c.places[0].span
            return max(t.start - m.end, m.start - t.end, 0)

        keep = min(placed, key=distance)
        # the nearest place with the list it is named in ("drivers in X and Y towns protested … outside Z"): the
        # places it happened in, one event each
        run = _list_around(placed, keep)
        drop.update(id(c) for c in placed if all(c is not k for k in run))
    return [c for c in claims if id(c) not in drop]


def _list_around(placed: Sequence[Claim], keep: Claim) -> list[Claim]:
    """The claims whose places are named in one list ("in X, Y and Z") with `keep`'s, `keep` among them."""
    order = sorted(placed, key=lambda c: c.places[0].span.start)
    k = next(i for i, c in enumerate(order) if c is keep)
    lo, hi = k, k
    while lo > 0 and _coordinated([order[lo - 1], order[lo]]):
        lo -= 1
    while hi + 1 < len(order) and _coordinated([order[hi], order[hi + 1]]):
        hi += 1
    return order[lo:hi + 1]


def _tolls_per_place(claims: Sequence[Claim]) -> list[Claim]:
    """ "Two died, one in X and the other in Y": the claims one trigger made for places the text counts one by one
    (`place_mentions.counted_places`) take each place's own count, where the counts add up to the toll the sentence
    gave any of them (the toll reaches one claim of the list, or each whole, before this)."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        if c.places and own_toll(c.places[0]) is not None:  # a claim only the classifier read has no trigger
            groups.setdefault((c.document_id, c.sentence.start, c.trigger.start if c.trigger else -1), []).append(c)
    share: dict[int, tuple[int, Claim]] = {}
    for group in groups.values():
        own = [own_toll(c.places[0]) or 0 for c in group]
        told = max(group, key=lambda c: c.fatalities_acled)
        if len(group) > 1 and sum(own) == told.fatalities_acled > 0:
            share.update((id(c), (n, told)) for c, n in zip(group, own, strict=True))
    # each keeps the sentence's counts the toll was read from (later steps check that the dead told died)
    return [dataclasses.replace(c, fatalities_acled=share[id(c)][0], counts=c.counts or share[id(c)][1].counts,
                                method=c.method + " toll:per-place")
            if id(c) in share else c for c in claims]


def _place_key(claim: Claim) -> tuple[object, ...] | None:
    """One place of a report, by name within its first-level division: a city and the province of the same name
    ("Ankara", "Ankara") are one place to a reader, though the gazetteer holds two entries."""
    p = claim.place
    return None if p is None else (p.country, p.admin1, p.name.casefold())


def _is_violent(claim: Claim) -> bool:
    return (claim.event_type in _VIOLENT and claim.certainty != Certainty.DENIED
            and claim.sub_event_type not in TERRITORY_SUB_TYPES)


def _one_day(t: TimeSpan | None) -> date | None:
    return t.low if t is not None and t.low == t.high else None


def _family(claim: Claim) -> str | None:
    """What a claim may be one incident with: any violence (one attack's words scatter over the violent types),
    else its own type (a protest with the protest); arrests and seizures go with the violence they end."""
    if _is_violent(claim):
        return "violence"
    if claim.event_type == "Strategic developments" and claim.sub_event_type in _AFTERMATH:
        return "violence"
    if claim.event_type == NOT_AN_EVENT or claim.certainty == Certainty.DENIED:
        return None
    return claim.event_type


def _incident_days(claims: Sequence[Claim], published: date) -> tuple[list[Claim], dict[tuple[object, ...], Claim]]:
    """Claims of a place left on the report's day, moved to the day of that place's incident of their kind told
    before the report's day (the first told): all of them where it is the day before, else those the text gave no
    day, unless the text tells another of that place's incidents of the report's day. Also the claim that told each
    place's violent incident day."""
    told: dict[tuple[object, ...], Claim] = {}
    text_dated_today: set[tuple[object, ...]] = set()
    for c in claims:
        place, day, family = _place_key(c), _one_day(c.time), _family(c)
        if (place is None or day is None or c.time is None or c.time.assumed or family is None
                or c.event_type == "Strategic developments"):
            continue
        if day == published:
            text_dated_today.add((place, family))
        elif published - timedelta(days=_RECENT_DAYS) <= day < published:
            told.setdefault((place, family), c)
    out = []
    for c in claims:
        key = (_place_key(c), _family(c))
        incident = told[key].time if key in told and key[1] is not None else None
        if (incident is not None and _one_day(c.time) == published and c.time is not None
                and ((published - incident.low).days <= _LATE_REPORT_DAYS
                     or (c.time.assumed and key not in text_dated_today))):
            c = dataclasses.replace(c, time=incident, method=c.method + " time:incident")
        out.append(c)
    return out, {k[0]: c for k, c in told.items() if k[1] == "violence"}


def _own_place(claim: Claim) -> bool:
    """Whether the claim's place is its own sentence's, not borrowed from the nearest sentence naming one or from
    another incident's clause, and below a country (a country names no incident's place: "a woman visiting from
    Canada")."""
    p = claim.place
    return (p is not None and not {"place:report", "place:other-incident"} & set(claim.method.split())
            and not (p.feature_code or "PCL").startswith(("PCL", "CONT")))


def _other_incidents_place(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """ "Sunday's blast came two days after bombs killed six in X": a claim that took its place from the sentence
    (`place:sentence`) where another claim of that sentence, told on another day, names that place in its own
    clause, has borrowed the other incident's place. It is marked `place:other-incident` and placed as a sentence
    that names none (`_incident_places`: its day's incident)."""
    own: dict[tuple[int, int, int], set[tuple[object, ...]]] = {}  # (sentence, place span) -> days told there
    for c in claims:
        if "place:clause" in c.method.split() and c.places and (span := c.places[0].span) is not None:
            own.setdefault((c.sentence.start, span.start, span.end), set()).add(_day(c, published))
    if not own:
        return list(claims)
    out = []
    for c in claims:
        if "place:sentence" in c.method.split() and c.places and (span := c.places[0].span) is not None:
            days = own.get((c.sentence.start, span.start, span.end), set())
            if days and _day(c, published) not in days:
                c = dataclasses.replace(c, method=c.method + " place:other-incident")
        out.append(c)
    return out


def _incident_places(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """Claims placed only by the nearest sentence that names a place ("place:report": often a dateline's city, a
    place of the background, a photo caption's) take the place of their day's incident told with a place of its
    own: the one place of that day's claims of their type, else of all that day's claims, else the place most of
    that day's claims name (the day's main incident, told again and again: a side mention once does not make the
    day's news two-sided); none where no place holds most of them."""
    by_day: dict[tuple[object, ...], dict[tuple[object, ...], Claim]] = {}
    by_type: dict[tuple[object, ...], dict[tuple[object, ...], Claim]] = {}
    told: Counter[tuple[object, ...]] = Counter()  # (day, place) -> claims placed there by their own sentence
    for c in claims:
        if c.event_type == NOT_AN_EVENT or not _own_place(c) or (key := _place_key(c)) is None:
            continue
        day = _day(c, published)
        by_day.setdefault(day, {}).setdefault(key, c)
        by_type.setdefault((c.event_type, *day), {}).setdefault(key, c)
        told[(*day, key)] += 1
    out = []
    for c in claims:
        if c.place is not None and not _own_place(c) and c.event_type != NOT_AN_EVENT:
            day = _day(c, published)
            same = by_type.get((c.event_type, *day)) or by_day.get(day) or {}
            there = next(iter(same.values())) if len(same) == 1 else _most_told(same, told, day)
            if there is not None and there.place != c.place:
                c = dataclasses.replace(c, places=there.places, method=c.method + " place:incident")
        out.append(c)
    return out


def _most_told(same: dict[tuple[object, ...], Claim], told: Counter[tuple[object, ...]], day: tuple[object, ...]
               ) -> Claim | None:
    """Of a day's places, the one its claims name more often than all the others together, if any."""
    if not same:
        return None
    n = {k: told[(*day, k)] for k in same}
    best = max(n, key=lambda k: n[k])
    return same[best] if 2 * n[best] > sum(n.values()) else None


def _day(claim: Claim, published: date | None) -> tuple[object, ...]:
    t = claim.time
    return (t.low, t.high) if t is not None else (published, published)


def _key(claim: Claim, published: date | None) -> tuple[object, ...] | None:
    # by name within its first-level division: "the attack in Ankara" (the city) and "killed in Ankara" read as the
    # province of that name are one incident
    place = _place_key(claim)
    if place is None or not _is_violent(claim):
        return None
    return (place, *_day(claim, published))


def _town_first(claims: Sequence[Claim], published: date | None) -> dict[tuple[object, ...], Claim]:
    """Per incident key, the claim whose place is a town where one of them names it so: a city and the province of
    its name are one place to a reader, and the event sits at the town (one unit, so one event in fusion)."""
    out: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        if (key := _key(c, published)) is None:
            continue
        best = out.get(key)
        if best is None or (not _town(best) and _town(c)):
            out[key] = c
    return out


def _town(claim: Claim) -> bool:
    return claim.place is not None and (claim.place.feature_code or "").startswith("PPL")


def _crowd_tolls(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """A killing told in the sentence of a riot or protest at its place and day ("clashes with police left one man
    dead", "rioters threw stones and two died") is that crowd event's toll, not an attack of its own (ACLED: the
    dead of a riot are its fatalities). Marked `background:crowd-toll`; the crowd claim takes its counts where it
    has none."""
    crowds: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        if c.event_type in _CROWD_TYPES and c.certainty != Certainty.DENIED and (p := _place_key(c)) is not None:
            crowds.setdefault((c.sentence.start, p, *_day(c, published)), c)
    if not crowds:
        return list(claims)
    tolls: dict[int, Claim] = {}  # id(crowd claim) -> a killing claim giving it its counts
    out = []
    for c in claims:
        crowd = None
        if (c.event_type == "Violence against civilians" and "category:kill" in c.method.split()
                and (p := _place_key(c)) is not None):
            crowd = crowds.get((c.sentence.start, p, *_day(c, published)))
        if crowd is None:
            out.append(c)
            continue
        if c.counts and not crowd.counts:
            tolls.setdefault(id(crowd), c)
        out.append(dataclasses.replace(c, event_type=NOT_AN_EVENT, sub_event_type=None,
                                       method=c.method + " background:crowd-toll"))
    return [dataclasses.replace(c, counts=t.counts, fatalities_acled=t.fatalities_acled,
                                method=c.method + " counts:crowd-toll")
            if (t := tolls.get(id(c))) is not None else c for c in out]


def _crowd_arrests(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """Arrests told with or after a protest or riot at its place and day ("police detained about 70 of the
    marchers") are the intervention in that crowd event, not an event of their own (ACLED codes them in the
    demonstration). Marked `background:crowd-arrests`."""
    crowds: dict[tuple[object, ...], int] = {}  # (place, day) -> where the text first tells the crowd event
    for c in claims:
        if c.event_type in _CROWD_TYPES and c.certainty != Certainty.DENIED and (p := _place_key(c)) is not None:
            where = (p, *_day(c, published))
            crowds[where] = min(crowds.get(where, c.sentence.start), c.sentence.start)
    if not crowds:
        return list(claims)
    return [dataclasses.replace(c, event_type=NOT_AN_EVENT, sub_event_type=None,
                                method=c.method + " background:crowd-arrests")
            if c.event_type == "Strategic developments" and c.sub_event_type == "Arrests"
            and (first := crowds.get((_place_key(c), *_day(c, published)))) is not None
            and c.sentence.start >= first
            else c for c in claims]


def one_incident(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """`claims` (in text order) as one incident per place and day: undated sentences on the incident's day, and at
    its place where only a neighbouring sentence placed them; the
    violent claims typed as the one that told the incident's day, else as the first told (the report's lead);
    arrests and seizures there that day no event (`NOT_AN_EVENT`, marked `background:incident-aftermath`)."""
    told: dict[tuple[object, ...], Claim] = {}
    # places first (a sentence placed by its neighbour is dated with its true place's incident), then again with
    # the days the incidents gave
    claims = _incident_places(_other_incidents_place(_crowd_tolls(_one_rally(claims), published), published),
                              published)
    claims = _tolls_per_place(claims)
    if published is not None:
        claims, told = _incident_days(claims, published)
        claims = _incident_places(claims, published)
    lead: dict[tuple[object, ...], Claim] = {}
    for c in told.values():
        lead.setdefault(_key(c, published), c)  # type: ignore[arg-type]
    responded: set[tuple[object, ...]] = set()  # incidents whose battle is told as the response to them
    for c in claims:
        # ACLED's precedence: where the incident's words tell state forces fighting as well as others' one-sided
        # violence ("raiders attacked a village … police battled them"), the battle is the event; not where the
        # battle is told as the response to it ("Responding to the calls, police battled them"): an incident of its
        # own, which later words about that battle do not make the lead either
        if (key := _key(c, published)) is not None and (first := lead.setdefault(key, c)) is not c and (
                first.event_type == "Violence against civilians" and c.sub_event_type == "Armed clash"
                and any(r.actor.inter == 1 for r in c.actors)
                and not any(r.actor.inter == 1 for r in first.actors if r.role == "actor1")) and key not in responded:
            if c.sentence.start > first.sentence.start and _RESPONSE.match(c.sentence.text):
                responded.add(key)
            else:
                lead[key] = c
    out = []
    attacked: dict[tuple[object, ...], int] = {}  # (place, day) -> where the text first tells violence there
    towns = _town_first(claims, published)
    for c in claims:
        key = _key(c, published)
        if key is None:
            out.append(c)
            continue
        if (town := towns[key]).place != c.place:
            c = dataclasses.replace(c, places=town.places, method=c.method + " place:incident-town")
        where = (_place_key(c), *_day(c, published))
        attacked[where] = min(attacked.get(where, c.sentence.start), c.sentence.start)
        first = lead.setdefault(key, c)
        if (first.event_type, first.sub_event_type) != (c.event_type, c.sub_event_type) and not (
                c.sentence.start > first.sentence.start and _RESPONSE.match(c.sentence.text)):
            c = dataclasses.replace(c, event_type=first.event_type, sub_event_type=first.sub_event_type,
                                    method=c.method + " type:incident-lead")
        out.append(c)
    attack_days: dict[tuple[object, ...], int] = {}
    for k, start in attacked.items():
        day = (k[0][0] if isinstance(k[0], tuple) else None, *k[1:])
        attack_days[day] = min(attack_days.get(day, start), start)
    # A device defused in the sentence that names it ("the army defused a bomb …") is the news, not the end of an
    # explosion: the bomb word there is the disrupted weapon itself.
    devices = {(c.sentence.start, c.sentence.end) for c in out if c.event_type == "Explosions/Remote violence"}
    out = _crowd_arrests(out, published)
    return [dataclasses.replace(c, event_type=NOT_AN_EVENT, sub_event_type=None,
                                method=c.method + " background:incident-aftermath")
            if c.event_type == "Strategic developments" and c.sub_event_type in _AFTERMATH
            and not (c.sub_event_type == "Disrupted weapons use" and (c.sentence.start, c.sentence.end) in devices)
            # an aftermath is told after the incident: arrests told first are the report's own news
            and (c.sentence.start > attacked.get((_place_key(c), *_day(c, published)), c.sentence.start)
                 or (c.place is not None
                     and c.sentence.start > attack_days.get((c.place.country, *_day(c, published)), c.sentence.start)
                     and _INVESTIGATION.search(c.sentence.text)))
            else c for c in out]
