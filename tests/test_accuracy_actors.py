"""Actors and event types as ACLED's coders read them (issue 15), on invented sentences: the report's country for
unnamed state forces, the sides of demonstrations and riots by their final sub-type, what the sentences after the
lead tell of the same incident, unknown perpetrators, victims, communal militias."""

from __future__ import annotations

from tests.fixtures.nlp import Run, lead, sides

# --- the report's country -----------------------------------------------------------------------------------------


def test_unnamed_police_take_the_reports_country(run: Run) -> None:
    c = lead(run("Police arrested twelve suspects in a dawn raid on Tuesday."))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Police Forces of Kenya"
    bare = lead(run("Police arrested twelve suspects in a dawn raid on Tuesday.", country=None))
    assert bare.actor("actor1") is not None and bare.actor("actor1").name == "Police forces"


def test_named_foreign_forces_keep_their_country(run: Run) -> None:
    c = lead(run("Ugandan soldiers arrested twelve smugglers near the border."))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Military Forces of Uganda"


# --- demonstrations and riots -------------------------------------------------------------------------------------


def test_violent_crowd_is_rioters(run: Run) -> None:
    c = lead(run("Angry residents rioted in Lorvale and stoned passing vehicles.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Riots", "Violent demonstration")
    assert sides(c)[0] == "Rioters"


def test_peaceful_crowd_is_protesters(run: Run) -> None:
    c = lead(run("Nurses marched through Lorvale to demand better pay.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Peaceful protest")
    assert sides(c) == ("Protesters", None)


def test_later_sentences_tell_how_the_demonstration_went(run: Run) -> None:
    text = ("Hundreds of hawkers demonstrated in Lorvale on Monday against new market fees. They blocked the main "
            "highway and lit bonfires. Police dispersed them with tear gas.")
    c = lead(run(text, ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Riots", "Violent demonstration")
    assert sides(c) == ("Rioters", "Police Forces of Kenya")


def test_another_incident_does_not_colour_the_demonstration(run: Run) -> None:
    text = ("Teachers held a march in Lorvale on Monday to demand their arrears. In a separate incident, youths "
            "stoned vehicles and barricaded a road in Bramford.")
    c = lead(run(text, ["Lorvale", "Bramford"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Peaceful protest")


def test_intervention_without_a_named_force_is_the_police(run: Run) -> None:
    c = lead(run("Traders protested in Lorvale over the closure of the market. They were dispersed with tear gas.",
                 ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Protest with intervention")
    assert sides(c) == ("Protesters", "Police Forces of Kenya")


def test_excessive_force_puts_the_force_first(run: Run) -> None:
    c = lead(run("Two demonstrators were shot dead by police during a protest over land in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert sides(c) == ("Police Forces of Kenya", "Protesters")


def test_warning_shots_are_an_intervention_not_a_killing(run: Run) -> None:
    claims = run("Students protested in Lorvale over fees. Police shot in the air to disperse them.", ["Lorvale"])
    assert all(c.event_type != "Violence against civilians" for c in claims)
    c = lead(claims)
    assert (c.event_type, c.sub_event_type) == ("Protests", "Protest with intervention")


def test_what_a_protest_is_about_is_no_cue(run: Run) -> None:
    claims = run("Hundreds of protesters marched in Lorvale against officers who shot a student.", ["Lorvale"])
    c = next(c for c in claims if c.trigger is not None and c.trigger.text == "marched")
    assert (c.event_type, c.sub_event_type) == ("Protests", "Peaceful protest")


def test_the_object_of_a_protest_is_no_cue(run: Run) -> None:
    c = lead(run("Villagers protested the arrest of a local teacher in Lorvale.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Peaceful protest")
    assert sides(c) == ("Protesters", None)


def test_a_denied_cue_is_no_cue(run: Run) -> None:
    c = lead(run("Farmers held a demonstration in Lorvale over maize prices, with no violence reported.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Protests", "Peaceful protest")


# --- attacks: perpetrators and victims ----------------------------------------------------------------------------


def test_an_attack_that_kills_people_is_violence_against_civilians(run: Run) -> None:
    c = lead(run("Gunmen attacked Lorvale on Sunday night, killing four and wounding two others.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_an_attack_that_kills_policemen_is_a_battle_with_the_police(run: Run) -> None:
    c = lead(run("Militants attacked a camp in Lorvale at dawn, killing two policemen.", ["Lorvale"]))
    assert c.event_type == "Battles"
    assert sides(c) == ("Unidentified armed group", "Police Forces of Kenya")


def test_an_unnamed_bomber_is_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("A grenade was hurled into a bar in Lorvale, injuring six people.", ["Lorvale"]))
    assert c.sub_event_type == "Grenade"
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_a_toll_coordinated_with_the_attacks_is_the_attacks(run: Run) -> None:
    claims = run("One person was killed and two others injured in an attack by gunmen in Lorvale.", ["Lorvale"])
    assert len(claims) == 1
    assert claims[0].sub_event_type == "Attack"
    assert sides(claims[0]) == ("Unidentified armed group", "Civilians")


def test_unknown_youths_are_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("A shopkeeper was shot dead by a group of unknown youths in Lorvale.", ["Lorvale"]))
    assert (c.event_type, sides(c)) == ("Violence against civilians", ("Unidentified armed group", "Civilians"))


# --- communities, mobs ---------------------------------------------------------------------------------------------


def test_a_communitys_raiders_are_its_ethnic_militia(run: Run) -> None:
    c = lead(run("Zamari raiders attacked a village in Lorvale, killing three herders.", ["Lorvale"]))
    assert (c.event_type, sides(c)) == ("Violence against civilians", ("Zamari Ethnic Militia (Kenya)", "Civilians"))
    assert c.actor("actor1") is not None and c.actor("actor1").inter == 4


def test_clans_that_fight_are_two_ethnic_militias(run: Run) -> None:
    c = lead(run("Five people were killed when the Zamari and Kolo clans clashed over pasture near Lorvale.",
                 ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Battles", "Armed clash")
    assert set(sides(c)) == {"Zamari Ethnic Militia (Kenya)", "Kolo Ethnic Militia (Kenya)"}


def test_tribal_clashes_are_between_communal_militias(run: Run) -> None:
    c = lead(run("Three herders were killed in tribal clashes in Lorvale on Friday.", ["Lorvale"]))
    assert c.event_type == "Battles"
    assert sides(c)[0] == "Communal militia"


def test_a_mob_that_lynches_is_rioters_against_civilians(run: Run) -> None:
    c = lead(run("Residents of Lorvale lynched two suspected thieves on Monday.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Riots", "Mob violence")
    assert sides(c) == ("Rioters", "Civilians")


def test_people_fighting_the_police_without_deaths_riot(run: Run) -> None:
    c = lead(run("Evicted hawkers clashed with police in Lorvale on Monday.", ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Riots", "Mob violence")
    assert sides(c) == ("Rioters", "Police Forces of Kenya")


def test_a_toll_told_after_an_attack_by_unnamed_hands_joins_it(run: Run) -> None:
    claims = run("Gunmen attacked a village in Lorvale. Two killed, several injured.", ["Lorvale"])
    assert len(claims) == 1  # the follow-up toll is the attack's, though its own doer would be an unnamed default
    assert "counts:next-sentence" in claims[0].method


def test_a_partys_militias_are_political_militias(run: Run) -> None:
    c = lead(run("Clashes broke out between Zamari and Kolo political militias in Lorvale.", ["Lorvale"]))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Zamari Political Militia"
    assert c.actor("actor1").inter == 3
