"""Crowds (issue 15, `sub13` area), on invented sentences with the rules alone: a crowd named only by riot words
("rioters") that sets upon people (beats, assaults, injures someone who is no force) with no protest, march or strike
told is a mob (ACLED's mob violence), not a demonstration turned violent; its damage to property, its stones at
police and a striking crowd's violence stay a violent demonstration. A demonstration a light verb holds ("a protest was
staged against …") has its "against / over" phrase as its grievance, as a protest verb's."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf


def _subs(claims_of: ClaimsOf, text: str) -> set[str | None]:
    return {c.sub_event_type for c in claims_of(text) if c.event_type != NOT_AN_EVENT}


def test_rioters_who_set_upon_people_are_a_mob(claims_of: ClaimsOf) -> None:
    for text in ("Rioters beat up three ballot clerks at the counting hall on Tuesday.",
                 "A grocer was assaulted by rioters beside the lorry park.",
                 "Rioters overran the estate office and whipped two caretakers."):
        subs = _subs(claims_of, text)
        assert "Mob violence" in subs and "Violent demonstration" not in subs, (text, subs)
    # a riot on property or police, a striking crowd's, or harm done by others or to the crowd itself stays a
    # violent demonstration
    for text in ("Rioters burned a lorry and smashed shop windows in the town centre.",
                 "Rioters stoned two police officers and burned a patrol car.",
                 "Striking dockers rioted and beat up a foreman at the quay.",
                 "Pupils rioted after a speeding matatu injured a classmate.",
                 "Youths rioted near the tally centre; officers opened fire, killing one rioter."):
        assert "Violent demonstration" in _subs(claims_of, text), text
        assert "Mob violence" not in _subs(claims_of, text), text


def test_a_held_protests_against_phrase_is_its_grievance(claims_of: ClaimsOf) -> None:
    # a light verb holds the demonstration ("was staged", "held a march"): its "against / over" phrase tells what
    # it was about, as a protest verb's does, not violence of the crowd's or another event of the report
    subs = _subs(claims_of, "A demonstration was staged against the attacks on herders. Police intervened.")
    assert "Protest with intervention" in subs and "Violent demonstration" not in subs, subs
    subs = _subs(claims_of, "A march was held over the stabbing of a shopkeeper in the bazaar.")
    assert subs == {"Peaceful protest"}, subs
    # the crowd's own violence after it is still its own
    assert "Violent demonstration" in _subs(
        claims_of, "A vigil was held over the stabbing of a shopkeeper; mourners then smashed the windows of the bar.")
