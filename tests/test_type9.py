"""Where the classifier's reading meets the rules' (issue 15, `type9` area), on invented sentences with a stub
classifier: storming a place is an assault whose holding the text seldom tells, so a classifier sure of another
reading may replace the taking the rules read; a word of taking ground stays a taking. "Struck" (hit) and an air
strike tell no strike of workers, so no demonstration."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, lead


class _Says:
    """Says the same label with the same probability for every text it reads."""

    def __init__(self, label: str, prob: float) -> None:
        self.label, self.prob = label, prob

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.label, self.prob) for _ in texts]


def _sub(claims_of: ClaimsOf, text: str, ex: object = None) -> str | None:
    return lead([c for c in claims_of(text, ex=ex) if c.event_type != NOT_AN_EVENT]).sub_event_type


STORMED = "Gunmen stormed a guest house on the outskirts of the town and sprayed its lounge with bullets."


def test_a_storming_may_be_an_attack_by_a_sure_classifier(claims_of: ClaimsOf, actor_dictionary) -> None:
    from frontwatch.extract import Extractor
    from frontwatch.extract.event_typing import MODEL_RETYPE

    assert _sub(claims_of, STORMED) == "Non-state actor overtakes territory"  # the rules alone: a taking
    sure = Extractor(actor_dictionary, _Says("Attack", MODEL_RETYPE + 0.1))
    assert _sub(claims_of, STORMED, ex=sure) == "Attack"
    unsure = Extractor(actor_dictionary, _Says("Attack", MODEL_RETYPE - 0.05))
    assert _sub(claims_of, STORMED, ex=unsure) == "Non-state actor overtakes territory"
    # a word of taking ground stays a taking whatever the classifier says
    seized = "Gunmen seized the town after a night of fighting."
    assert _sub(claims_of, seized, ex=sure) == "Non-state actor overtakes territory"


def test_struck_is_no_strike_of_workers(claims_of: ClaimsOf) -> None:
    """A crowd's violence is a demonstration's only where the story tells one: "struck" (hit) and an air strike
    are no workers' strike, so a mob beating a driver whose car struck someone is mob violence."""
    for text in ("A mob beat a driver whose lorry had struck a schoolgirl.",
                 "Angry villagers attacked a motorist after his car struck a cyclist near the market."):
        assert _sub(claims_of, text) == "Mob violence", text
    # a strike of workers still is a demonstration
    assert _sub(claims_of, "Workers on strike blocked the highway and stoned vehicles.") == "Violent demonstration"
