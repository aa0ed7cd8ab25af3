"""An event's sides completed from its report where its clause leaves them unnamed or generic: ACLED's coding rules
by type and sub-type, and the doers, targets and opponents the report's sentences name (`ActorDictionary`'s readers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.extract.actor_cues import (
    _COMMUNAL,
    _DENIED,
    _FOUGHT_WITH,
    _HERDERS_DID,
    _HIT_BEFORE,
    _NAMED_AFTER,
    _NAMED_BEFORE,
    _OFF_DUTY,
    _SPEAKER_AFTER,
    _UNKNOWN_HANDS,
    _UNNAMED_DOERS,
    _UNSEEN_DOERS,
    _VIOLENT_TYPES,
    _institution,
    _of_government,
    _paragraph,
)
from frontwatch.extract.actors import ActorDictionary
from frontwatch.model import TERRITORY_SUB_TYPES, Actor


def doers(actors: ActorDictionary, text: str, start: int, end: int, event_type: str | None, actor1: Actor | None,
          actor2: Actor | None, sub_type: str | None = None) -> tuple[Actor | None, Actor | None]:
    """An event's sides completed from its report (`text`, the event's sentence at start:end) where its clause
    leaves them unnamed or generic: the doer of violence (`identified_doer`); the other community of a
    communal clash ("fighting between X and Y"); civilians as the target of an armed group's explosion or
    remote attack that names no armed target (ACLED's convention, as for violence against civilians)."""
    if sub_type == "Change to group/activity" and actor1 is None and actor2 is None:
        return _group_activity(actors, text, start, end)
    by_type = _by_sub_type(actors, text, start, end, event_type, actor1, actor2, sub_type)
    if by_type is not None:
        return by_type
    if event_type not in _VIOLENT_TYPES:
        return actor1, actor2
    if event_type in {"Violence against civilians", "Explosions/Remote violence"} and actor2 is not None and (
            actor2.inter in (5, 6)) and (actor1 is None or actor1.inter not in (5, 6)):
        # ACLED: the people an armed actor attacks or bombs are civilians, whatever crowd they were in ("gunmen
        # opened fire on protesters", "a grenade thrown into a rally"); a crowd it fought would make it a riot
        actor2 = Actor("Civilians", 7)
    if event_type == "Violence against civilians" and actor1 is not None and actor1.inter in (5, 6, 7):
        # civilians are its victims, never its doer ("a priest was dragged from his car and killed"), nor is a crowd
        # (ACLED: a crowd's violence is a riot; told as violence against civilians, its hands are an armed group's
        # or a group's the report names): the doer is unnamed
        if actor1.inter == 7:
            actor2 = actor2 if actor2 is not None and actor2.inter == 7 else actor1
        # (herders who attack are their community's armed men: "a farmer was hacked to death by herders")
        actor1 = Actor("Communal militia", 4) if actor1.inter == 7 and _HERDERS_DID.search(text, start, end) and (
            not _electoral(text, start, end)) else Actor("Unidentified armed group", 3)
    if event_type == "Battles" and actor1 is not None and actor1.inter == 7:
        actor1 = _fighters(actors, text, start, end, actor2)
    if actor1 is None or actor1.name in _UNNAMED_DOERS:
        skip = [actor2.name] if actor2 is not None else []
        found = actors.identified_doer(text, start, end, skip=skip) or framed_band(actors, text, skip)
        actor1 = found or actor1
    electoral = _electoral(text, start, end)
    if event_type in _VIOLENT_TYPES and (actor1 is None or actor1.name in _UNKNOWN_HANDS) and (
            actor2 is None or actor2.inter != 1) and ActorDictionary._communal_paragraph(text, start, end) and (
            not electoral):
        # "armed bandits killed five and drove off 300 goats", "an ethnic revenge attack": ACLED codes the
        # unnamed men of a livestock raid or a communal feud as a communal (identity) militia
        actor1 = Actor("Communal militia", 4)
    if event_type == "Violence against civilians" and actor1 is not None and (
            actor1.name == "Unidentified armed group"):
        # "a student was shot dead by police", "died at the hands of the police": the sentence names the doer
        actor1 = actors.state_doer(text, start, end) or actor1
    if event_type == "Battles" and (actor1 is None or actor1.name in _UNNAMED_DOERS - {"Communal militia"}) \
            and _COMMUNAL.search(text, start, end) and not electoral:
        # "an ethnically driven clash", "fighting between two tribes": communities' militias on both sides
        actor1 = Actor("Communal militia", 4)
    if event_type == "Battles" and actor1 is not None and actor1.inter == 4 and (
            actor2 is None or actor2.name in _UNNAMED_DOERS or actor2.inter == 7):
        other = [a for a in actors.community_militias(text, start, end) if a.name != actor1.name]
        actor2 = other[0] if other else actor2 if actor2 is not None and actor2.inter != 7 else (
            Actor("Communal militia", 4) if _COMMUNAL.search(text, start, end) else actor2)
    if actor1 is not None and actor1.inter in (2, 3, 4) and (actor2 is None or actor2.name == "Civilians"):
        # an armed group's attack on state forces: they are its target (ACLED's other side), civilians or not
        actor2 = actors.state_target(text, start, end) or actor2
    unnamed1 = actor1 is None or actor1.name in _UNNAMED_DOERS
    unnamed2 = actor2 is None or actor2.inter == 7 or actor2.name in _UNNAMED_DOERS
    if event_type == "Battles" and not any(a is not None and a.inter == 1 for a in (actor1, actor2)) and (
            unnamed1 or unnamed2):
        # "killed in a shootout with police", "came under fire from soldiers", "police intercepted them,
        # killing five": the state forces the sentence shows fighting are its other side (an unnamed one, or
        # both read as the same gang, gives way)
        force = actors.state_acting(text, start, end)
        # (a taking's sides are its taker and whom it was taken from, read by the territory rules: a state force
        # another sentence or its own names is no side of it unless both were left unnamed)
        taking = sub_type in TERRITORY_SUB_TYPES
        if force is None and unnamed2 and (unnamed1 or not taking):
            # the other side not named in its sentence: the state forces another sentence of its paragraph shows
            # fighting ("Raiders struck at dawn. Police pursued them …", "X gunmen raided a village. Soldiers
            # repelled the attackers"), not those who merely intervened
            force = _acting_in_paragraph(actors, text, start, end)
        if force is None and unnamed2 and not taking:
            # a fight whose own sentence names state forces, hit or not ("… leaves two police officers dead",
            # "killing three civilians and five soldiers"): they, not an unnamed gang, are its other side
            force = _state_named(actors, text, start, end)
        if force is not None:
            if actor1 is None or (actor2 is not None and actor1.name == actor2.name):
                actor1, actor2 = force, actor2 if actor2 is not None else actor1
            elif unnamed2:
                actor2 = force
            else:
                actor1 = force
    if event_type == "Battles" and sub_type not in TERRITORY_SUB_TYPES:
        # (a taking's sides are its taker and whom it was taken from, read by the territory rules)
        actor1, actor2 = _group_fought(actors, text, actor1, actor2)
        actor1, actor2 = _band_fought(actors, text, actor1, actor2)
    if sub_type == "Armed clash" and actor1 is None:
        # ACLED: an armed side no one names is an unidentified armed group
        actor1, actor2 = Actor("Unidentified armed group", 3), actor2
    if sub_type == "Armed clash" and actor2 is None and actor1 is not None:
        # the unnamed other side of a fight: a communal militia in a raid or feud, else unidentified
        actor2 = Actor("Communal militia", 4) if ActorDictionary._communal_paragraph(text, start, end) and (
            not electoral) else Actor(
            "Unidentified armed group", 3)
    if (event_type == "Explosions/Remote violence" and actor2 is None and actor1 is not None
            and actor1.inter in (2, 3, 4)):
        actor2 = Actor("Civilians", 7)
    return actor1, actor2


# Violence of an election or a political contest ("post-election violence", "election-related attacks"): its unnamed
# hands are partisans (ACLED's unidentified armed group, a political militia when named), not a community's militia,
# however "ethnic" the report calls it; a community named as the doer still is one (`identified_doer`, read before).
_ELECTORAL = re.compile(r"(?i:\b(?:post[\s-]*(?:election|poll)s?|(?:election|poll|vote|campaign)s?[\s-]+(?:related|"
                        r"linked|violence|clashes|attacks?|fighting)|electoral\s+(?:violence|clashes|dispute)|"
                        r"political(?:ly)?[\s-]+(?:violence|motivated|instigated|clashes|rivals|rivalry))\b)")


# "Security has been beefed up", "heightened security along the border": the state's forces moved or reinforced.
_SECURITY_UP = re.compile(
    r"(?i:\bsecurity\s+(?:\w+\s+){0,3}?(?:beefed|stepped|tightened|heightened|intensified|increased|boosted|"
    r"reinforced)\b|\b(?:beef(?:ed|ing)?|stepp?(?:ed|ing)?|tighten(?:ed|ing)?|heighten(?:ed|ing)?|intensif(?:y|ied|ying)|"
    r"increas(?:ed|ing)|boost(?:ed|ing)?|reinforc(?:ed|ing))\s+(?:up\s+)?(?:the\s+)?security\b)")


def _group_activity(actors: ActorDictionary, text: str, start: int, end: int) -> tuple[Actor | None, None]:
    """A group's own activity (a deployment, recruitment, a movement of forces) with no doer read from its clause:
    ACLED's actor 1 is the group it is about, the first armed actor (state forces, an armed group, a community's
    militia) its sentence names other than as a speaker; "security was beefed up" is the state's forces. (Only where
    no side was read at all: a side read as actor 2 alone is a withdrawal's, the side that left, its taker unknown.)"""
    sentence = text[start:end]
    found: list[tuple[int, Actor]] = []
    for m in actors.find_all(sentence):
        if m.actor.inter in (1, 2, 3, 4, 8) and not _SPEAKER_AFTER.match(sentence, m.end) and not _institution(
                sentence, m) and not _of_government(sentence, m) and not _DENIED.search(
                    sentence[max(0, m.start - 20): m.start]):
            found.append((start + m.start, m.actor))
            break
    found += [(a, Actor(f"{n} Ethnic Militia", 4)) for n, a, b in actors.community_doers(text) if start <= a < end]
    if not found and _SECURITY_UP.search(sentence):
        found.append((start, Actor("State forces", 1)))
    return (min(found, key=lambda f: f[0])[1] if found else None), None


def _fighters(actors: ActorDictionary, text: str, start: int, end: int, actor2: Actor | None) -> Actor:
    """The side of a fight read as civilians ("villagers clashed with pastoralists", "youths fought a rival gang"):
    ACLED never makes civilians a side of a battle; those who fight are armed men. A community the sentence names
    as doer is its militia; in a communal fight, a livestock raid or a fight of herders they are a communal militia;
    else (a fight of an election, of a town's youths) an unidentified armed group."""
    other = actor2.name if actor2 is not None else None
    own = [a for a in actors.community_militias(text, start, end) if a.name != other]
    if own:
        return own[0]
    communal = _COMMUNAL.search(text, start, end) or _HERDERS_WORD.search(text, start, end) or (
        ActorDictionary._communal_paragraph(text, start, end))
    return Actor("Communal militia", 4) if communal and not _electoral(text, start, end) else Actor(
        "Unidentified armed group", 3)


_HERDERS_WORD = re.compile(r"(?i:\b(?:herders?|herdsm[ae]n|pastoralists?|nomads?)\b)")


def _electoral(text: str, start: int, end: int) -> bool:
    """Does the paragraph of the sentence text[start:end] tell violence of an election or a political contest?"""
    a, b = _paragraph(text, start, end)
    return _ELECTORAL.search(text, a, b) is not None


def _acting_in_paragraph(actors: ActorDictionary, text: str, start: int, end: int) -> Actor | None:
    """The first state forces another sentence of the paragraph of text[start:end] shows fighting (`state_acting`)."""
    a, b = _paragraph(text, start, end)
    for m in _SENTENCE_SPAN.finditer(text, a, b):
        if m.start() <= start < m.end():
            continue  # the event's own sentence was read already
        found = actors.state_acting(text, m.start(), m.end())
        if found is not None:
            return found
    return None


def _state_named(actors: ActorDictionary, text: str, start: int, end: int) -> Actor | None:
    """The first state forces the sentence text[start:end] names other than as speakers ("police said"), the
    government as an institution, or the gear others wear ("gunmen in police uniforms")."""
    sentence = text[start:end]
    for m in actors.find_all(sentence):
        if m.actor.inter == 1 and not _SPEAKER_AFTER.match(sentence, m.end) and not _of_government(sentence, m) \
                and not _institution(sentence, m) and not _GEAR_AFTER.match(sentence, m.end) and not _OFF_DUTY.search(
                    sentence[max(0, m.start - 30): m.start]):
            return m.actor
    return None


_GEAR_AFTER = re.compile(r"(?i:\s+(?:uniforms?|fatigues|attire|clothes|clothing|gear|camouflage)\b)")
_SENTENCE_SPAN = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _by_sub_type(actors: ActorDictionary, text: str, start: int, end: int, event_type: str | None,
                 actor1: Actor | None, actor2: Actor | None, sub_type: str | None
                 ) -> tuple[Actor | None, Actor | None] | None:
    """The sides ACLED's rules for demonstrations, mobs and unseen hands give, or None where they do not apply."""
    if sub_type == "Mob violence" and actor1 is not None and actor1.inter == 5 and (actor2 is None or (
            actor2.name in actors.generic and actor2.inter in (3, 4))):
        # a mob's victims are civilians, "suspected thieves / rustlers / gangsters" too; vigilantes are the mob
        return actor1, Actor("Civilians", 7)
    if event_type in {"Riots", "Protests"} and sub_type != "Peaceful protest" and actor2 is None \
            and actor1 is not None and actor1.inter in (5, 6):
        # ACLED: the force that intervened in a demonstration or riot is its actor 2, wherever the report says so
        force = actors.intervening_force(text)
        if force is None and sub_type == "Violent demonstration":
            # "a police officer was killed in the violence", "riots after police arrested a trader": the state
            # forces a riot's paragraph names, other than as speakers, are its other side
            force = actors.force_in_paragraph(text, start, end)
        return actor1, force
    if sub_type == "Disrupted weapons use" and actor1 is not None and actor1.inter == 1 and actor2 is None:
        # "police defused a bomb": the unnamed hands behind the weapons are the other side
        return actor1, Actor("Unidentified armed group", 3)
    unseen = sub_type in _UNSEEN_DOERS and actor1 is None
    if unseen:
        # ACLED: the unnamed hands behind a looting, an arson or a cache of weapons are an unidentified armed group
        actor1 = Actor("Unidentified armed group", 3)
    if sub_type == "Disrupted weapons use" and actor1 is not None and actor1.inter != 1 and actor2 is None:
        # ACLED: the state forces who found, seized or defused the weapons are its other side ("a bomb was defused
        # by police"), wherever the report names them other than as speakers; a bomb found with no one named was
        # found or made safe by the police (as ACLED codes an intervention in a protest: the police unless named)
        return actor1, actors.force_in_paragraph(text, start, end) or Actor("Police forces", 1)
    return (actor1, actor2) if unseen else None


# A capitalised name before the word for its members or its band ("the X sect", "X members", "X Militia"), as the
# clause reader's `named_band` reads it, here over the whole report.
_BAND = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\s+(?i:sect|militia|militiamen|members?|cult|gang)"
                   r"(?:\s*\((?i:militia)\))?(?![\w-])")
