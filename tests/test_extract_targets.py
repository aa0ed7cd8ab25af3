"""What an event was done to decides its type: ground or goods taken, civilians or fighters hit, a mob or a
demonstration, a weapon attacked with or only tested. Hand-written sentences, lexicon and parse only (no classifier)."""

from __future__ import annotations

from frontwatch.model import Claim
from tests.fixtures.nlp import ClaimsOf
from tests.test_extract_claims import _StubClassifier


def subs(claims: list[Claim]) -> list[str | None]:
    return [c.sub_event_type for c in claims]


def names(claim: Claim) -> dict[str, str]:
    return {a.role: a.actor.name for a in claim.actors}


def test_goods_and_people_taken_are_no_territory(claims_of: ClaimsOf) -> None:
    assert claims_of("Customs officers seized a shipment of fake handbags in Lagos.", ["Lagos"]) == []
    assert claims_of("Seven foreign nationals were captured near Bihac on Monday.", ["Bihac"]) == []
    freed = subs(claims_of("Troops liberated twelve hostages in Zamfara.", ["Zamfara"]))
    assert "Government regains territory" not in freed and "Non-state actor overtakes territory" not in freed
    # ground still is: a name, a place noun, a share of a place
    for text in ("Rebels seized the airport of Goma.", "Rebels seized Goma on Sunday.",
                 "Rebels seized most of Goma.", "Rebels captured two hilltops near Goma."):
        assert subs(claims_of(text, ["Goma"])) == ["Non-state actor overtakes territory"], text


def test_weapons_seized_as_a_participle_are_disrupted_weapons_use(claims_of: ClaimsOf) -> None:
    claims = claims_of("Soldiers displayed weapons seized on a boat near Bosaso.", ["Bosaso"])
    assert subs(claims) == ["Disrupted weapons use"]


def test_entering_talks_is_no_entry_into_a_place(claims_of: ClaimsOf) -> None:
    assert claims_of("The rebels entered talks with the government in Doha.", ["Doha"]) == []
    assert subs(claims_of("Rebel fighters entered Goma on Sunday.", ["Goma"])) == ["Non-violent transfer of territory"]


def test_attack_on_a_village_or_a_bus_is_violence_against_civilians(claims_of: ClaimsOf) -> None:
    c = claims_of("Gunmen attacked a village in Zamfara state on Friday.", ["Zamfara"])[0]
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack")
    assert names(c) == {"actor1": "Unidentified armed group", "actor2": "Civilians"}
    c = claims_of("Militants opened fire on a bus near Quetta.", ["Quetta"])[0]
    assert c.sub_event_type == "Attack"
    # fighters against fighters stay a clash
    c = claims_of("Gunmen attacked an army post in Zamfara state.", ["Zamfara"])[0]
    assert c.sub_event_type == "Armed clash"


def test_killing_armed_men_is_a_clash_not_an_attack_on_civilians(claims_of: ClaimsOf) -> None:
    c = claims_of("The army killed scores of terrorists in Idlib province.", ["Idlib"])[0]
    assert (c.event_type, c.sub_event_type) == ("Battles", "Armed clash")
    assert names(c)["actor2"] == "Unidentified armed group"


def test_mob_without_demonstration_is_mob_violence(claims_of: ClaimsOf) -> None:
    c = claims_of("An angry mob vandalized a temple and attacked shops in Comilla.", ["Comilla"])[0]
    assert c.sub_event_type == "Mob violence"
    assert names(c)["actor1"] == "Rioters"  # the doer of "attacked" is the subject it shares with "vandalized"
    c = claims_of("During the protest rioters clashed with police in Belfast.", ["Belfast"])[0]
    assert c.sub_event_type == "Violent demonstration"


def test_weapon_named_only_as_what_is_tested_or_sanctioned_is_no_attack(claims_of: ClaimsOf) -> None:
    assert claims_of("Japan imposed new sanctions over the missile tests in Pyongyang.", ["Pyongyang"]) == []
    assert claims_of("The country expanded its missile development programme in Tehran.", ["Tehran"]) == []
    assert subs(claims_of("A missile hit a market in Kharkiv.", ["Kharkiv"])) == ["Shelling/artillery/missile attack"]


def test_protest_that_turns_violent_is_a_violent_demonstration(claims_of: ClaimsOf) -> None:
    claims = claims_of("Protests in Lima turned violent on Tuesday.", ["Lima"])
    assert subs(claims) == ["Violent demonstration"]


def test_driving_an_armed_side_out_takes_ground_from_it(claims_of: ClaimsOf) -> None:
    c = claims_of("The army drove the militants out of two villages in Homs province.", ["Homs"])[0]
    assert c.sub_event_type == "Government regains territory"
    assert names(c)["actor2"] == "Unidentified armed group"  # the side driven out lost it
    c = claims_of("The rebels were pushed back from their strongholds in Homs province.", ["Homs"])[0]
    assert c.sub_event_type == "Government regains territory"  # an unnamed side driving rebels out
    assert claims_of("Police pushed back the crowd in Homs.", ["Homs"]) == []  # no armed side lost ground


