"""Extraction's speed-ups give the same answers as the Token-by-Token reading they replace (perf7): a document's
words read once as strings (extract/doc_words.py), trigger matching only at the words the lexicon indexes, and
cheap word tests before the sentence checks that walk the parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.model import Document, document_id_for

# Invented reports: a headline, names, a quoted slogan, blank lines and other white space between sentences.
TEXTS = (
    "Riot breaks out in Dunmore after market tax rise\n\n"
    "Youths stoned two traders and torched a kiosk on Tuesday, police said.  Officers fired into the air.",
    "Four people died and nine were hurt when a gas cylinder exploded in a roadside canteen, officials said.\n"
    "The owner was arrested for running the canteen without a licence.",
    "Marchers chanting \"stop the killing\" walked to the governor's office. Rebels plotted to attack the depot.",
    "The Brenner virus has killed 12 people in the valley, and 340 cases of the fever were reported this week. "
    "Health workers said the outbreak and its infections were spreading.",
    "Mudslides after the storm killed six villagers in the hills. Gunmen shot dead a herder near the river.",
)


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    from frontwatch.annotate import annotate

    documents = [Document(document_id_for(t), t, "test", "text", None, None, "example.org", None, "en")
                 for t in TEXTS]
    return [doc for _, doc in annotate(nlp, documents)]


def test_document_words_are_the_tokens_own(docs: list[Doc]) -> None:
    from frontwatch.extract.doc_words import doc_words, span_text

    for doc in docs:
        own = doc_words(doc)
        assert list(own.lemmas) == [t.lemma_.lower() for t in doc]
        assert list(own.lowers) == [t.lower_ for t in doc]
        assert list(own.pos) == [t.pos_ for t in doc]
        assert list(own.idx) == [t.idx for t in doc]
        assert list(own.ends) == [t.idx + len(t.text) for t in doc]
        assert doc_words(doc) is own  # read once per document
        for sent in doc.sents:
            assert span_text(sent) == sent.text
            assert own.lemma_set(sent.start, sent.end) == {t.lemma_.lower() for t in sent}


def test_classifier_windows_and_clause_offsets_are_cut_from_the_text(docs: list[Doc]) -> None:
    from frontwatch.extract.sentences import _char_ranges, _in_context

    for doc in docs:
        sents = list(doc.sents)
        windows = [doc[sents[max(0, k - 1)].start:sents[min(len(sents) - 1, k + 1)].end].text
                   for k in range(len(sents))]
        assert _in_context(sents, 1) == windows
        assert _in_context(sents, 0) == [s.text for s in sents]
        some = set(range(0, len(doc), 3))
        assert _char_ranges(doc, some) == [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in sorted(some)]
    # both read the document's arrays and sentences once, not a Token per word
    fresh = Doc(docs[0].vocab).from_bytes(docs[0].to_bytes(exclude=["user_data"]))
    _in_context(list(fresh.sents), 1)
    _char_ranges(fresh, {0, 1})
    assert {"fw_sents", "fw_words"} <= set(fresh.user_data)


def _every_token(lex, sent):  # type: ignore[no-untyped-def]
    """find_triggers as it read before: every token of the sentence through every check."""
    from frontwatch.extract import triggers as tr

    hits = []
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        if tok.ent_type_ in tr._NAME_TYPES and not tr._headline_word(lex, tok) and not tr._lower_name_word(tok):
            continue
        if tr.unrealized(tok) or tr.warning_shots(tok):
            continue
        entry = tr.match_token(lex, tok)
        if entry is not None:
            hits.append((tok.i, entry.index, tr.clause_head(lex, tok).i))
    return hits


def test_triggers_are_looked_for_only_at_indexed_words(docs: list[Doc]) -> None:
    from frontwatch.extract.triggers import _indexed_tokens, find_triggers, load_lexicon

    lex = load_lexicon()
    index = lex.by_lemma()
    found = 0
    for doc in docs:
        for sent in doc.sents:
            hits = [(h.token.i, h.entry.index, h.head.i) for h in find_triggers(lex, sent)]
            assert hits == _every_token(lex, sent)
            found += len(hits)
            # the words skipped have no entry under their lemma or form
            kept = {t.i for t in _indexed_tokens(lex, sent)}
            assert all(t.lemma_.lower() not in index and t.lower_ not in index for t in sent if t.i not in kept)
            assert len(kept) < len(sent)
    assert found >= 5  # the texts do hold triggers: the comparison is not of empty lists


def _sentence_with(docs: list[Doc], word: str):  # type: ignore[no-untyped-def]
    return next(s for d in docs for s in d.sents if word in s.text)


def test_word_tests_before_the_parse_walks_keep_the_cases_that_need_them(docs: list[Doc]) -> None:
    from frontwatch.extract.background import _accident, _epidemic_toll, _in_slogan
    from frontwatch.text.lexicon import load_lexicon

    words = load_lexicon().words
    blast = _sentence_with(docs, "cylinder")
    died = next(t for t in blast if t.lower_ == "died")
    assert _accident(blast, words, died)  # an accident's word in the sentence: the walk still runs
    riot = _sentence_with(docs, "stoned")
    assert not _accident(riot, words, next(t for t in riot if t.lower_ == "stoned"))
    # without an accident's word the answer comes from the word lists, read for the document (not its parse)
    fresh = Doc(riot.doc.vocab).from_bytes(riot.doc.to_bytes(exclude=["user_data"]))
    again = fresh[riot.start:riot.end]
    assert not _accident(again, words, fresh[riot.start]) and "fw_words" in fresh.user_data
    slogan = _sentence_with(docs, "chanting")
    assert _in_slogan(next(t for t in slogan if t.lower_ == "killing"), slogan, words)
    plot = _sentence_with(docs, "plotted")
    assert not _in_slogan(next(t for t in plot if t.lower_ == "attack"), plot, words)
    virus = _sentence_with(docs, "virus")
    killed = next(t for t in virus if t.lower_ == "killed")
    assert _epidemic_toll(virus.doc, virus, killed, words)


def test_a_non_event_word_of_the_clause_still_makes_it_none(docs: list[Doc]) -> None:
    from frontwatch.extract.triggers import TriggerHit, is_nonevent, load_lexicon, match_token

    lex = load_lexicon()
    mud, shot = _sentence_with(docs, "Mudslides"), _sentence_with(docs, "herder")
    mud_kill = next(t for t in mud if t.lower_ == "killed")
    fired = next(t for t in shot if t.lower_ == "shot")
    entry_m, entry_s = match_token(lex, mud_kill), match_token(lex, fired)
    assert entry_m is not None and entry_s is not None
    # a natural disaster's word in the clause: the walk that weighs it still runs
    assert is_nonevent(lex, TriggerHit(mud_kill, entry_m, mud_kill), set(range(mud.start, mud.end)))
    # none in the clause: no event word is read as a non-event, and the answer needs no parse
    fresh = Doc(shot.doc.vocab).from_bytes(shot.doc.to_bytes(exclude=["user_data"]))
    again = fresh[fired.i]
    assert not is_nonevent(lex, TriggerHit(again, entry_s, again), set(range(shot.start, shot.end)))
    assert "fw_words" in fresh.user_data


def test_whole_report_checks_share_one_reading_of_the_words(docs: list[Doc]) -> None:
    from frontwatch.extract.crime import accident_report, crime_report, epidemic_report
    from frontwatch.text.lexicon import load_lexicon

    words = load_lexicon().words
    checks: tuple[Callable[[Doc], bool], ...] = (
        lambda d: epidemic_report(d, words), crime_report, accident_report)
    for doc in docs:
        answers = [check(doc) for check in checks]
        assert "fw_words" in doc.user_data  # the word lists, read once for all three
        fresh = [check(Doc(doc.vocab).from_bytes(doc.to_bytes(exclude=["user_data"]))) for check in checks]
        assert answers == fresh
    assert epidemic_report(docs[3], words) and not epidemic_report(docs[0], words)


def test_annotate_keeps_the_documents_text(nlp: Language) -> None:
    from frontwatch.annotate import annotate

    text = TEXTS[0] + "\n\n" + TEXTS[1]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", None, "en")
    for chunk in (len(text) + 1, 60):  # whole, and in pieces joined back into one Doc
        ((_, doc),) = list(annotate(nlp, [document], chunk_chars=chunk))
        assert doc.user_data["fw_text"] == doc.text == text


def test_a_killing_word_without_a_figure_is_still_counted(docs: list[Doc]) -> None:
    from frontwatch.extract.counts import find_counts
    from frontwatch.model import CountKind

    shot = _sentence_with(docs, "herder")
    fresh = Doc(shot.doc.vocab).from_bytes(shot.doc.to_bytes(exclude=["user_data"]))
    fresh.user_data[("._.", "fw_parsed", None, None)] = (shot.start,)  # its parse, as annotate marks it
    counts = find_counts(fresh[shot.start:shot.end])
    assert [(c.what, c.value) for c in counts] == [(CountKind.KILLED, 1)]  # "shot dead a herder": one
    assert "fw_words" in fresh.user_data  # the killing words were picked from the word lists


def test_the_attribute_rules_skip_only_patterns_that_cannot_match(nlp: Language) -> None:
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from frontwatch.annotate.components import ArrayAttributeRuler, _pattern

    fast = ArrayAttributeRuler(nlp)
    every = ArrayAttributeRuler(nlp)  # the reference: every pattern through the array pass
    fast._compile()
    every._compile()
    every._rules = [([(c, n, ()) for c, n, _ in compiled], i, a) for compiled, i, a in every._rules or []]
    assert _pattern([(1, "eq", 7), (-1, "next", None)])[1:] == (1, ((1, frozenset({7})),))
    skipped = 0
    with nlp.select_pipes(enable=["fw_sentences", "tok2vec", "tagger", "parser"]):
        tagged = [nlp(t) for t in (*TEXTS, "Ca n't they 've gone , y' all ? Gon na be there 'cause he 's out .")]
    for doc in tagged:
        a, b = Doc(doc.vocab).from_bytes(doc.to_bytes()), Doc(doc.vocab).from_bytes(doc.to_bytes())
        fast(a)
        every(b)
        cols = [TAG, POS, MORPH, LEMMA, DEP]
        assert (a.to_array(cols) == b.to_array(cols)).all()
        present = {t.lower_ for t in doc} | {t.tag_ for t in doc}
        skipped += sum(1 for compiled, _, _ in fast._rules or [] for _, _, needed in compiled
                       if any(all(doc.vocab.strings[v] not in present for v in vals) for _, vals in needed))
    assert skipped > 100  # most word exceptions name words these texts lack
