"""A crowd that does the violence makes a riot (issue 15, `type10` area), on invented sentences with a stub
classifier: where a claim is typed violence against civilians but the doer the text names is a crowd (a mob,
rioters, villagers or residents as a group), ACLED codes the crowd's riot (mob violence), not an attack; an armed
group's or a state force's attack stays one, as does one by men named with their arms."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, lead


class _Says:
    """Says the same label with the same probability for every text it reads."""

    def __init__(self, label: str, prob: float) -> None:
        self.label, self.prob = label, prob

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.label, self.prob) for _ in texts]


def _typed(claims_of: ClaimsOf, text: str, ex: object) -> tuple[str | None, str | None]:
    c = lead([c for c in claims_of(text, ex=ex) if c.event_type != NOT_AN_EVENT])
    actor1 = c.actor("actor1")
    return c.sub_event_type, actor1.name if actor1 is not None else None


def test_a_crowd_read_as_attacking_is_mob_violence(claims_of: ClaimsOf, actor_dictionary) -> None:
    """The classifier's "Attack" over a crowd's beating: the doer the text names decides the type, and the crowd
    stays its actor (not an unidentified armed group)."""
    from frontwatch.extract import Extractor

    sure = Extractor(actor_dictionary, _Says("Attack", 0.9))
    for text in ("An irate mob beat a cattle trader to death at a livestock market on Tuesday.",
                 "Angry villagers beat two men they accused of stealing a goat.",
                 "Rioters stabbed a bus driver and torched his vehicle.",
                 "A shopkeeper was beaten to death by angry residents."):
        sub, actor1 = _typed(claims_of, text, sure)
        assert sub in {"Mob violence", "Violent demonstration"}, text
        assert actor1 != "Unidentified armed group", text
    # an armed group's, a state force's or armed men's attack stays one
    for text in ("Gunmen beat a cattle trader to death at a livestock market on Tuesday.",
                 "Police officers beat two hawkers outside the bus terminal.",
                 "Machete-wielding villagers hacked two herders to death near the river."):
        assert _typed(claims_of, text, sure)[0] == "Attack", text


def test_coordinated_passive_verbs_share_their_agent(claims_of: ClaimsOf, actor_dictionary) -> None:
    """ "was attacked and badly injured by a mob": the "by" phrase on the last verb names the doer of both, so the
    attack is the crowd's (mob violence, the crowd its actor); armed men or police named there keep it an attack."""
    from frontwatch.extract import Extractor

    sure = Extractor(actor_dictionary, _Says("Attack", 0.9))
    for text in ("A shopkeeper was attacked and badly injured by an angry mob.",
                 "A cyclist was assaulted and hurt by a crowd of villagers near the ferry."):
        sub, actor1 = _typed(claims_of, text, sure)
        assert sub == "Mob violence" and actor1 == "Rioters", text
    assert _typed(claims_of, "A trader was robbed and stabbed by police officers in the town.", sure) == (
        "Attack", "Police forces")
