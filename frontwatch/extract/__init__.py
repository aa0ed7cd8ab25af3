"""Stage: extract — claims (who did what to whom, where, when, how many, according to whom, how firmly)."""

from frontwatch.extract.actors import ActorDictionary, ActorMatch
from frontwatch.extract.assembly import Extractor
from frontwatch.extract.places import ner_places

__all__ = ["ActorDictionary", "ActorMatch", "Extractor", "ner_places"]
