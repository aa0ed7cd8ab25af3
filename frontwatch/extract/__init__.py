"""Stage: extract — claims (who did what to whom, where, when, how many, according to whom, how firmly)."""

from frontwatch.extract.actors import ActorDictionary, ActorMatch
from frontwatch.extract.assembler import ClaimSteps, LanguagePack, Sides, Typed, assemble
from frontwatch.extract.assembly import ENGLISH, Extractor
from frontwatch.extract.places import ner_places

__all__ = ["ENGLISH", "ActorDictionary", "ActorMatch", "ClaimSteps", "Extractor", "LanguagePack", "Sides", "Typed",
           "assemble", "ner_places"]
