"""Event type and sub-type (issue 15, `type4` area), on invented sentences: a response that kills the attackers makes
the attack a battle, a faction's youths or supporters who attack are an armed group and not a mob, stones thrown with
no demonstration are mob violence, and a demonstration's cues are read as a reader would (a noun is no intervention,
"riot police" is no riot, "broke up" disperses, others' destruction is a grievance)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.incidents import one_incident
from frontwatch.model import NOT_AN_EVENT, Actor, ActorRole, Claim, Place, PlaceMention, Span
from tests.fixtures.nlp import ClaimsOf, lead


def _lead(claims_of: ClaimsOf, text: str, **kw: object) -> Claim:
    return lead([c for c in claims_of(text, **kw) if c.event_type != NOT_AN_EVENT])


# --- state forces attacked ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    # the attack's object names state forces, whatever phrase the actor reading took for the side attacked
    ("An armed gang ambushes guards at the cattle market, kills two.", "Armed clash"),
    ("Bandits attacked two rangers at the water point on Sunday.", "Armed clash"),
    # a former officer is a civilian; so are people named by a clause about a police post
    ("Bandits attacked a former police reservist at the water point on Sunday.", "Attack"),
    ("Armed men attacked villagers who had fled to a police station.", "Attack"),
])
def test_an_attack_whose_object_names_state_forces_is_an_armed_clash(claims_of: ClaimsOf, text: str,
                                                                     sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub


@pytest.mark.parametrize(("inter2", "sub"), [(1, "Armed clash"), (7, "Attack")])
def test_the_classifier_alone_cannot_make_an_attack_on_state_forces(nlp, actor_dictionary, inter2: int,  # type: ignore[no-untyped-def]
                                                                   sub: str) -> None:
    from frontwatch.extract.event_typing import Typer
    from frontwatch.extract.events import EventFinder
    from frontwatch.extract.triggers import load_lexicon

    lexicon = load_lexicon()
    doc = nlp("A hooded group shot an officer who was guarding the bank.")
    sent = next(iter(doc.sents))
    # an event no trigger named (the classifier's own), its victims read as state forces or as civilians
    event = EventFinder(actor_dictionary, lexicon).model_event(sent, "Attack")
    a1 = ActorRole("actor1", Actor("Unidentified armed group", 3))
    a2 = ActorRole("actor2", Actor("Police Forces of Kenya" if inter2 == 1 else "Civilians", inter2))
    methods: list[str] = []
    _, got, _ = Typer(lexicon).type_of(event, event.hit.category, a1, a2, doc, ("Attack", 0.8), methods)
    assert got == sub


# --- a response that fights the attackers ----------------------------------------------------------------------------


@pytest.mark.parametrize("response", [
    "Officers responded, shooting dead three of the bandits.",
    "Police intervened and killed two of the attackers.",
    "It ended in a clash with officers who came, and one reservist was shot dead.",
])
def test_forces_killing_the_attackers_in_the_next_sentence_make_the_attack_a_clash(claims_of: ClaimsOf,
                                                                                  response: str) -> None:
    text = f"Armed bandits raided a homestead on the edge of the settlement at night. {response}"
    first = _lead(claims_of, text)
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert "type:fought-back" in first.method
    # the side that fought back is the attack's other side, not the civilians by default
    assert first.actor("actor2") is not None and first.actor("actor2").inter == 1


def test_a_toll_after_state_forces_own_raid_leaves_it_one_sided(claims_of: ClaimsOf) -> None:
    text = ("Police raided two mosques in the night and arrested dozens of worshippers. "
            "One death from the raids was reported.")
    first = _lead(claims_of, text)
    assert first.sub_event_type == "Attack" and "type:fought-back" not in first.method


# --- arrests beside a killing ------------------------------------------------------------------------------------


def test_a_killing_told_with_arrests_stays_the_incident(claims_of: ClaimsOf) -> None:
    # the killing has a subject of its own (not done "alongside" the arrests): it is no toll of the arrests
    text = "A militia suspect was shot dead by officers; several of his companions were arrested."
    claims = [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]
    assert "Armed clash" in {c.sub_event_type for c in claims}


def test_an_arrest_resisted_is_no_arrest(claims_of: ClaimsOf) -> None:
    claims = [c for c in claims_of("Two robbers were shot dead by officers at a roadblock after they resisted arrest.")
              if c.event_type != NOT_AN_EVENT]
    assert claims and "Arrests" not in {c.sub_event_type for c in claims}


def test_a_toll_of_civilians_in_the_next_sentence_leaves_the_attack_one_sided(claims_of: ClaimsOf) -> None:
    text = ("Armed bandits raided a homestead on the edge of the settlement at night. "
            "Two elderly women were killed.")
    first = _lead(claims_of, text)
    assert first.sub_event_type == "Attack" and "type:fought-back" not in first.method


# --- one incident: the battle outranks the one-sided violence (ACLED's precedence) -----------------------------------

_PUB = date(2022, 3, 5)
_TOWN = Place("Quarnet", 21, "PPL", "KE", "Quarnet", "KE.01", "Quarnet", "KE.01.1", 0.5, 37.5, 1)


_RAIDERS = ActorRole("actor1", Actor("Raiders", 4))
_POLICE = ActorRole("actor2", Actor("Police Forces of Kenya", 1))
_CLAN = ActorRole("actor2", Actor("Clan militia", 4))


def _claim(i: str, start: int, event_type: str, sub: str, *actors: ActorRole) -> Claim:
    span = Span(start, start + 1, "x")
    return Claim(i, "d", span, event_type, sub, span, places=(PlaceMention(span, _TOWN, 1.0, "t"),), method="t",
                 actors=actors)


def test_an_incident_told_as_an_attack_then_state_forces_fighting_is_one_armed_clash() -> None:
    out = one_incident([_claim("a", 0, "Violence against civilians", "Attack", _RAIDERS),
                        _claim("b", 50, "Battles", "Armed clash", _RAIDERS, _POLICE)], _PUB)
    assert [(c.event_type, c.sub_event_type) for c in out] == [("Battles", "Armed clash")] * 2


@pytest.mark.parametrize(("later", "other"), [
    # a fight of two non-state sides told beside the attack (often a word misread, or background): the lead stays
    ("Battles", ("Armed clash", _RAIDERS, _CLAN)),
    # only a battle outranks the lead: other types of one incident take the first told, as before
    ("Explosions/Remote violence", ("Grenade", _RAIDERS)),
])
def test_an_incident_keeps_its_lead_unless_state_forces_fought(later: str, other: tuple) -> None:  # type: ignore[type-arg]
    out = one_incident([_claim("a", 0, "Violence against civilians", "Attack", _RAIDERS),
                        _claim("b", 50, later, *other)], _PUB)
    assert [c.sub_event_type for c in out] == ["Attack", "Attack"]


# --- a faction's youths or a crowd ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    # young men or followers of a faction who attack people: an organised group's attack (ACLED), not a mob
    ("Youths attacked three traders from a neighbouring village on their way to the market.", "Attack"),
    ("A group of party supporters attacked two rival campaigners outside the chief's office.", "Attack"),
    # named as a crowd: mob violence
    ("An angry mob of youths beat a suspected thief to death outside the market.", "Mob violence"),
    ("Rowdy youths attack two polling clerks and burn their car.", "Mob violence"),
    ("Angry residents attacked a suspected thief outside the market.", "Mob violence"),
])
def test_a_factions_youths_who_attack_are_no_mob(claims_of: ClaimsOf, text: str, sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub


# --- a side named with its arms is no crowd ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    ("Two rangers injured in clashes with machete-wielding herders near the lake.", "Armed clash"),
    ("Police clashed with herders near the river.", "Mob violence"),
])
def test_a_side_named_with_its_arms_fights_a_battle_not_a_riot(claims_of: ClaimsOf, text: str, sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub


# --- a crowd that storms a building takes nothing -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    # no armed side: the crowd's demonstration, peaceful or violent by its words
    ("Hundreds of tenants stormed the county offices on Monday demanding an end to evictions.", "Peaceful protest"),
    ("Parents stormed the primary school demanding that the head teacher leave.", "Peaceful protest"),
    ("Nursing students took to the streets over a directive on fees.", "Peaceful protest"),
    ("Angry residents stormed the chief's camp and set it on fire.", "Violent demonstration"),
    # armed takers, or a passive whose subject is what was taken: a change of hands as before
    ("Militants stormed the town and took control of the police station.", "Non-state actor overtakes territory"),
    ("The villages were seized by rebels on Monday.", "Non-state actor overtakes territory"),
    # no demonstration or demand told: the reading of a taking stays
    ("Hundreds of tenants stormed the county offices on Monday.", "Non-state actor overtakes territory"),
])
def test_a_crowd_storming_a_building_is_a_demonstration_not_a_taking(claims_of: ClaimsOf, text: str,
                                                                     sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub


# --- what a demonstration was against ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Residents of the town protest a recent militant attack on a school.",
    "Hawkers demonstrated against a police raid on their stalls at the bus park.",
])
def test_the_violence_a_demonstration_protests_is_no_event_of_its_own(claims_of: ClaimsOf, text: str) -> None:
    claims = [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]
    assert [c.event_type for c in claims] == ["Protests"]


def test_violence_at_a_demonstration_stays_an_event(claims_of: ClaimsOf) -> None:
    claims = [c for c in claims_of("Police killed two protesters during a demonstration over fees.")
              if c.event_type != NOT_AN_EVENT]
    assert claims and claims[0].sub_event_type == "Excessive force against protesters"


# --- stones thrown: a demonstration's violence or a mob's ------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    # no demonstration, strike or rioting told: a mob
    ("Villagers stoned two suspected cattle thieves to death outside the chief's camp.", "Mob violence"),
    ("An angry crowd of neighbours pelted the pastor's house with rocks overnight.", "Mob violence"),
    # stones thrown at a demonstration of the crowd's own: a violent demonstration
    ("Striking nurses threw stones at the hospital gate during their march to the county offices.",
     "Violent demonstration"),
    ("Students rioted and stoned passing cars near the campus.", "Violent demonstration"),
])
def test_stones_thrown_without_a_demonstration_are_mob_violence(claims_of: ClaimsOf, text: str, sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub


# --- a demonstration's cues ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Waiters and bar staff protested outside the labour office for higher pay.",
    "Lorry drivers protested at the weighbridge over a road block set up by the county.",
])
def test_an_intervention_word_used_as_a_noun_is_no_intervention(claims_of: ClaimsOf, text: str) -> None:
    assert _lead(claims_of, text).sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Farmers gathered at the depot to protest low maize prices. Riot police dispersed the protesters.",
    "Hundreds of commuters held a demonstration against fare rises. Riot police later dispersed them.",
])
def test_riot_police_are_no_riot(claims_of: ClaimsOf, text: str) -> None:
    assert _lead(claims_of, text).sub_event_type == "Protest with intervention"


def test_police_breaking_up_a_demonstration_intervene(claims_of: ClaimsOf) -> None:
    text = "Teachers demonstrated outside the county offices over delayed salaries. Police broke up the crowd."
    assert _lead(claims_of, text).sub_event_type == "Protest with intervention"
    assert _lead(claims_of, text.split(". ")[0] + ".").sub_event_type == "Peaceful protest"


# --- the trained classifier beside the rules -------------------------------------------------------------------------


def test_the_classifier_cannot_make_an_attack_of_a_shoot_out(claims_of: ClaimsOf, trained,  # type: ignore[no-untyped-def]
                                                              actor_dictionary) -> None:
    from frontwatch.extract import Extractor

    ex = Extractor(actor_dictionary, trained)
    texts = ["Officers engaged a lone gunman in a shootout near the edge of the forest.",
             "Police engaged two armed robbers in a gunfight on the highway.",
             "Rangers engaged the poachers in a fierce gunfight inside the park."]
    for text in texts:
        assert _lead(claims_of, text, ex=ex).sub_event_type == "Armed clash", text


def test_the_classifier_cannot_make_a_crowds_stones_a_looting(claims_of: ClaimsOf, trained,  # type: ignore[no-untyped-def]
                                                             actor_dictionary) -> None:
    from frontwatch.extract import Extractor

    ex = Extractor(actor_dictionary, trained)
    texts = ["Pupils of a boarding school pelted their teachers' houses with stones.",
             "Youths pelted the chief's office with stones and smashed its windows."]
    for text in texts:
        assert _lead(claims_of, text, ex=ex).event_type == "Riots", text


@pytest.mark.parametrize(("text", "sub"), [
    # destruction the authorities did is the grievance, not the crowd's violence
    ("Over a hundred hawkers staged a demonstration on the main road after they found their kiosks destroyed by "
     "county officers.", "Peaceful protest"),
    ("Hawkers staged a demonstration on the main road and destroyed the kiosks of the county council.",
     "Violent demonstration"),
    # "set" lights a fire only with one
    ("Villagers demonstrated outside the lands office on Monday. They said the sale of their grazing land was set "
     "to go ahead in March.", "Peaceful protest"),
    ("Villagers demonstrated against a land sale and set tyres on fire.", "Violent demonstration"),
])
def test_violence_words_of_others_or_of_no_violence_are_no_riot(claims_of: ClaimsOf, text: str, sub: str) -> None:
    assert _lead(claims_of, text).sub_event_type == sub