# bodies whose members are no band ("Church members", "Party members", "County members")
_INSTITUTIONS = frozenset({"party", "church", "council", "county", "committee", "union", "association", "assembly",
                           "parliament", "senate", "club", "team", "family", "community", "society", "board"})
_AGAINST = re.compile(r"(?i:\b(?:combat|combating|fight|fighting|against|crackdown\s+on|hunt\s+for)\s+(?:the\s+)?$)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def _group_fought(actors: ActorDictionary, text: str, actor1: Actor | None, actor2: Actor | None
                  ) -> tuple[Actor | None, Actor | None]:
    """A fight of state forces whose other side is left unnamed or generic ("officers engaged the suspect in a
    shootout", "running gun battles continued"): the one named armed group the report names at all (its members,
    its flags, a group "linked to" it) is that side, as ACLED codes it; several named groups: which one is not
    said."""
    state = next((a for a in (actor1, actor2) if a is not None and a.inter == 1), None)
    other = actor2 if state is actor1 else actor1
    if state is None or (other is not None and other.name not in _UNKNOWN_HANDS):
        return actor1, actor2
    groups = [a for a in actors._report_groups(text)[0] if a.inter in (2, 3)]
    if len(groups) != 1:
        return actor1, actor2
    return (state, groups[0]) if state is actor1 else (groups[0], state)


