"""The actor dictionary: aliases, generic words yielding to named groups, state forces by country, anti-X, user YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.extract import ActorDictionary


@pytest.mark.parametrize(
    ("phrase", "name", "inter"),
    [
        ("rebels", "Rebels", 2),
        ("60 Taliban fighters", "Taliban", 2),
        ("the #Taliban", "Taliban", 2),
        ("Taliban forces", "Taliban", 2),
        ("resistance fighters", "Resistance forces", 2),
        ("Afghan security forces", "Military Forces of Afghanistan", 1),
        ("the Israeli army", "Military Forces of Israel", 1),
        ("Kenyan police", "Police Forces of Kenya", 1),
        ("government troops", "State forces", 1),
        ("al-Shabaab militants", "al-Shabaab", 2),
        ("Islamic State fighters", "Islamic State (ISIS)", 2),
        ("NATO", "NATO", 8),
        ("unknown gunmen", "Unidentified armed group", 3),
        ("at least 12 people", "Civilians", 7),
        ("demonstrators", "Protesters", 6),
    ],
)
def test_match(actor_dictionary: ActorDictionary, phrase: str, name: str, inter: int) -> None:
    m = actor_dictionary.match(phrase)
    assert m is not None
    assert (m.actor.name, m.actor.inter) == (name, inter)
    assert phrase[m.start : m.end].strip()  # the span points into the phrase


def test_anti_x_is_not_x(actor_dictionary: ActorDictionary) -> None:
    m = actor_dictionary.match("anti-Taliban forces")
    assert m is not None
    assert m.actor.name == "Anti-Taliban forces"
    assert m.actor.name != "Taliban"


def test_lowercase_us_is_a_pronoun_not_a_country(actor_dictionary: ActorDictionary) -> None:
    m = actor_dictionary.match("they told us troops")
    assert m is not None and m.actor.name == "State forces"
    m = actor_dictionary.match("US troops")
    assert m is not None and m.actor.name == "Military Forces of the United States" and m.country == "US"


def test_unknown_phrase(actor_dictionary: ActorDictionary) -> None:
    assert actor_dictionary.match("Indian TV news channel") is None


def test_user_yaml_extends_and_wins(tmp_path: Path) -> None:
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "actors:\n"
        "  - {name: Northern Brigade, inter: 3, aliases: [northern brigade, brigade fighters]}\n"
        "  - {name: Freedom Front, inter: 2, aliases: [rebels]}\n",
        "utf-8",
    )
    d = ActorDictionary.load(extra)
    m = d.match("Northern Brigade fighters")
    assert m is not None and (m.actor.name, m.actor.inter) == ("Northern Brigade", 3)
    m = d.match("the rebels")
    assert m is not None and m.actor.name == "Freedom Front"  # user entries come first
    m = d.match("Taliban")  # built-ins still there
    assert m is not None and m.actor.name == "Taliban"


def test_bad_user_yaml(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("- just a list\n", "utf-8")
    with pytest.raises(ValueError, match="actors"):
        ActorDictionary.load(extra)


def test_unnamed_state_forces_are_the_forces_of_the_places_country(actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.extract.claims import claims_per_place
    from frontwatch.model import Actor, ActorRole, Document, Place, PlaceMention, Span, document_id_for

    text = "Soldiers clashed with militants near Kismayo and Hargeisa."
    doc = Document(document_id_for(text), text, "t", "text")
    so = Place("Kismayo", 1, "PPLA", "SO", lat=0.4, lon=42.5, geo_precision=1)
    ke = Place("Hargeisa", 2, "PPLA", "SO", lat=9.6, lon=44.1, geo_precision=1)
    mentions = [PlaceMention(Span.of(text, 37, 44), so, 1.0, "t"), PlaceMention(Span.of(text, 49, 57), ke, 1.0, "t")]
    actors = (ActorRole("actor1", Actor("State forces", 1)), ActorRole("actor2", Actor("Al-Shabaab", 2)))
    claims = claims_per_place(doc, Span.of(text, 0, len(text)), Span.of(text, 9, 16), mentions, 0, 0.8, ["t"],
                              actor_dictionary, event_type="Battles", sub_event_type="Armed clash", actors=actors)
    assert [c.actor("actor1").name for c in claims] == ["Military Forces of Somalia"] * 2
    assert [c.actor("actor2").name for c in claims] == ["Al-Shabaab"] * 2
    assert actor_dictionary.of_country(Actor("Police forces", 1), "PK").name == "Police Forces of Pakistan"
    assert actor_dictionary.of_country(Actor("Taliban", 2), "AF").name == "Taliban"
