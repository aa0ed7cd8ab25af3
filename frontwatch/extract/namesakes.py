"""A toponym the text sets inside a place of another country is a namesake abroad: dropped from the report's places.

"shelling the villages of X and W in Y", where the gazetteer lacks the village X of Y's country but holds a town X
abroad: the geocoder's reading of X is a namesake, since the text itself says X lies in Y. Without it the event's
place falls to Y, the container, the best point known (ACLED codes an unknown village at its district or province).
The geocoder's own containment rule (`geocode/geoparser.py`) re-reads X inside Y where it can pair the two names;
this catches what it cannot pair: a list whose other names the recogniser did not find, or a container that is a town.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from frontwatch.model import PlaceMention

# Between X and its container Y: optionally more names of the list ("and W", ", W and V"), then "in" (with "the" or
# a compass or nearness word). Nothing else: "X and Y" are peers, "X, Y" may be a list of two countries' towns.
_INSIDE_GAP = re.compile(
    r"^(?:\s*,?\s+(?:and|or)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})*"
    r"\s+in\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|northern|southern|eastern|western|central|north|south|east|west)"
    r"(?:ern)?\s+)?$")


def namesakes_abroad(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """`places` without the resolved toponyms whose text says they lie "in" the next resolved place, of another
    country (`_INSIDE_GAP` between them), where the report places more of its names in the container's country than
    in the contained name's: the container can be the namesake too ("X in Y" with X right and Y read abroad), and
    with no majority neither reading is surer, so X stays."""
    resolved = sorted((m for m in places if m.place is not None), key=lambda m: m.span.start)
    countries = Counter(m.place.country for m in resolved if m.place.country)  # type: ignore[union-attr]
    drop: set[int] = set()
    for m, n in pairwise(resolved):
        if m.place.country and n.place.country and m.place.country != n.place.country and (  # type: ignore[union-attr]
                countries[n.place.country] > countries[m.place.country]) and (  # type: ignore[union-attr]
                n.span.start - m.span.end <= 80 and _INSIDE_GAP.match(text[m.span.end : n.span.start])):
            drop.add(id(m))
    return [m for m in places if id(m) not in drop] if drop else list(places)