def _band_fought(actors: ActorDictionary, text: str, actor1: Actor | None, actor2: Actor | None
                 ) -> tuple[Actor | None, Actor | None]:
    """A fight of state forces whose other side is left unnamed or generic: the one group the dictionary lacks that
    the report names as the side they fought or hit ("police battle X sect", "officers shot two suspected X
    members", "X members clashed with troops") is that side (ACLED names the group, not an unidentified one)."""
    state = next((a for a in (actor1, actor2) if a is not None and a.inter == 1), None)
    other = actor2 if state is actor1 else actor1
    if state is None or (other is not None and other.name not in _UNKNOWN_HANDS):
        return actor1, actor2
    band = framed_band(actors, text, [state.name], fought=True)
    if band is None:
        return actor1, actor2
    return (state, band) if state is actor1 else (band, state)


# A fight told after a group's name ("X sect battle police", "X members clashed with officers").
_FIGHT_AFTER = re.compile(r"(?i:\s+(?:\w+\s+){0,2}?(?:battl\w*|clash\w*|fought|fight\w*|engag\w*|exchanged\s+fire|"
                          r"skirmish\w*|confront\w*)\b)")


def framed_band(actors: ActorDictionary, text: str, skip: Sequence[str] = (), fought: bool = False) -> Actor | None:
    """The one group the dictionary lacks that the report names by its members and frames as the doer ("killings
    attributed to the X sect", "beheaded by X members", "X sect (militia) held responsible"): ACLED's "<Name>
    Militia" (inter 3). Not a country, a people, a known actor, nor a word that merely opens a sentence ("Gang
    members …"); several such names: none (which one is not said)."""
    found: list[str] = []
    for m in _BAND.finditer(text):
        name = m.group(1)
        before, after = text[max(0, m.start() - 60): m.start()], text[m.end(): m.end() + 60]
        fought_with = bool(_FOUGHT_WITH.search(before) or _AGAINST.search(before))
        hit = fought_with or bool(_HIT_BEFORE.search(before))
        # (`fought`: the other side of a fight is also the group it names fought, though not one only hit: "police
        # were killing X members" may tell of other days)
        framed = _NAMED_BEFORE.search(before) or _NAMED_AFTER.match(after) or (
            fought and (fought_with or _FIGHT_AFTER.match(after)))
        if not framed or _DENIED.search(before[-40:]):
            continue
        if hit and not (fought and fought_with):
            continue  # "police were killing X sect members", "residents took up arms against X members": the hit
        if _SENTENCE_START.search(text[: m.start()]) and not re.search(
                rf"(?<![.!?:;]\s)(?<!^)\b{re.escape(name)}\b", text[m.end():]):
            continue  # a capital that may only open the sentence, the name nowhere else in the report
        if actors.match(name) is not None or actors.country_iso(name) is not None or actors.is_demonym(name) or (
                actors.is_community(name)) or name.split()[-1].lower() in _INSTITUTIONS:
            continue
        found.append(name)
    names = list(dict.fromkeys(found))
    # the other side already named (a fight with the band): no doer of its own to add
    return Actor(f"{names[0]} Militia", 3) if len(names) == 1 and f"{names[0]} Militia" not in skip else None
