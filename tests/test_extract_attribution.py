"""Attribution (source chains with kinds) and certainty (negation and hedging in the trigger's scope), through the
real pipeline — both the full parse and `annotate`'s selective one."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.annotate import annotate
from frontwatch.extract.attribution import attribute, certainty_for
from frontwatch.model import Certainty, Document, SourceKind, document_id_for

PUB = date(2021, 8, 21)
S, L, OFF, OUT, U = (SourceKind.SOCIAL_MEDIA, SourceKind.LOCAL, SourceKind.OFFICIAL, SourceKind.OUTLET,
                   SourceKind.UNNAMED)


def _attr(nlp, text: str, publisher: str = "outlet.org", selective: bool = False):  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "t", "text", publisher=publisher, published=PUB)
    if selective:
        ((_, doc),) = list(annotate(nlp, [document]))
    else:
        doc = nlp(text)
    attrs = attribute(document, doc)
    return doc, attrs


def _chains(nlp, text: str, selective: bool = False) -> dict[str, list]:  # type: ignore[no-untyped-def]
    doc, attrs = _attr(nlp, text, selective=selective)
    return {s.text.strip()[:24]: [(x.name, x.kind) for x in attrs[s.start_char].sources[1:]]
            for s in doc.sents if s.text.strip()}


@pytest.mark.parametrize(("text", "expected"), [
    ("Police said three people were arrested.", [("Police", OFF)]),
    ("Three people were arrested, police said.", [("police", OFF)]),  # speaker after the clause
    ("According to the Interior Ministry, 12 soldiers were killed.", [("the Interior Ministry", OFF)]),
    ("The governor told reporters that the town had fallen.", [("The governor", OFF)]),
    ("Residents said the militants had fled.", [("Residents", L)]),
    ("The attack was claimed by the Islamic State group.", [("the Islamic State group", OFF)]),  # passive agent
    ("The ministry said in a statement that five soldiers died.", [("The ministry", OFF)]),
    ("Unconfirmed reports said the commander was killed.", [("Unconfirmed reports", U)]),
    ("Videos posted on Telegram showed fighters entering the town.", [("Videos posted on Telegram", S)]),
    ("At least 12 people have been killed since Sunday, NATO and Taliban officials said.",
     [("NATO officials", OFF), ("Taliban officials", OFF)]),
    ("Two towns were recaptured including one by Indian TV news channel Frontier News.", [("Frontier News", OUT)]),
    ("Rebels seized the town on Friday.", []),  # the publisher's own voice
    ("Separately, the United States today advised citizens to leave.", []),  # "States" is no speech verb
    ("Clashes reported in the north of the province.", []),  # a headline's reduced passive: events do not speak
    ("Fighting reported near the airport on Sunday.", []),
])
@pytest.mark.parametrize("selective", [False, True])
def test_speakers(nlp, text: str, expected: list, selective: bool) -> None:  # type: ignore[no-untyped-def]
    (chain,) = _chains(nlp, text, selective).values()
    assert chain == expected


def test_publisher_is_root_and_chains_are_outermost_first(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, attrs = _attr(nlp, "Residents said the militants had fled.\n\nThe town was calm.")
    assert all(a.sources[0].name == "outlet.org" and a.sources[0].kind == OUT for a in attrs.values())
    first = attrs[next(iter(doc.sents)).start_char]
    assert first.sources[1].chain == ("outlet.org", "Residents") and first.certainty == Certainty.REPORTED
    last = attrs[list(doc.sents)[-1].start_char]
    assert len(last.sources) == 1 and last.certainty == Certainty.ASSERTED


@pytest.mark.parametrize("selective", [False, True])
def test_relayed_account_and_nested_quote(nlp, selective: bool) -> None:  # type: ignore[no-untyped-def]
    text = ("A Twitter account named after Valley Province – a centre for the opposition – shared events in the "
            "north.\n\n"
            "A post at 1.40pm GMT said: “The district was taken back from the militants and fighting is raging.\n\n"
            "“Local sources say the militants have been attacked from several areas.”\n\n"
            "The town was quiet on Friday.")
    doc, attrs = _attr(nlp, text, selective=selective)
    sents = [s for s in doc.sents if s.text.strip()]
    account, post, local, after = (attrs[s.start_char] for s in sents)
    assert [(x.name, x.kind) for x in account.sources[1:]] == [("Valley Province", S)]
    assert [(x.name, x.kind) for x in post.sources[1:]] == [("Valley Province", S)]
    # the nested speaker inside the running quotation is relayed by the quotation's speaker
    (loc,) = local.sources[1:]
    assert (loc.name, loc.kind, loc.chain) == ("Local sources", L, ("outlet.org", "Valley Province", "Local sources"))
    assert len(after.sources) == 1  # the quotation closed: back to the publisher's voice


def test_quote_after_said_and_pronouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("An army spokesman said.\n\n“We are advising citizens to avoid the airport.”\n\n"
            "The governor said the town was calm.\n\nHe said the roads were open.\n\nThe market reopened.")
    chains = _chains(nlp, text)
    assert chains["“We are advising citizen"] == [("An army spokesman", OFF)]
    assert chains["He said the roads were o"] == [("The governor", OFF)]
    assert chains["The market reopened."] == []


def test_hedging_speech_sets_the_base(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, attrs = _attr(nlp, "Some reports suggested the towns had not yet been captured.\n\n"
                            "Other reports said the rebels advanced.")
    a, b = (attrs[s.start_char] for s in doc.sents if s.text.strip())
    assert a.sources[1].kind == U and a.certainty == Certainty.HEDGED
    assert b.sources[1].kind == U and b.certainty == Certainty.REPORTED


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Some reports suggested the towns had not yet been captured.", "captured", Certainty.DENIED),
    ("The spokesman denied that the district had fallen.", "fallen", Certainty.DENIED),
    ("The army rejected reports that rebels had captured the base.", "captured", Certainty.DENIED),
    ("Reports that rebels captured the base are false, the ministry said.", "captured", Certainty.DENIED),
    ("No civilians were killed in the strike.", "killed", Certainty.DENIED),
    ("Nobody was hurt in the blast.", "hurt", Certainty.DENIED),
    ("The militants did not attack the convoy.", "attack", Certainty.DENIED),
    ("Rebels failed to capture the base.", "capture", Certainty.DENIED),
    ("Rebels reportedly seized the district.", "seized", Certainty.HEDGED),
    ("Rebels may have seized the district.", "seized", Certainty.HEDGED),
    ("Rebels appeared to have captured the base.", "captured", Certainty.HEDGED),
    ("It is unclear whether the rebels captured the base.", "captured", Certainty.HEDGED),
    ("There was uncertainty about which areas had been recaptured.", "recaptured", Certainty.HEDGED),
    ("Unconfirmed reports said the commander was killed.", "killed", Certainty.HEDGED),
    ("The Taliban claimed they had captured the district.", "captured", Certainty.HEDGED),
    # negation and hedges outside the trigger's clause do not count
    ("Rebels seized the district, which had not been attacked for years.", "seized", Certainty.ASSERTED),
    ("The spokesman, who denied any wrongdoing, said rebels seized the town.", "seized", Certainty.ASSERTED),
    ("Officials, who reportedly fled, said rebels seized the town.", "seized", Certainty.ASSERTED),
    ("Rebels seized the town but did not take the airport.", "seized", Certainty.ASSERTED),
    ("Rebels seized the town but did not take the airport.", "take", Certainty.DENIED),
    ("Rebels seized the district.", "seized", Certainty.ASSERTED),
])
def test_certainty(nlp, text: str, trigger: str, expected: Certainty) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    sent = next(iter(doc.sents))
    tok = next(t for t in doc if t.text == trigger)
    assert certainty_for(sent, tok, Certainty.ASSERTED) == expected


def test_certainty_keeps_the_reported_base(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police said three people were arrested.")
    tok = next(t for t in doc if t.text == "arrested")
    assert certainty_for(next(iter(doc.sents)), tok, Certainty.REPORTED) == Certainty.REPORTED


def test_seed_article(nlp, shared_dir) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "examples" / "seed-article.txt").read_text("utf-8")
    document = Document(document_id_for(text), text, "t", "text", publisher="express.co.uk", published=PUB)
    ((_, doc),) = list(annotate(nlp, [document]))
    attrs = attribute(document, doc)
    sents = [s for s in doc.sents if s.text.strip()]

    def at(fragment: str):  # type: ignore[no-untyped-def]
        s = next(s for s in sents if fragment in s.text)
        return s, attrs[s.start_char]

    _, photos = at("photographs and videos")
    assert photos.sources[1].kind == S
    _, post = at("A post at 1.40pm GMT")
    assert post.sources[1].kind == S and "Province" in post.sources[1].name
    _, local = at("Local sources say")
    assert local.sources[-1].kind == L and local.sources[-1].chain[:2] == ("express.co.uk", post.sources[1].name)
    _, outlet = at("by Indian TV news channel")
    assert (outlet.sources[-1].name, outlet.sources[-1].kind) == ("Republic World", OUT)
    sent, some = at("Some reports suggested")
    assert some.sources[1].kind == U
    captured = next(t for t in sent if t.text == "captured")
    assert certainty_for(sent, captured, some.certainty) == Certainty.DENIED
    _, nato = at("At least 12 people")
    assert {(x.name, x.kind) for x in nato.sources[1:]} == {("NATO officials", OFF), ("Taliban officials", OFF)}
    _, own = at("Taliban forces captured")
    assert len(own.sources) == 1 and own.certainty == Certainty.ASSERTED
    _, quote = at("Because of potential security threats")
    assert quote.sources[1].kind == OFF and "spokesman" in quote.sources[1].name
    sent, unsure = at("uncertainty about which areas")
    rec = next(t for t in sent if t.text == "recaptured")
    assert certainty_for(sent, rec, unsure.certainty) == Certainty.HEDGED


def test_a_named_group_with_its_acronym_in_brackets_is_one_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Militia fighters seize army base in the north\n\n"
            "The paramilitary Rapid Support Forces (RSF) said on Sunday they had taken control of a major army base "
            "after heavy fighting.")
    chains = _chains(nlp, text, selective=True)
    assert chains["The paramilitary Rapid S"] == [("The paramilitary Rapid Support Forces (RSF)", OFF)]


def test_a_clause_the_parser_read_as_a_relative_keeps_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Armed bandits abducted at least 30 villagers in an overnight raid on the village, police said on Friday."
    (chain,) = _chains(nlp, text, selective=True).values()
    assert chain == [("police", OFF)]
