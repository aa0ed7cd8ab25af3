"""The wire dateline that opens many reports ("KABUL, Aug 15 (Reuters) -"): sentence splitting keeps it out of the
first sentence, attribution reads its agency, geocoding its place."""

from __future__ import annotations

import re

# A wire dateline at the start of a paragraph: a place in capitals, an optional country or state, an optional date,
# an optional agency in brackets, then a dash ("BAMAKO, Mali —", "KABUL, Aug 15 (Reuters) -", "MOGADISHU (AP) —").
# Some outlets drop the dash: a place in capitals, a comma and its state or country, then the first sentence
# ("DENVER, Colorado Police said …"); the state or country is what tells it from a headline's word.
DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,[ \t]+(?P<region>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}))?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\((?P<agency>[^)\n]{1,40})\))?[ \t]*"
    r"(?:(?:--|[-—–])[ \t]+|(?(region)(?<=[a-z])[ \t]+(?=[A-Z])|(?!)))"
)
DATELINE_WINDOW = 600  # the dateline opens the report: after its headline at most
