"""Attack or armed clash by who the other side was (issue 15, `type12` area), on invented sentences with a stub
classifier: one armed side harming people named by no armed word is an attack on civilians, however sure the
classifier's n-grams of police and gunfire are of a clash; a side named as armed, or fire exchanged, keeps it a
clash."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, lead
from tests.test_type10 import _Says  # one stub classifier, not a copy


def _typed(claims_of: ClaimsOf, text: str, ex: object) -> tuple[str | None, int | None]:
    claim = lead([c for c in claims_of(text, ex=ex) if c.event_type != NOT_AN_EVENT])
    actor2 = claim.actor("actor2")
    return claim.sub_event_type, actor2.inter if actor2 else None


def test_unarmed_victims_make_an_attack_over_a_sure_clash(claims_of: ClaimsOf, actor_dictionary) -> None:
    from frontwatch.extract import Extractor

    sure = Extractor(actor_dictionary, _Says("Armed clash", 0.8))
    text = "Police officers fired at a minibus near the bridge, killing one passenger and wounding two others."
    # the side harmed is civilians: the attack's actor 2 with it (type and sides agree)
    assert _typed(claims_of, text, sure) == ("Attack", 7)
    # a side named as armed, or both sides firing, keeps the classifier's clash
    for text in ("Officers fired on a getaway car at a roadblock, killing two suspected robbers.",
                 "Officers exchanged fire with the occupants of a car at a roadblock, killing one passenger."):
        assert _typed(claims_of, text, sure)[0] == "Armed clash", text



def test_a_report_that_tells_the_attack_fought_off_tells_two_armed_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.extract.clash_or_attack import _resisted

    # the classifier's clash stands where the report tells the attackers fought off (ACLED: two armed sides)
    for text in ("Gunmen attacked two hamlets at dawn. Soldiers pushed back the attackers within the hour.",
                 "Gunmen attacked two hamlets at dawn. Troops repulsed them within the hour.",
                 "Gunmen attacked two hamlets at dawn, but the herders fought back."):
        assert _resisted(nlp(text)), text
    for text in ("Gunmen attacked two hamlets at dawn and drove off with the cattle.",
                 "Gunmen attacked two hamlets at dawn, killing a farmer."):
        assert not _resisted(nlp(text)), text
