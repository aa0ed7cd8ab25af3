"""The `actor` area (issue 15): sides an event's clause leaves unnamed, completed from the report; communities named
as doers; a country's forces by their own names; targets aimed "at"; hand-overs (taker actor 1, giver actor 2).
Every sentence is invented."""

from __future__ import annotations

from frontwatch.extract import ActorDictionary
from frontwatch.model import Actor
from tests.fixtures.nlp import Run, lead, sides

# --- communities named as doers (pure: the dictionary on text) --------------------------------------------------


def test_a_community_is_a_doer_only_where_the_words_around_it_say_so(actor_dictionary: ActorDictionary) -> None:
    def doers(text: str) -> list[str]:
        return [name for name, _, _ in actor_dictionary.community_doers(text)]

    assert doers("Heavily armed Samburu raiders struck at dawn.") == ["Samburu"]
    assert doers("Militia from the Ajuran clan stormed the settlement.") == ["Ajuran"]
    assert doers("The attackers are thought to be Rendilles.") == ["Rendille"]
    assert doers("A herder was wounded by marauding Merilles.") == ["Merille"]
    assert doers("Three died in fighting between the Nuer and the Dinka near the river.") == ["Nuer", "Dinka"]
    assert doers("Tiv and Jukun militias traded fire overnight.") == ["Tiv", "Jukun"]
    # victims, a county, a village: no side
    assert doers("Gunmen shot two Samburu herders near a Rendille village.") == []
    assert doers("The Turkana county commissioner visited the scene.") == []


def test_one_named_group_in_the_report_is_the_unnamed_doer_and_two_are_none(actor_dictionary: ActorDictionary) -> None:
    one = "Masked gunmen shot dead a trader outside a shop. Police suspect Boko Haram."
    found = actor_dictionary.identified_doer(one, 0, one.index("."))
    assert found is not None and found.name == "Boko Haram"
    two = "Masked gunmen shot dead a trader outside a shop. Police suspect Boko Haram or ISWAP."
    assert actor_dictionary.identified_doer(two, 0, two.index(".")) is None
    # the victim's side is never the doer
    assert actor_dictionary.identified_doer(one, 0, one.index("."), skip=["Boko Haram"]) is None


# --- the extractor, sentence by sentence -------------------------------------------------------------------------


def test_gunmen_the_report_later_ties_to_a_named_group_are_that_group(run: Run) -> None:
    c = lead(run("Gunmen killed three quarry workers near Kolbio on Tuesday night. Al-Shabaab is suspected.",
                 ["Kolbio"]))
    assert sides(c) == ("al-Shabaab", "Civilians")


def test_raiders_the_sentence_calls_a_community_are_its_militia(run: Run) -> None:
    c = lead(run("Five herders were shot dead when raiders, believed to be Samburu, attacked a camp at Lorubae.",
                 ["Lorubae"]))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Samburu Ethnic Militia (Kenya)"
    assert c.actor("actor1").inter == 4


def test_a_clash_between_two_communities_has_both_militias(run: Run) -> None:
    claims = run("Tiv and Jukun militias clashed over farmland near Wukara, leaving two dead.", ["Wukara"])
    assert {sides(c) for c in claims} & {("Tiv Ethnic Militia (Kenya)", "Jukun Ethnic Militia (Kenya)"),
                                         ("Jukun Ethnic Militia (Kenya)", "Tiv Ethnic Militia (Kenya)")}


def test_a_countrys_forces_named_by_their_own_acronyms(run: Run) -> None:
    assert sides(lead(run("KDF soldiers killed four militants in a raid on a hideout near Bura.", ["Bura"])))[0] == \
        "Military Forces of Kenya"
    c = lead(run("GSU officers clashed with armed bandits near Kapedo on Friday.", ["Kapedo"]))
    assert sides(c) == ("Police Forces of Kenya", "Unidentified armed group")


def test_officers_alone_are_the_police(run: Run) -> None:
    c = lead(run("Officers exchanged fire with armed robbers in Kisumu on Saturday.", ["Kisumu"]))
    assert "Police Forces of Kenya" in sides(c)


def test_what_a_grenade_is_thrown_at_is_its_target(run: Run) -> None:
    c = lead(run("A grenade was thrown at a police patrol vehicle in Ukunda.", ["Ukunda"]))
    assert sides(c) == ("Unidentified armed group", "Police Forces of Kenya")


def test_a_bomb_with_no_armed_target_hits_civilians(run: Run) -> None:
    c = lead(run("A bomb planted by al-Shabaab exploded at a bus stop in Garissa.", ["Garissa"]))
    assert sides(c) == ("al-Shabaab", "Civilians")


# --- hand-overs: the taker is actor 1, the giver actor 2 ----------------------------------------------------------


def test_a_hand_over_makes_the_taker_actor1_and_the_giver_actor2(run: Run) -> None:
    [h] = run("Government troops handed over Korvalo district to the rebels on Monday.", ["Korvalo"])
    assert h.control_change == "handed over"
    assert sides(h) == ("Rebels", "Military Forces of Kenya")


