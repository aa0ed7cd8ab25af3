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
    # bandits who steal livestock are a communal militia (tests/test_actor3.py)
    assert sides(c) == ("Communal militia", "Civilians")


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


# --- unnamed doers ---------------------------------------------------------------------------------------------------


def test_an_unnamed_gang_is_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("A gang of thugs attacked a trader in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_an_unknown_group_is_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("Unknown group attacks a candidate's convoy in Lorvale", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_state_forces_named_as_the_doer_of_a_killing(run: Run) -> None:
    c = lead(run("A janitor was caught in police crossfire in Lorvale and died.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Civilians")


def test_police_investigating_are_not_the_doer(run: Run) -> None:
    c = lead(run("Two traders were shot dead in Lorvale and police are investigating.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- nations and parties are not armies ------------------------------------------------------------------------------


def test_a_demonym_as_a_victim_is_a_civilian_not_an_army(run: Run) -> None:
    c = lead(run("Gunmen kill Kenyan, steal goats near Lorvale", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    # the Kenyan is a civilian victim; gunmen who steal livestock are a communal militia (tests/test_actor3.py)
    assert sides(c) == ("Communal militia", "Civilians")


def test_a_country_in_an_of_phrase_is_not_its_army(run: Run) -> None:
    c = lead(run("The chairman of a party of Kenya was attacked and injured in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Violence against civilians"
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- riots -----------------------------------------------------------------------------------------------------------


def test_the_people_rioters_hurt_are_civilians(run: Run) -> None:
    c = lead(run("Rioters stoned a journalist in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Riots"
    assert sides(c) == ("Rioters", "Civilians")


def test_the_police_who_intervene_come_before_the_people_hurt(run: Run) -> None:
    c = lead(run("Rioters stoned a journalist in Lorvale. Police dispersed them with tear gas.", ["Lorvale"]))
    assert c.event_type == "Riots"
    assert sides(c) == ("Rioters", "Police Forces of Kenya")


def test_a_demonym_parsed_as_the_subject_keeps_the_group_after_it(run: Run) -> None:
    # "Somali militia shoots …" parsed with the adjective as the subject: the militia, not Somalia's army (a
    # nation's militia is a people's, ACLED's identity militia: see test_actor11)
    c = lead(run("Somali militia shoots herder in attack on market"))
    assert sides(c)[0] == "Communal militia"


def test_a_nations_adjective_on_the_place_of_a_raid_is_no_doer(run: Run) -> None:
    # "a Kenyan village raid": the village is Kenyan, not the raiders
    c = lead(run("Ugandan raiders shoot three herders in Kenyan village raid"))
    assert sides(c) == ("Communal militia", "Civilians")


# --- what civilians gather, live or travel in ------------------------------------------------------------------------


def test_an_attack_on_a_polling_station_is_on_civilians(run: Run) -> None:
    c = lead(run("Bandits attacked a polling station in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_a_police_station_is_the_police_not_a_civilian_place(run: Run) -> None:
    c = lead(run("Gunmen attacked a police station in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Battles"
    assert sides(c) == ("Unidentified armed group", "Police Forces of Kenya")


def test_reduced_passive_of_a_place(run: Run) -> None:
    c = lead(run("Farms attacked in Lorvale, several houses razed.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c)[1] == "Civilians"


def test_headline_verb_parsed_inside_one_noun_phrase(run: Run) -> None:
    # "Market guards attack photographer": "attack" a compound of "photographer", the root
    c = lead(run("Market guards attack photographer for filming stall"))
    assert c.event_type == "Violence against civilians"
    assert sides(c)[1] == "Civilians"


# --- mobs ------------------------------------------------------------------------------------------------------------


def test_angry_mobs_and_the_thief_they_attack(run: Run) -> None:
    c = lead(run("Angry mobs attacked a pickpocket in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Riots", "Mob violence")
    assert sides(c) == ("Rioters", "Civilians")


def test_neighbours_who_assault_someone_are_a_mob(run: Run) -> None:
    c = lead(run("A woman was assaulted by her neighbours in Lorvale.", ["Lorvale"]))
    assert c.event_type == "Riots"
    assert sides(c) == ("Rioters", "Civilians")
