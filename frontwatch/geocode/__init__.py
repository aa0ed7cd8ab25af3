"""Stage: geocode — the embedded gazetteer and the geoparser (recognition and resolution in context)."""

from frontwatch.geocode.build import Sources, build_gazetteer
from frontwatch.geocode.gazetteer import Candidate, Gazetteer
from frontwatch.geocode.geoparser import Geoparser

__all__ = ["Candidate", "Gazetteer", "Geoparser", "Sources", "build_gazetteer"]
