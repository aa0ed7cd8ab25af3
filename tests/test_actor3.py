"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor3 area), on invented sentences: the unnamed men
of a livestock raid or a communal feud are a communal militia; a group the dictionary does not know, named by its
members or its sect, is a political militia; partisans who fight are a political militia; the state forces a riot's
paragraph names are its other side, but not when they only speak."""

from __future__ import annotations

from tests.fixtures.nlp import Run, lead, sides

# --- communal context: livestock raids and feuds -------------------------------------------------------------------


def test_bandits_who_drive_off_livestock_are_a_communal_militia(run: Run) -> None:
    c = lead(run("On Tuesday a gang of armed bandits shot three herdsmen near Lorvale and drove off their 200 goats.",
                 ["Lorvale"]))
    assert c.event_type == "Violence against civilians"
    assert sides(c) == ("Communal militia", "Civilians")
    assert c.actor("actor1").inter == 4


def test_livestock_stolen_in_the_next_sentence_counts(run: Run) -> None:
    # the paragraph tells the raid: the theft is told after the killing
    c = lead(run("Unknown attackers hacked a farmer to death in Lorvale. Twenty cows were stolen.", ["Lorvale"]))
    assert sides(c) == ("Communal militia", "Civilians")


def test_an_ethnic_revenge_attack_is_a_communal_militias(run: Run) -> None:
    c = lead(run("Gunmen killed two herders in Lorvale in an ethnic revenge attack.", ["Lorvale"]))
    assert sides(c) == ("Communal militia", "Civilians")


def test_gunmen_without_a_communal_context_stay_unidentified(run: Run) -> None:
    c = lead(run("Gunmen killed two people in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")
    assert c.actor("actor1").inter == 3


def test_a_raid_by_police_keeps_the_police(run: Run) -> None:
    # state forces named as the doer are not replaced by the communal context
    c = lead(run("Police shot dead two cattle rustlers in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Communal militia")


# --- a group named by its members ----------------------------------------------------------------------------------


def test_members_of_an_unknown_group_are_its_militia(run: Run) -> None:
    c = lead(run("Officers in Lorvale shot dead two suspected Zanguru members at a roadblock.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Zanguru Militia")
    assert c.actor("actor2").inter == 3
    assert c.event_type == "Battles"


def test_followers_of_a_sect_are_its_militia(run: Run) -> None:
    c = lead(run("Police shot dead five followers of the Zanguru sect in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Zanguru Militia")


def test_a_sect_member_as_the_doer(run: Run) -> None:
    c = lead(run("A policeman was killed by a Zanguru sect member in a shootout in Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Zanguru Militia"


def test_members_of_a_known_people_are_not_a_new_group(run: Run) -> None:
    # a community in the dictionary is read as its ethnic militia elsewhere, never as "<people> Militia"
    c = lead(run("Two Pokot members were shot dead by police in Lorvale.", ["Lorvale"]))
    assert "Pokot Militia" not in sides(c)


# --- partisans ---------------------------------------------------------------------------------------------------


def test_rival_supporters_who_clash_are_political_militias_on_both_sides(run: Run) -> None:
    c = lead(run("In Lorvale on Monday, supporters of two rival parties clashed near the market.", ["Lorvale"]))
    assert c.sub_event_type == "Armed clash"
    assert sides(c) == ("Unidentified armed group", "Unidentified armed group")


def test_supporters_who_attack_are_the_doer_not_the_victims(run: Run) -> None:
    c = lead(run("Supporters of a candidate attacked a journalist in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_supporters_attacked_are_civilians(run: Run) -> None:
    c = lead(run("Party supporters were attacked by gunmen in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- riots: the state forces of the paragraph ------------------------------------------------------------------------


def test_police_hurt_in_a_riot_are_its_other_side(run: Run) -> None:
    c = lead(run("Students rioted over fees in Lorvale on Friday, and a police officer was hurt by a stone.",
                 ["Lorvale"]))
    assert c.sub_event_type == "Violent demonstration"
    assert sides(c) == ("Rioters", "Police Forces of Kenya")


def test_police_who_only_speak_are_no_side_of_a_riot(run: Run) -> None:
    c = lead(run("Youths rioted in Lorvale and burned a lorry, police said.", ["Lorvale"]))
    assert c.sub_event_type == "Violent demonstration"
    assert sides(c) == ("Rioters", None)


# --- the state's other side ----------------------------------------------------------------------------------------


def test_an_armed_group_the_sentence_names_is_the_states_other_side(run: Run) -> None:
    # "killed seven": the dead are the raiders the police chased, so it is a fight, not an attack on civilians
    c = lead(run("After a night-long chase near Lorvale, police caught up with cattle raiders and killed seven.",
                 ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Communal militia")
    assert c.sub_event_type == "Armed clash"


def test_police_and_soldiers_fight_the_group_not_each_other(run: Run) -> None:
    c = lead(run("Police and soldiers battled al-Shabaab militants in Lorvale; three militants were killed.",
                 ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "al-Shabaab")


def test_police_who_shoot_a_student_stay_against_civilians(run: Run) -> None:
    c = lead(run("Police shot dead a student in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Civilians")
    assert c.event_type == "Violence against civilians"


def test_raiders_from_a_country_are_not_its_army(run: Run) -> None:
    c = lead(run("Raiders from Uganda attack a village in Lorvale", ["Lorvale"]))
    assert sides(c)[0] == "Communal militia"


# --- the unnamed sides of a fight ----------------------------------------------------------------------------------


def test_a_fight_no_one_names_is_between_unidentified_armed_groups(run: Run) -> None:
    c = lead(run("Heavy fighting broke out in Lorvale on Sunday.", ["Lorvale"]))
    assert c.sub_event_type == "Armed clash"
    assert sides(c) == ("Unidentified armed group", "Unidentified armed group")
    assert (c.actor("actor1").inter, c.actor("actor2").inter) == (3, 3)


def test_the_unnamed_enemy_of_the_police_is_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("Police engaged in a shootout in Lorvale; two officers were wounded.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Unidentified armed group")


def test_the_unnamed_enemy_in_a_livestock_raid_is_a_communal_militia(run: Run) -> None:
    c = lead(run("Police engaged in a shootout in Lorvale after 300 goats were stolen.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Communal militia")


# --- riots' victims, the state blamed, prison staff ------------------------------------------------------------------


def test_the_people_a_riot_hurt_are_its_other_side(run: Run) -> None:
    c = lead(run("Youths rioted in Lorvale and injured three rally attendees with stones.", ["Lorvale"]))
    assert c.event_type == "Riots"
    assert sides(c) == ("Rioters", "Civilians")


def test_a_riot_that_hurt_no_one_has_no_other_side(run: Run) -> None:
    c = lead(run("Youths rioted in Lorvale and burned a lorry.", ["Lorvale"]))
    assert sides(c) == ("Rioters", None)


def test_police_said_to_be_behind_a_killing_are_its_doer(run: Run) -> None:
    c = lead(run("A man was shot dead in Lorvale. Police officers were behind the killing, witnesses said.",
                 ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Civilians")


def test_police_said_not_to_be_behind_a_killing_are_not_its_doer(run: Run) -> None:
    c = lead(run("A man was shot dead in Lorvale. Police officers were not behind the killing, officials said.",
                 ["Lorvale"]))
    assert sides(c)[0] == "Unidentified armed group"


def test_prison_warders_are_police_forces_and_whom_they_attack_civilians(run: Run) -> None:
    c = lead(run("Prison warders attacked a reporter outside the gate in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Civilians")


# --- unseen hands of a looting or a weapons cache; a navy; pirates ---------------------------------------------------


def test_houses_torched_by_no_one_named_are_an_unidentified_armed_groups_doing(run: Run) -> None:
    c = lead(run("Several houses were torched in Lorvale overnight.", ["Lorvale"]))
    assert c.sub_event_type == "Looting/property destruction"
    assert sides(c)[0] == "Unidentified armed group"


def test_weapons_seized_by_police_stay_the_polices(run: Run) -> None:
    c = lead(run("Police seized a cache of weapons in Lorvale.", ["Lorvale"]))
    assert c.sub_event_type == "Disrupted weapons use"
    assert sides(c)[0] == "Police Forces of Kenya"


def test_a_navy_and_the_pirates_it_fights(run: Run) -> None:
    c = lead(run("The navy shot dead three pirates off Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Military Forces of Kenya", "Unidentified armed group")
    assert c.event_type == "Battles"


# --- a people as the subject of violence --------------------------------------------------------------------------


def test_a_people_that_raids_is_its_ethnic_militia(run: Run) -> None:
    c = lead(run("The Pokot raided a homestead in Lorvale at dawn.", ["Lorvale"]))
    assert sides(c) == ("Pokot Ethnic Militia (Kenya)", "Civilians")


def test_a_people_that_kills_is_its_ethnic_militia(run: Run) -> None:
    c = lead(run("In a reprisal, Gabra killed two travellers on the road to Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Gabra Ethnic Militia (Kenya)"


def test_a_people_attacked_by_others_is_not_the_doer(run: Run) -> None:
    c = lead(run("Turkana herders were attacked by gunmen in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_fighting_between_rival_pastoralists_is_communal(run: Run) -> None:
    c = lead(run("Clashes between rival pastoralists near Lorvale left three dead on Sunday.", ["Lorvale"]))
    assert c.sub_event_type == "Armed clash"
    assert sides(c) == ("Communal militia", "Communal militia")
