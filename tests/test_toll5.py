"""toll5: fatalities on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from datetime import date
from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


def _tolls(claims_of: Any, text: str) -> list[int]:
    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2013, 5, 9))), reverse=True)


# --- a toll told with what it is of, then its rise --------------------------------------------------------------

def test_a_toll_that_rises_after_words_of_what_it_is_of_gives_its_new_figure(nlp: Any) -> None:
    assert _killed(nlp, "By Friday the death toll from the market fire attack had climbed to eleven.") == [11]
    assert _killed(nlp, "The number of dead in the two villages rose to 23 on Monday.") == [23]


def test_a_rising_toll_is_the_events_toll_in_a_later_sentence(claims_of: Any) -> None:
    text = ("Gunmen threw an explosive into a crowded depot, killing three and injuring 20. "
            "Two days later the death toll from the explosion rose to seven.")
    assert _tolls(claims_of, text)[0] == 7


# --- a later figure of more dead adds to the toll; an update or a recount of the same dead does not ---------------

def test_a_later_figure_of_more_dead_adds_to_the_toll_and_the_same_dead_do_not(claims_of: Any) -> None:
    assert _tolls(claims_of, "Bandits shot dead two traders at a roadside kiosk. Three drivers were also killed.")[0] \
        == 5
    assert _tolls(claims_of, "Attackers stormed a farm and killed a watchman. Two more bodies were found nearby.")[0] \
        == 3
    # the same dead told again, a rising toll, and a figure of people missing are no more dead
    assert _tolls(claims_of, "Five herders and two guards were killed in a raid on a camp. "
                             "The two other dead were the guards.")[0] == 7
    assert _tolls(claims_of, "Four people were killed in clashes over grazing land. The toll later rose to six.")[0] \
        == 6
    assert _tolls(claims_of, "Gunmen killed three fishermen on the lake. Two others are missing, feared dead.")[0] \
        == 3


# --- a toll told over several days: the first day's share -------------------------------------------------------

def test_a_toll_told_over_several_days_is_split_over_them(claims_of: Any) -> None:
    text = ("Twelve people have died in fighting between two clans near the river. "
            "The fighting has flared on and off over the course of four days.")
    assert _tolls(claims_of, text)[0] == 3  # 12 over 4 days
    assert _tolls(claims_of, "Eleven were killed in clashes between herders over a 40 hour period.")[0] == 6  # 6 + 5
    # a search that went on "for" days tells how long it lasted, not a toll spread over them
    text = "Police killed nine gang members during a search for their leader that went on for three days."
    assert _tolls(claims_of, text)[0] == 9


# --- a singular victim the parser misreads is still one dead ---------------------------------------------------

def test_a_headlines_bare_object_read_as_an_adjective_is_one_victim(nlp: Any) -> None:
    assert _killed(nlp, "Unknown attackers kill civilian transporting relief food") == [1]
    assert _killed(nlp, "Gang raids farm and kills civilian") == [1]
    assert _killed(nlp, "Bandits kill several near a well") == [3]  # a quantity word stays the regex's figure


def test_a_second_verb_read_as_the_objects_conjunct_is_no_victim(nlp: Any) -> None:
    assert _killed(nlp, "Grenade blast kills county roads engineer and injures member of aid agency") == [1]


def test_several_objects_of_one_verb_take_the_first_that_names_people(nlp: Any) -> None:
    # the parser's misreading, given as it reads it: "slums" a second object of "kills"
    assert _killed_in_parse(nlp, "Gang/NN/nsubj/1 kills/VBZ/ROOT/1 member/NN/dobj/1 of/IN/prep/2 "
                                 "vigilante/NN/compound/5 group/NN/pobj/3 in/IN/prep/2 Tarigo/NNP/compound/8 "
                                 "slums/NNS/dobj/1") == [1]


def _killed_in_parse(nlp: Any, parse: str) -> list[int | None]:
    """The killed counts of a sentence given with the parse the parser gave it (word/tag/dep/head per token): the
    parser's misreadings, pinned whatever a later model reads."""
    from spacy.tokens import Doc

    from frontwatch.extract.counts import find_counts

    toks = [t.rsplit("/", 3) for t in parse.split()]
    pos = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "IN": "ADP", "DT": "DET", "JJ": "ADJ", "CC": "CCONJ",
           "VBZ": "VERB", "VBD": "VERB", "VBN": "VERB", "VBG": "VERB", "VBP": "VERB", "CD": "NUM", ",": "PUNCT",
           ":": "PUNCT", "PRP$": "PRON", "HYPH": "PUNCT"}
    doc = Doc(nlp.vocab, words=[w for w, _, _, _ in toks], tags=[t for _, t, _, _ in toks],
              pos=[pos[t] for _, t, _, _ in toks], deps=[d for _, _, d, _ in toks],
              heads=[int(h) for _, _, _, h in toks],
              lemmas=[{"kills": "kill", "killed": "kill", "assassinated": "assassinate"}.get(w, w.lower())
                      for w, _, _, _ in toks])
    return [c.value for c in find_counts(doc[:]) if c.what.value == "killed"]