def test_aircraft_as_the_doer_make_an_air_strike(claims_of: ClaimsOf) -> None:
    assert subs(claims_of("Turkish jets destroyed depots in Duhok province.", ["Duhok"])) == ["Air/drone strike"]
    c = claims_of("Saudi jets fired missiles at a village in Saada.", ["Saada"])[0]
    assert c.sub_event_type == "Air/drone strike"


def test_weapons_destroyed_prisoners_exchanged_forces_sent(claims_of: ClaimsOf) -> None:
    assert subs(claims_of("Special forces destroyed caches of weapons in Ghazni.", ["Ghazni"])) == [
        "Disrupted weapons use"]
    assert subs(claims_of("Rebels and government forces exchanged prisoners near Aleppo.", ["Aleppo"])) == ["Agreement"]
    assert subs(claims_of("The army dispatched reinforcements to Palmyra on Tuesday.", ["Palmyra"])) == [
        "Change to group/activity"]


def test_toll_after_a_blast_belongs_to_the_blast(claims_of: ClaimsOf) -> None:
    claims = claims_of("A soldier died and five others were injured after two IEDs exploded in Lamu.", ["Lamu"])
    assert claims[0].sub_event_type == "Remote explosive/landmine/IED"
    assert "Attack" not in subs(claims)


def test_arrests_at_a_protest_are_an_intervention_arrests_for_one_are_arrests(claims_of: ClaimsOf) -> None:
    c = claims_of("Four people were detained in Minsk during an attempt to protest.", ["Minsk"])[0]
    assert c.sub_event_type == "Protest with intervention"
    c = claims_of("Police arrested an activist in Cairo over charges of organising a protest.", ["Cairo"])[0]
    assert c.sub_event_type == "Arrests"


def test_force_on_a_protest_intervention_or_excessive_by_the_words(claims_of: ClaimsOf) -> None:
    c = claims_of("Police suppressed a peaceful march in Goma on Sunday.", ["Goma"])[0]
    assert c.sub_event_type == "Protest with intervention"
    c = claims_of("Soldiers violently suppressed a peaceful protest in Goma on Sunday.", ["Goma"])[0]
    assert c.sub_event_type == "Excessive force against protesters"


def test_what_a_demonstration_denounces_is_not_how_it_went(claims_of: ClaimsOf) -> None:
    c = claims_of("Demonstrators marched in Tabriz to denounce violence against women.", ["Tabriz"])[0]
    assert c.sub_event_type == "Peaceful protest"
    c = claims_of("Demonstrators marched in Tabriz and hurled stones at the police.", ["Tabriz"])[0]
    assert c.sub_event_type == "Violent demonstration"


def test_classifier_refines_a_plain_protest_but_not_one_the_words_decided(  # type: ignore[no-untyped-def]
        claims_of: ClaimsOf, actor_dictionary) -> None:
    from frontwatch.extract import Extractor

    sure = Extractor(actor_dictionary, _StubClassifier("Violent demonstration", 0.9))
    plain = claims_of("Thousands of protesters rallied in Lima on Saturday.", ["Lima"], ex=sure)[0]
    assert plain.sub_event_type == "Violent demonstration"
    cued = claims_of("Police fired live bullets at protesters in Lima on Saturday.", ["Lima"], ex=sure)[0]
    assert cued.sub_event_type == "Excessive force against protesters"


def test_a_position_or_convoy_is_its_holders(claims_of: ClaimsOf) -> None:
    c = claims_of("RSF fighters shelled SAF positions in Omdurman.", ["Omdurman"])[0]
    assert names(c) == {"actor1": "Rapid Support Forces (RSF)", "actor2": "Military Forces of Sudan"}
    c = claims_of("JNIM militants attacked a FAMa position in Boni.", ["Boni"])[0]
    assert names(c) == {"actor1": "JNIM", "actor2": "Military Forces of Mali"}
    assert c.sub_event_type == "Armed clash"


def test_demonstrators_nationality_is_no_army_and_the_force_on_them_is_actor2(claims_of: ClaimsOf) -> None:
    c = claims_of("Israeli forces fired tear gas at Palestinian demonstrators in Beita.", ["Beita"])[0]
    assert c.sub_event_type == "Protest with intervention"
    assert names(c) == {"actor1": "Protesters", "actor2": "Military Forces of Israel"}


def test_a_former_officer_is_a_civilian(claims_of: ClaimsOf) -> None:
    c = claims_of("The Taliban executed a former police officer in Kandahar.", ["Kandahar"])[0]
    assert (c.sub_event_type, names(c)["actor2"]) == ("Attack", "Civilians")
