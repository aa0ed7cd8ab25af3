"""Demonstrations (issue 15, `demo11` area), on invented sentences with the rules alone: what a crowd burns as a
gesture (an effigy, a coffin, a flag) destroys no one's property, so its demonstration stays peaceful; violence that
led to a demonstration (in a clause of what happened before it, or under a word of cause: "a reaction to", "survivors
of", "accused … of") is what it was about, not what it did. The crowd's name follows the sub-type (Protesters for a
protest, Rioters for a riot)."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, sides


def _typed(claims_of: ClaimsOf, text: str) -> set[tuple[str | None, str | None]]:
    """The (sub-type, actor 1) of each event claim read from `text`."""
    return {(c.sub_event_type, sides(c)[0]) for c in claims_of(text) if c.event_type != NOT_AN_EVENT}


def _subs(claims_of: ClaimsOf, text: str) -> set[str | None]:
    return {sub for sub, _ in _typed(claims_of, text)}


def test_a_burnt_effigy_is_a_gesture_not_violence(claims_of: ClaimsOf) -> None:
    for text in ("Nurses marched through the main avenue and burned an effigy of the health secretary.",
                 "Dozens of marchers torched effigies of two cabinet ministers outside the assembly.",
                 "Traders set fire to a mock coffin bearing the mayor's name to oppose the new market fees."):
        assert _typed(claims_of, text) == {("Peaceful protest", "Protesters")}, text
    # the crowd burning someone's property is still its violence
    for text in ("Nurses marched through the main avenue and burned a council lorry.",
                 "Traders set fire to the council's revenue office to protest the new market fees."):
        assert _subs(claims_of, text) == {"Violent demonstration"}, text


def test_violence_that_led_to_a_protest_is_its_cause(claims_of: ClaimsOf) -> None:
    protest = {
        # a clause of what happened before, with another's subject
        "Porters staged a protest at the depot after a storeroom was burned.": "protest",
        # under a word of cause
        "Widows of the herders killed in last month's raids held a demonstration at the county offices.": "demo",
        # a light verb's demonstration ("held demonstrations") and the "following" phrase hung on that verb
        "Traders held demonstrations in the town following the arrest of two colleagues.": "held",
        "Pupils marched through the town on Monday. The march was largely a reaction to an ambush on a school bus.":
            "march",
    }
    for text in protest:
        subs = _typed(claims_of, text)
        assert ("Peaceful protest", "Protesters") in subs and not {s for s, _ in subs} & {
            "Violent demonstration", "Protest with intervention"}, text
    # the crowd's own violence, told in a clause of what came before with the crowd as its subject, in a clause that
    # tells the demonstration itself, or in a clause on a place, is still its own
    for text in ("Porters staged a protest at the depot after they had smashed its windows.",
                 "Lorries queued at the border crossing after villagers barricaded the road to protest a missing boy.",
                 "The ban on hawking sparked violent protests among the traders of the old market.",
                 # a clause that names the crowd, hung on the force's act: what the crowd did before the force came
                 "Riot officers lobbed tear gas into the throng after protesters barricaded the bypass with rocks.",
                 "Police used tear gas on the crowd after the protesters burned tyres.",
                 # a clause of what came before that tells violence against a force, at the demonstration
                 "Scores of arrests were made during a march in the capital after bottles were thrown at officers.",
                 "Youths demonstrated at the bus park, where they burned heaps of rubbish and pelted minibuses "
                 "with rocks."):
        assert "Violent demonstration" in _subs(claims_of, text), text


def test_an_accusation_is_no_intervention(claims_of: ClaimsOf) -> None:
    text = ("Farmers held demonstrations in response to thefts of livestock. Elders accused the police of detaining "
            "innocent herders.")
    assert _subs(claims_of, text) >= {"Peaceful protest"}
    assert "Protest with intervention" not in _subs(claims_of, text)
    # the accusers are the crowd itself: the word of accusing keeps no one's own name from telling the crowd
    assert _subs(claims_of, "Hawkers marched through the market on Monday. The protesters accused the council of "
                 "extortion. Police shot two of them dead.") == {"Excessive force against protesters"}
    # police force told as what happened to the demonstration still is an intervention, also in a clause of what
    # came before that names the crowd
    assert "Protest with intervention" in _subs(
        claims_of, "A rally by hospital workers was cut short after police fired tear gas to scatter the crowd.")
    assert "Protest with intervention" in _subs(
        claims_of, "Farmers held demonstrations over thefts of livestock. The police detained twelve of them.")


def test_one_persons_story_and_a_demand_are_no_cues(claims_of: ClaimsOf) -> None:
    """A clause on one person ("a herdsman who had been detained") tells that person's story, and a "calling for"
    phrase what the crowd demands: neither is force used on the demonstration."""
    for text in ("Villagers marched to the chief's office on Monday. They carried photographs of a herdsman who had "
                 "been detained by rangers.",
                 "Parents picketed the school on Friday, calling for the arrest of a teacher accused of caning "
                 "pupils."):
        subs = _subs(claims_of, text)
        assert "Peaceful protest" in subs and "Protest with intervention" not in subs, text
    # arrests of the demonstrators themselves are an intervention
    assert "Protest with intervention" in _subs(
        claims_of, "Villagers marched to the chief's office on Monday. Rangers detained six of the marchers.")


def test_a_headline_burning_a_symbol(claims_of: ClaimsOf) -> None:
    """A headline whose verb the parser reads as a noun ("teachers torch effigies") still burns a symbol."""
    assert _typed(claims_of, "Hundreds of teachers torch effigies outside council hall to protest budget cuts") == {
        ("Peaceful protest", "Protesters")}


class _Says:
    """Says the same label with the same probability for every text it reads."""

    def __init__(self, label: str, prob: float) -> None:
        self.label, self.prob = label, prob

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.label, self.prob) for _ in texts]


def test_excessive_force_needs_force_told(claims_of: ClaimsOf, actor_dictionary) -> None:
    """ACLED's excessive force against protesters is force used on them (shots, beatings, deaths): a classifier sure
    of it over a demonstration whose story tells no force or harm at all is reading a protest's n-grams."""
    from frontwatch.extract import Extractor

    sure = Extractor(actor_dictionary, _Says("Excessive force against protesters", 0.9))

    def subs(text: str) -> set[str | None]:
        return {c.sub_event_type for c in claims_of(text, ex=sure) if c.event_type != NOT_AN_EVENT}

    assert subs("Teachers marched through the town to demand higher pay.") == {"Peaceful protest"}
    # where the story tells of harm, the classifier's reading stands
    for told in ("Two of the marchers were hurt.", "Soldiers opened fire on the marchers."):
        assert "Excessive force against protesters" in subs(
            "Teachers marched through the town to demand higher pay. " + told), told


def test_rubber_bullets_are_an_intervention(claims_of: ClaimsOf) -> None:
    """A less-lethal round ("rubber bullets") disperses a crowd: an intervention; live fire may be excessive force."""
    text = "Hawkers marched to the county offices over new fees. Police dispersed the crowd with {} bullets."
    assert _subs(claims_of, text.format("rubber")) == {"Protest with intervention"}
    assert _subs(claims_of, text.format("live")) == {"Excessive force against protesters"}


def test_a_confrontation_with_police_is_violence(claims_of: ClaimsOf) -> None:
    """Nouns of a fight ("confrontations", "skirmishes", "a melee") tell a demonstration's violence as "running
    battles" does."""
    base = "Students marched to the county offices over unpaid bursaries."
    assert _subs(claims_of, base) == {"Peaceful protest"}
    assert _subs(claims_of, base + " There were confrontations with police near the gate.") == {
        "Violent demonstration"}
