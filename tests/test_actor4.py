"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor4 area), on invented sentences: a lone policeman
or soldier is state forces; a people is the doer before "militants", a violent verb or after "an attack from"; the
state forces a fight is fought with are its other side; a gang, cult or movement the dictionary lacks is named by its
members; the report's later word on who did it ("X suspected", "the attackers were affiliated with X"); a fused
event's other side is the armed party where a bare anaphor only gave ACLED's default victims."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.fuse import fuse
from frontwatch.model import Actor, ActorRole, Claim, Document, Place, PlaceMention, Span, TimeSpan, document_id_for
from tests.fixtures.nlp import Run, lead, sides

# --- state forces named in the singular ----------------------------------------------------------------------------


@pytest.mark.parametrize("victim", ["a constable", "a trooper", "two police constables"])
def test_other_ranks_of_the_police_are_the_police(run: Run, victim: str) -> None:
    c = lead(run(f"Bandits shot {victim} dead at a roadblock outside Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Police Forces of Kenya")


def test_a_policeman_shot_by_robbers_is_the_police(run: Run) -> None:
    c = lead(run("Robbers shot a policeman dead outside a bank in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Police Forces of Kenya")
    assert c.actor("actor2").inter == 1
    assert c.event_type == "Battles"


def test_a_soldier_wounded_is_the_military(run: Run) -> None:
    c = lead(run("Bandits wounded a soldier at a checkpoint near Lorvale on Tuesday.", ["Lorvale"]))
    assert "Military Forces of Kenya" in sides(c)


# --- a people as the doer -------------------------------------------------------------------------------------------


def test_a_people_named_before_militants_is_its_ethnic_militia(run: Run) -> None:
    c = lead(run("Gabra militants wounded two women at a well near Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Gabra Ethnic Militia (Kenya)", "Civilians")
    assert c.actor("actor1").inter == 4


def test_a_people_that_spears_someone_is_its_ethnic_militia(run: Run) -> None:
    c = lead(run("Samburu speared a trader who crossed the river at Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Samburu Ethnic Militia (Kenya)"


def test_a_people_shot_dead_by_police_is_not_the_doer(run: Run) -> None:
    c = lead(run("Two Samburu shot dead by police near Lorvale were buried on Friday.", ["Lorvale"]))
    assert "Samburu Ethnic Militia (Kenya)" not in sides(c)


def test_an_attack_from_a_people_is_its_militias(run: Run) -> None:
    c = lead(run("Two herders were killed near Lorvale in a revenge raid from the Orma.", ["Lorvale"]))
    assert sides(c) == ("Orma Ethnic Militia (Kenya)", "Civilians")


def test_fighting_between_two_peoples_each_with_its_nationality(run: Run) -> None:
    c = lead(run("Fighting broke out between Kenyan Pokot and Ugandan Karamojong near Lorvale.", ["Lorvale"]))
    assert set(sides(c)) == {"Pokot Ethnic Militia (Kenya)", "Karamojong Ethnic Militia (Kenya)"}


# --- the state forces a fight is fought with ------------------------------------------------------------------------


def test_suspects_killed_in_a_shootout_with_police_fought_the_police(run: Run) -> None:
    c = lead(run("Four suspected robbers were killed in a shootout with police near Lorvale.", ["Lorvale"]))
    assert c.event_type == "Battles"
    assert set(sides(c)) == {"Police Forces of Kenya", "Unidentified armed group"}


def test_police_who_only_speak_are_not_the_other_side_of_a_fight(run: Run) -> None:
    c = lead(run("Two gangs fought with machetes in Lorvale, police said.", ["Lorvale"]))
    assert "Police Forces of Kenya" not in sides(c)


# --- a group the dictionary lacks, named by its members -------------------------------------------------------------


def test_members_of_a_named_gang_are_its_militia(run: Run) -> None:
    c = lead(run("Members of the Zanguru gang killed a shopkeeper in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Zanguru Militia", "Civilians")
    assert c.actor("actor1").inter == 3


def test_members_of_an_unnamed_gang_stay_unidentified(run: Run) -> None:
    c = lead(run("Members of a gang killed a shopkeeper in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- who did it, said later in the report ---------------------------------------------------------------------------


def test_a_group_suspected_in_a_closing_line_is_the_doer(run: Run) -> None:
    c = lead(run("Gunmen killed two teachers in Lorvale. Al-Shabaab suspected.", ["Lorvale"]))
    assert sides(c) == ("al-Shabaab", "Civilians")


def test_attackers_affiliated_with_a_group_are_that_group(run: Run) -> None:
    c = lead(run("Gunmen shot dead a chief in Lorvale. Police said the attackers were affiliated with al-Shabaab.",
                 ["Lorvale"]))
    assert sides(c)[0] == "al-Shabaab"


def test_a_victim_linked_to_a_group_does_not_make_it_the_doer(run: Run) -> None:
    c = lead(run("A grenade hurt three men at a kiosk in Lorvale. Police said one of the wounded men had been "
                 "linked to al-Shabaab.", ["Lorvale"]))
    assert sides(c)[0] == "Unidentified armed group"


def test_members_of_a_militant_group_named_after_it(run: Run) -> None:
    c = lead(run("A farmer was killed in Lorvale by members of the militant group al-Shabaab.", ["Lorvale"]))
    assert sides(c) == ("al-Shabaab", "Civilians")


# --- fusion: the armed party over the default victims ---------------------------------------------------------------

PUB = date(2015, 3, 2)
TOWN = Place("Lorvale", 31, "PPL", "KE", "Lorvale", "KE.01", "Lorvale", "KE.01.1", 0.5, 37.5, 1)


def test_a_fused_fight_keeps_the_police_over_an_anaphors_default_civilians() -> None:
    text = "Gunmen shot a policeman in Lorvale. The motive for the attack is unknown."
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    span = Span(0, len(text), text)
    day = TimeSpan(PUB, PUB, 1)
    gunmen = ActorRole("actor1", Actor("Unidentified armed group", 3))

    def claim(i: str, other: Actor, confidence: float) -> Claim:
        return Claim(i, document.document_id, span, "Battles", "Armed clash", span,
                     actors=(gunmen, ActorRole("actor2", other)), places=(PlaceMention(span, TOWN, 1.0, "t"),),
                     time=day, confidence=confidence, method="t")

    # the anaphor's claim is the surer of the two: the tie between the two other sides is not decided by it
    claims = [claim("a", Actor("Police Forces of Kenya", 1), 0.6), claim("b", Actor("Civilians", 7), 0.7)]
    events = fuse(claims, {document.document_id: document}).events
    assert len(events) == 1
    assert events[0].actor2 == Actor("Police Forces of Kenya", 1)


# --- state forces who answer an armed group; armed suspects killed by no one named ----------------------------------


def test_bandits_repulsed_by_police_fought_the_police(run: Run) -> None:
    c = lead(run("Bandits attacked villagers in Lorvale but were repulsed by police.", ["Lorvale"]))
    assert set(sides(c)) == {"Unidentified armed group", "Police Forces of Kenya"}
    assert c.event_type == "Battles"


def test_police_who_only_report_a_killing_do_not_answer_it(run: Run) -> None:
    c = lead(run("Gunmen killed two villagers in Lorvale, police said.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_suspected_members_of_a_group_killed_by_no_one_named_met_the_police(run: Run) -> None:
    c = lead(run("Two suspected Zanguru members were shot dead in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Police Forces of Kenya", "Zanguru Militia")
    assert c.event_type == "Battles"


def test_a_peoples_raiders_killed_in_a_fight_are_not_a_police_operation(run: Run) -> None:
    c = lead(run("Nine Borana raiders died in the fighting outside Lorvale.", ["Lorvale"]))
    assert "Police Forces of Kenya" not in sides(c)


def test_militants_killed_by_no_one_named_are_not_suspects(run: Run) -> None:
    c = lead(run("Twenty militants were killed in Lorvale.", ["Lorvale"]))
    assert "Police Forces of Kenya" not in sides(c)


def test_a_named_group_that_opens_the_sentence_is_the_doer(run: Run) -> None:
    c = lead(run("Al-Shabaab lines up and executes ten quarry workers in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("al-Shabaab", "Civilians")



def test_a_named_group_that_denies_an_attack_is_not_its_doer(run: Run) -> None:
    c = lead(run("Gunmen killed two herders in Lorvale. Al-Shabaab denied any involvement.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- a name the dictionary lacks as the doer ------------------------------------------------------------------------


def test_an_acronym_that_attacks_is_a_group(run: Run) -> None:
    c = lead(run("ZLF attacks civilians at Lorvale.", ["Lorvale"]))
    assert sides(c) == ("ZLF Militia", "Civilians")
    assert c.actor("actor1").inter == 3


def test_a_killing_by_an_acronym_is_that_groups(run: Run) -> None:
    c = lead(run("A pastor was shot dead by ZLF in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("ZLF Militia", "Civilians")


def test_a_person_who_kills_is_not_a_group(run: Run) -> None:
    c = lead(run("Mwangi killed his wife in Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Unidentified armed group"


def test_an_acronyms_offices_attacked_do_not_make_it_the_doer(run: Run) -> None:
    c = lead(run("Gunmen attacked ZLF offices in Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Unidentified armed group"


# --- a state force's country is the one named next to it ------------------------------------------------------------


def test_a_country_named_elsewhere_in_the_sentence_is_not_the_polices(actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    found = actor_dictionary.find_all("Police dispersed the crowd after Somali gunmen killed a trader.")
    assert [m.actor.name for m in found if m.actor.inter == 1] == ["Police forces"]


def test_a_country_next_to_the_force_word_is_its_own(actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    assert actor_dictionary.match("the Ugandan army").actor.name == "Military Forces of Uganda"
    assert actor_dictionary.match("troops from Uganda").actor.name == "Military Forces of Uganda"


def test_a_headlines_victim_named_first_is_not_a_group(run: Run) -> None:
    # a reduced passive: the name is whom it was done to
    c = lead(run("Candidate Ngira, attacked in his car by an unidentified gang in Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Unidentified armed group"


def test_a_people_named_as_an_ethnic_group_is_its_ethnic_militia(run: Run) -> None:
    c = lead(run("Gabra ethnic group attacks Karo civilians in a revenge attack near Lorvale.", ["Lorvale"]))
    assert sides(c)[0] == "Gabra Ethnic Militia (Kenya)"


# --- a country in apposition, an official of the government ---------------------------------------------------------


def test_a_country_in_brackets_after_a_group_is_not_its_army(run: Run) -> None:
    c = lead(run("An unidentified armed group (Kenya) raided Lorvale village and looted the homes there.",
                 ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_an_official_of_the_government_killed_is_a_civilian(run: Run) -> None:
    c = lead(run("An official of the county government was shot dead in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


# --- a headline's reduced passive with armed victims ----------------------------------------------------------------


def test_a_headlines_suspects_killed_are_the_ones_hit(run: Run) -> None:
    c = lead(run("2 suspected Zanguru members killed.", []))
    assert sides(c) == ("Police Forces of Kenya", "Zanguru Militia")


def test_suspects_who_kill_someone_stay_the_doers(run: Run) -> None:
    c = lead(run("Suspected robbers killed two shopkeepers in Lorvale.", ["Lorvale"]))
    assert sides(c) == ("Unidentified armed group", "Civilians")


def test_police_who_intercept_a_gang_are_the_other_side_of_its_killing(run: Run) -> None:
    c = lead(run("Officers intercepted a hold-up, killing 4 suspected Zanguru members.", []))
    assert sides(c) == ("Police Forces of Kenya", "Zanguru Militia")


def test_a_named_group_that_opens_a_when_clause_is_the_doer(run: Run) -> None:
    c = lead(run("Two traders died when al-Shabaab staged an ambush on a bus heading for the "
                 "market.", []))
    assert sides(c) == ("al-Shabaab", "Civilians")


def test_acleds_own_state_force_names_keep_their_country(actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    assert actor_dictionary.match("Military Forces of Ethiopia (1991-)").actor.name == "Military Forces of Ethiopia"
    assert actor_dictionary.match("Police Forces of Uganda (1986-)").actor.name == "Police Forces of Uganda"