def test_a_surrender_to_someone_makes_them_actor1(run: Run) -> None:
    [h] = run("Korvalo district was surrendered to the rebels on Monday.", ["Korvalo"])
    assert sides(h)[0] == "Rebels"
    [g] = run("The police surrendered Korvalo district to the rebels on Monday.", ["Korvalo"])
    assert sides(g) == ("Rebels", "Police Forces of Kenya")


def test_a_named_group_is_the_doer_only_where_the_report_makes_it_one(actor_dictionary: ActorDictionary) -> None:
    def named(text: str) -> list[str]:
        return [a.name for a in actor_dictionary.named_armed_groups(text)]

    assert named("Masked men torched a school. Boko Haram is suspected.") == ["Boko Haram"]
    assert named("A school was torched by suspected Boko Haram fighters.") == ["Boko Haram"]
    assert named("Boko Haram later claimed the raid.") == ["Boko Haram"]
    # background, a denial, a victim's ties: no doer
    assert named("Masked men torched a school. The area has seen a string of Boko Haram raids.") == []
    assert named("Police said the raid was not carried out by Boko Haram.") == []
    assert named("One of the victims was said to be linked to Boko Haram.") == []


def test_state_forces_hit_by_an_armed_group_are_its_other_side(actor_dictionary: ActorDictionary) -> None:
    def hit(text: str) -> str | None:
        found = actor_dictionary.state_target(text, 0, len(text))
        return found.name if found else None

    assert hit("Militants ambushed a police patrol near the bridge.") == "Police forces"
    assert hit("Two soldiers were wounded when a bomb went off.") == "State forces"
    assert hit("Gunmen opened fire on a border post overnight.") == "State forces"
    assert hit("Police said gunmen killed two traders.") is None


def test_an_attack_on_a_police_post_by_a_named_group_is_against_the_police(run: Run) -> None:
    c = lead(run("Suspected Boko Haram fighters attacked a police post in Gwoza with grenades.", ["Gwoza"]))
    assert set(sides(c)) == {"Boko Haram", "Police Forces of Kenya"}


def test_an_x_planted_bomb_names_its_planter(actor_dictionary: ActorDictionary) -> None:
    assert [a.name for a in actor_dictionary.named_armed_groups("An ISWAP-planted mine hit a truck.")] == [
        "Islamic State West Africa Province (ISWAP)"]
    # a hyphenated word that only begins with a name is not that name
    assert actor_dictionary.find_all("the hamas-run ministry said") == []


def test_the_verb_framing_an_event_noun_tells_who_did_it(run: Run) -> None:
    c = lead(run("Soldiers shot dead two gunmen during a dawn raid on a hideout near Bura.", ["Bura"]))
    assert set(sides(c)) == {"Military Forces of Kenya", "Unidentified armed group"}
    # fleeing during a fight does no fighting
    fled = run("Residents of Bura fled during the clashes on Monday.", ["Bura"])
    assert all(c.actor("actor1") is None or c.actor("actor1").inter != 7 for c in fled)


def test_a_mobs_victims_are_civilians_even_suspected_rustlers(run: Run) -> None:
    c = lead(run("Two suspected cattle rustlers were lynched by a group of residents in Kambi Juu.", ["Kambi Juu"]))
    assert sides(c) == ("Rioters", "Civilians")
    v = lead(run("Vigilantes lynched a suspected robber in Kambi Juu on Sunday.", ["Kambi Juu"]))
    assert sides(v) == ("Rioters", "Civilians")


def test_the_force_that_later_dispersed_rioters_is_their_other_side(actor_dictionary: ActorDictionary) -> None:
    text = "Students rioted over a fee rise. They were later dispersed by anti-riot police using tear gas."
    found = actor_dictionary.doers(text, 0, text.index(".") + 1, "Riots", Actor("Rioters", 5), None,
                                   "Violent demonstration")
    assert found[1] is not None and found[1].name == "Police forces"
    # police who only speak did not intervene; a peaceful protest has no other side
    said = "Students rioted over a fee rise. Police said the campus was calm."
    assert actor_dictionary.doers(said, 0, said.index(".") + 1, "Riots", Actor("Rioters", 5), None,
                                  "Violent demonstration")[1] is None
    assert actor_dictionary.doers(text, 0, text.index(".") + 1, "Protests", Actor("Protesters", 6), None,
                                  "Peaceful protest")[1] is None


def test_a_unit_named_for_what_it_fights_is_no_side_against_it(actor_dictionary: ActorDictionary) -> None:
    riot = actor_dictionary.match("anti-riot police")
    assert riot is not None and riot.actor.name == "Police forces"
    assert actor_dictionary.match("anti-Taliban fighters").actor.name == "Anti-Taliban forces"  # type: ignore[union-attr]


def test_a_clash_the_sentence_calls_communal_has_communal_militias_on_both_sides(run: Run) -> None:
    c = lead(run("Four were hurt in an ethnically driven clash over grazing rights near Kotulo.", ["Kotulo"]))
    assert sides(c) == ("Communal militia", "Communal militia") and c.event_type == "Battles"
    police = lead(run("Police clashed with armed bandits near Kotulo.", ["Kotulo"]))
    assert "Communal militia" not in sides(police)
