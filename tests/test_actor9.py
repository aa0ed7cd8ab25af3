"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor9 area), on invented sentences: state forces a
report counts among an attack's dead are its other side, however long the count before them; the one group the
dictionary lacks that state forces are told fighting is a fight's other side, not an unidentified armed group; weapons
found with no force named were found by the police (ACLED's default, as for a protest's intervention); in violence
against civilians a crowd is never the doer, and a crowd an armed actor attacks or bombs is civilians; a tribe's armed
men ("tribesmen") are an identity militia (inter 4), as ACLED codes tribal militias; a capitalised word that
describes armed men ("Suspected", "Vigilante") names no community; the subject of a passive verb is the doer of its
-ing complement ("were filmed beating …"), not of a result clause after a comma."""

from __future__ import annotations

from frontwatch.extract import ActorDictionary
from tests.fixtures.nlp import Run, lead


def _sides(c):  # type: ignore[no-untyped-def]
    return [a for a in (c.actor("actor1"), c.actor("actor2")) if a is not None]


# --- state forces counted among the dead --------------------------------------------------------------------------


def test_state_forces_after_a_long_count_are_the_target(run: Run) -> None:
    c = lead(run("A roadside bomb planted by the Tarumbe Liberation Front went off near Lorvale, killing a patrol of "
                 "four (some reports say six) police officers.", ["Lorvale"]))
    assert [a.inter for a in _sides(c) if a.inter in (1, 7)] == [1], _sides(c)


def test_state_forces_among_the_dead_are_the_target(run: Run) -> None:
    c = lead(run("Tarumbe Liberation Front fighters raided a village near Lorvale; among the dead were three police "
                 "reservists and a herder.", ["Lorvale"]))
    assert any(a.inter == 1 for a in _sides(c)), _sides(c)


def test_the_toll_cue_reads_only_the_counted(actor_dictionary: ActorDictionary) -> None:
    # the count ends at a clause of its own: the police who speak after it were not hit
    text = "Raiders burned ten huts, killing two herders, and police said they had fled."
    assert actor_dictionary.state_target(text, 0, len(text)) is None
    text = "The blast tore through the convoy, causing three soldier deaths."
    found = actor_dictionary.state_target(text, 0, len(text))
    assert found is not None and found.inter == 1, found


# --- a band the state fought -------------------------------------------------------------------------------------


def test_a_band_police_battle_is_the_other_side(run: Run) -> None:
    c = lead(run("Police battle Zanguru sect"))
    assert c.event_type == "Battles"
    assert sorted(a.name for a in _sides(c)) == ["Police Forces of Kenya", "Zanguru Militia"], _sides(c)


def test_a_band_only_said_to_be_hit_elsewhere_is_not_the_other_side(actor_dictionary: ActorDictionary) -> None:
    from frontwatch.extract.actor_doers import framed_band

    # told killed by police in a quoted claim, not fought in this event
    text = "An officer who claimed police were killing Zanguru sect members was found dead."
    assert framed_band(actor_dictionary, text, fought=True) is None
    text = "Officers clashed with Zanguru sect members at the court."
    found = framed_band(actor_dictionary, text, fought=True)
    assert found is not None and found.name == "Zanguru Militia", found
    assert framed_band(actor_dictionary, text) is None  # not the doer of an attack of its own


def test_state_forces_in_the_hit_objects_own_phrase_are_the_target(actor_dictionary: ActorDictionary) -> None:
    text = "Gunmen ambushed an unmarked army truck on the road to Lorvale."
    found = actor_dictionary.state_target(text, 0, len(text))
    assert found is not None and found.inter == 1, found
    # a force named in a phrase after the object is where it happened, not whom it hit
    text = "Gunmen attacked a village near a police post in Lorvale, killing two herders."
    assert actor_dictionary.state_target(text, 0, len(text)) is None


# --- weapons found with no force named ---------------------------------------------------------------------------


def test_a_bomb_defused_with_no_force_named_has_the_police_as_its_other_side(run: Run) -> None:
    c = lead(run("An explosive device was defused outside a church in Lorvale.", ["Lorvale"]))
    assert c.sub_event_type == "Disrupted weapons use"
    assert [(a.name, a.inter) for a in _sides(c)] == [("Unidentified armed group", 3),
                                                     ("Police Forces of Kenya", 1)], _sides(c)
    # a force the report names is kept
    c = lead(run("Explosives were seized from a house in Lorvale; soldiers later detonated them safely.",
                 ["Lorvale"]))
    assert c.sub_event_type == "Disrupted weapons use"
    assert [a.name for a in _sides(c) if a.inter == 1] == ["Military Forces of Kenya"], _sides(c)


# --- violence against civilians: a crowd is neither its doer nor, hit by an armed actor, anything but civilians -----


def test_a_crowd_is_not_the_doer_of_violence_against_civilians(run: Run) -> None:
    c = lead(run("Demonstrators abducted a local official in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Violence against civilians"
    a1 = c.actor("actor1")
    assert a1 is not None and a1.inter not in (5, 6, 7), a1


def test_a_crowd_bombed_by_an_armed_group_is_civilians(run: Run) -> None:
    c = lead(run("Unknown attackers lobbed a grenade into a rally of demonstrators in Lorvale, injuring twenty.",
                 ["Lorvale"]))
    assert c.event_type == "Explosions/Remote violence"
    a2 = c.actor("actor2")
    assert a2 is not None and (a2.name, a2.inter) == ("Civilians", 7), a2


# --- a tribe's armed men are an identity militia -----------------------------------------------------------------


def test_tribesmen_who_attack_are_an_identity_militia(run: Run) -> None:
    c = lead(run("Armed tribesmen attacked a police outpost near Lorvale at dawn, wounding two officers.", ["Lorvale"]))
    assert sorted(a.inter for a in _sides(c)) == [1, 4], _sides(c)


# --- a word that describes armed men names no people -------------------------------------------------------------


def test_a_descriptive_word_before_militia_names_no_community(run: Run) -> None:
    c = lead(run("Suspected Zanguru militia shot dead a herder near Lorvale.", ["Lorvale"]))
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name.startswith("Zanguru"), a1
    c = lead(run("Vigilante militia killed four suspected thieves in Lorvale.", ["Lorvale"]))
    assert all("Vigilante" not in a.name for a in _sides(c)), _sides(c)


# --- the subject of a passive verb does what its -ing complement tells ------------------------------------------


def test_the_subject_caught_doing_it_is_its_doer(run: Run) -> None:
    c = lead(run("Two constables were filmed beating a hawker to death in Lorvale.", ["Lorvale"]))
    a1 = c.actor("actor1")
    assert a1 is not None and a1.inter == 1, a1


def test_a_result_clause_after_a_comma_is_not_done_by_the_passive_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.extract.roles import verb_roles

    doc = nlp("Police were ambushed near Lorvale, killing two officers.")
    killing = next(t for t in doc if t.lower_ == "killing")
    assert [t.lower_ for t in verb_roles(killing).agents] != ["police"]
    doc = nlp("Two constables were filmed beating a hawker to death.")
    beating = next(t for t in doc if t.lower_ == "beating")
    assert [t.lower_ for t in verb_roles(beating).agents] == ["constables"]
