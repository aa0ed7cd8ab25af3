"""Actor 1 and actor 2 as ACLED's coders read them (issue 15, the actor2 area), on invented sentences: the victims
of an attack are civilians, told by a headline's verb parsed as a noun, a reduced passive, a shared object, a person
named by role or kin; civilians are never the doer of violence against civilians."""

from __future__ import annotations

from tests.fixtures.nlp import Run, lead, sides

# --- headlines: the verb parsed as a noun --------------------------------------------------------------------------


def test_headline_verb_with_subject_and_object(run: Run) -> None:
    # "attack" parsed as a noun with nsubj and dobj children: its object is whom it was done to
    c = lead(run("Armed group attacks villagers"))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_headline_verb_as_compound_of_its_object(run: Run) -> None:
    # "raid" parsed as a compound of "homesteads", the sentence's root: the root is its object, "Bandits" its doer
    c = lead(run("Bandits raid homesteads, steal goats in Lorvale", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_headline_mob_of_people_is_rioters(run: Run) -> None:
    c = lead(run("A crowd of traders assault official in Lorvale", ["Lorvale"]))
    assert c.event_type == "Riots"
    assert sides(c) == ("Rioters", "Civilians")


# --- victims -------------------------------------------------------------------------------------------------------


def test_reduced_passive_headline_makes_the_subject_the_victim(run: Run) -> None:
    # "Journalist attacked over photos": a transitive act without its object was done to its subject
    c = lead(run("Journalist attacked over photos in Lorvale", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_reduced_passive_with_a_number(run: Run) -> None:
    c = lead(run("14 killed during a raid in Lorvale", ["Lorvale"]))
    assert c.event_type == "Violence against civilians"
    assert sides(c)[1] == "Civilians"


def test_coordinated_verbs_share_their_object(run: Run) -> None:
    # "attacked and injured a candidate": the first verb takes the object of the second
    c = lead(run("Supporters of a rival camp attacked and injured a candidate in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c)[1] == "Civilians"


def test_person_named_by_role_is_a_civilian_target(run: Run) -> None:
    # "an attack on a sheikh": a person by role is no actor of their own, but the civilians attacked
    c = lead(run("Gunmen carried out an attack on a sheikh in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_an_armed_target_is_still_a_battle(run: Run) -> None:
    # the person-noun rule must not turn a fight with soldiers into violence against civilians
    c = lead(run("Gunmen attacked soldiers in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Battles"
    assert sides(c) == ("Unidentified armed group", "Military Forces of Kenya")


def test_civilians_are_never_the_doer_of_violence_against_civilians(run: Run) -> None:
    # the victim read as the subject of "dragged … and killed" in a headline
    c = lead(run("A priest dragged from his car and killed in Lorvale", ["Lorvale"]))
    assert c.event_type == "Violence against civilians"
    assert sides(c) == ("Unidentified armed group", "Civilians")