def test_a_title_and_a_name_of_one_victim_count_one(nlp: Any) -> None:
    # two subjects with no "and" between them: the parser's split of one person's words
    assert _killed_in_parse(nlp, "A/DT/det/1 lawyer/NN/nsubjpass/8 representing/VBG/acl/1 the/DT/det/5 "
                                 "ward/NN/compound/5 chairman/NN/dobj/2 Chairman/NNP/nsubjpass/8 is/VBZ/auxpass/8 "
                                 "assassinated/VBN/ROOT/8") == [1]
    # a name joined to a title by a comma only, read as a conjunct
    assert _killed_in_parse(nlp, "Councillor/NNP/nsubjpass/5 ,/,/punct/0 Amos/NNP/compound/3 Kiprono/NNP/conj/0 "
                                 "was/VBD/auxpass/5 killed/VBN/ROOT/5") == [1]
    # with "and", two victims
    assert _killed_in_parse(nlp, "Councillor/NNP/nsubjpass/5 and/CC/cc/0 his/PRP$/poss/3 guard/NN/conj/0 "
                                 "was/VBD/auxpass/5 killed/VBN/ROOT/5") == [2]


def test_a_conjunct_across_a_semicolon_is_another_clause(nlp: Any) -> None:
    assert _killed_in_parse(nlp, "Raiders/NNS/nsubj/1 fire/NN/ROOT/1 on/IN/prep/1 huts/NNS/pobj/2 ;/:/punct/1 "
                                 "grandson/NN/conj/1 killed/VBN/acl/5") == [1]


def test_a_figure_with_another_fate_before_the_killing_is_not_the_dead(nlp: Any) -> None:
    assert _killed(nlp, "Nine captured and two killed as troops raid border hamlets") == [2]


def test_a_second_verb_of_a_passive_read_as_a_past_keeps_the_subject(nlp: Any) -> None:
    assert _killed(nlp, "A trader is kidnapped and beheaded at Kilimo by an unnamed group.") == [1]


def test_a_clause_before_a_semicolon_is_not_what_a_headline_verb_acts_on(nlp: Any) -> None:
    assert _killed(nlp, "Police and bandit suspects engage in shoot-out; robbery suspect killed") == [1]


def test_dead_after_the_object_makes_shoot_a_killing(nlp: Any) -> None:
    assert _killed(nlp, "Rangers shoot poacher dead in the park") == [1]  # "dead" hung on the object
    assert _killed(nlp, "Troops shoot rebel commander dead at a checkpoint") == [1]  # "dead" hung on the verb
    assert _killed(nlp, "Rangers shoot a poacher in the leg in the park") == []


# --- the dead of the other side, told next, add to a fight's toll ------------------------------------------------

def test_the_other_sides_dead_told_next_add_to_the_toll(claims_of: Any) -> None:
    assert _tolls(claims_of, "Rangers shot dead four poachers after a chase in a reserve. One ranger was killed.")[0] \
        == 5
    # the same side told again, or a generic word that may be either side, is no other side's dead
    assert _tolls(claims_of, "Gunmen killed two constables at a roadblock. Two policemen died later in hospital.")[0] \
        == 2
    assert _tolls(claims_of, "Five people were killed in a raid on a border post. Two soldiers died.")[0] == 5
