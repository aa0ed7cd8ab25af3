"""The cue patterns the actor dictionary reads around a match: the words that tie a force to a country, a doer to
its act, a victim to its attacker, a paragraph to communal violence (frontwatch/extract/actors.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontwatch.extract.actors import ActorMatch

# The words before a force word that may name its country, and "of / from" after it (`_country_near`).
_BEFORE_FORCE = re.compile(r"(?:[\w'.-]+\s+){1,4}$")
# (no "of" in Persian: "ارتش افغانستان", the army of Afghanistan)
# ("Military Forces of X": up to two more words before the "of")
_AFTER_FORCE = re.compile(r"\s+(?:(?:[\w-]+\s+){0,2}?(?:of|from)\s+(?:the\s+)?)?")
# Event types whose sides `ActorDictionary.doers` completes, and the generic doers a report may name better.
_VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
_UNNAMED_DOERS = frozenset({"Unidentified armed group", "Militia", "Communal militia"})
_UNSEEN_DOERS = frozenset({"Looting/property destruction", "Disrupted weapons use"})
_UNIT_AGAINST = re.compile(r"(?:riot|terror|terrorism|terrorist|narcotics?|drugs?|crime|stock|poaching|corruption|"
                           r"aircraft|tank|mine|personnel|kidnapping|smuggling|piracy|banditry)\b")
_COMMUNAL = re.compile(r"(?i:\b(?:ethnic(?:ally)?|tribal(?:ly)?|inter-?(?:clan|tribal|communal|ethnic)|clan|clans|"
                       r"tribes|communal|communities|rival\s+pastoralists)\b)")
# Unnamed doers a communal context names better, and the words of that context (`_communal_paragraph`).
_UNKNOWN_HANDS = frozenset({"Unidentified armed group", "Militia", "Local fighters"})
_COMMUNAL_WORDS = re.compile(r"(?i:\b(?:ethnic\w*|tribal\w*|tribes?|tribesmen|inter-?(?:clan|tribal|communal|ethnic)|"
                             r"clans?|clansmen|communal|communities|pastoralists?)\b)")
# Those who live by herds ("herders", "pastoralists", "nomads"): where they do the violence (the subject of a verb of
# attack with its object, or "by herders"), they are their community's armed men, ACLED's communal (identity) militia,
# not civilians nor an unidentified armed group; where they are hit ("herders were attacked", "two herders killed in
# a raid") they stay civilians.
_HERDERS = r"(?:herders?|herdsm[ae]n|pastoralists?|nomads?)"
_HARM_VERB = (r"(?:attack(?:s|ed)?|kill(?:s|ed)?|shot|shoots?|hack(?:s|ed)?|stabb(?:ed)?|stabs?|spear(?:s|ed)?|"
              r"raid(?:s|ed)?|torch(?:es|ed)?|burn(?:s|ed|t)?|assault(?:s|ed)?|invad(?:es|ed)|beat(?:s|en)?|"
              r"slash(?:es|ed)?|ambush(?:es|ed)?|abduct(?:s|ed)?)")
_HERDERS_DID = re.compile(
    rf"(?i:\bby\s+(?:(?:a|an|the|some|armed|suspected|rival|heavily|angry|group|gang|band|of|\d+|[a-z]+ian)\s+){{0,4}}"
    rf"{_HERDERS}\b|\b{_HERDERS}\s+(?:(?!(?:were|was|are|is|been|being|had|have|has|who|which|that)\b)[\w-]+\s+){{0,3}}?"
    rf"{_HARM_VERB}\s+(?!(?:in|by|during|after|as|when|while|on|at|near|and|but|over|following|dead|to\s+death)\b)"
    r"[\w-]+)")
_RAIDERS = re.compile(r"(?i:\b(?:rustl\w*|cattle\s+raid\w*|raiders?)\b)")
_LIVESTOCK = r"(?:cattle|livestock|goats?|camels?|cows?|sheep|donkeys?|animals|herds?)"
_TAKEN = r"(?:stole|stolen|steal\w*|driven\s+(?:off|away)|drove\s+(?:off|away)|raid\w*|rustl\w*|took|taken|made\s+off)"
_LIVESTOCK_TAKEN = re.compile(rf"(?i:\b{_LIVESTOCK}\b[^.;]{{0,80}}?\b{_TAKEN}\b|"
                              rf"\b{_TAKEN}\b[^.;]{{0,80}}?\b{_LIVESTOCK}\b)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SPEAKER_AFTER = re.compile(r"(?i:\s+(?:\w+\s+){0,2}?(?:said|says|say|told|reported|confirmed|spokes\w+|commander|"
                            r"chief|boss)\b)")


def _of_government(sentence: str, m: ActorMatch) -> bool:
    """ "An MP of the government", "an official of the county government": a person of an institution, not the
    state's forces (the alias "government" stands for them only where it acts or is hit itself)."""
    return sentence[m.start: m.end].lower().endswith("government") and _OF_BEFORE.search(
        sentence[max(0, m.start - 60): m.start]) is not None


def _institution(text: str, m: ActorMatch) -> bool:
    """ "The government", "the county government": the state as an institution (what a crowd protests against),
    not its forces acting on the crowd."""
    return text[m.start: m.end].lower().endswith("government")


_OF_BEFORE = re.compile(r"(?i:\bof\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$)")


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph (text between blank lines) around text[start:end]."""
    lo, hi = text.rfind("\n\n", 0, start), text.find("\n\n", end)
    return (lo + 2 if lo >= 0 else 0), (hi if hi >= 0 else len(text))
_INTERVENE = re.compile(
    r"(?i:\b(?:dispers\w*|tear[\s-]?gas|teargas|water\s+cannons?|rubber\s+bullets|batons?|fired|shot|shooting|"
    r"arrested|arrests|detained|called\s+in|intervened|stopped|blocked|contained|quelled|repulsed|engaged|battled?|"
    r"battles|clashed|clashes|lobbed|chased|crackdown|cracked\s+down)\b)")
# Words around a named group that make it the doer of the report's event, and words that deny it.
_NAMED_BEFORE = re.compile(
    r"(?i:(?<![\w-])(?:suspected|suspect|suspects|blamed|blame|blames|alleged|presumed|by|(?:suspected|believed|thought|said)\s+to\s+(?:be|have\s+been)"
    r"(?:\s+(?:members\s+of|from))?|members\s+of|fighters\s+from|militants\s+from|in\s+league\s+with|"
    r"origins?\s+with|blamed\s+on|attributed\s+to|(?:a|an|one)\s+(?:suspected\s+)?(?:member|fighter|militant)\s+of|"
    # "thought to be the work of X", "police suspect a link with X", "suspected to X"
    r"(?:the\s+)?work\s+of|suspect\w*\s+(?:an?\s+)?(?:links?|connection|involvement)\s+(?:with|to|of)|"
    r"(?:suspected|believed|thought)\s+to|(?:twin|double|triple|coordinated)|"
    # "members of the militant group X"; "the attackers are (believed to be) affiliated with X": the doers, not
    # "a group linked to X" (another group) nor "one of the victims was linked to X"
    r"(?:members?|followers?|fighters|militants)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:group|movement|"
    r"organi[sz]ation|sect|militia)|"
    # ("the perpetrators (are) believed to be linked to X": the verb may be left out, as notes and headlines do)
    r"(?:attackers|assailants|gunmen|perpetrators|killers|raiders|they)\s+(?:(?:are|were)\s+)?(?:\w+\s+){0,3}?"
    r"(?:affiliated|associated|linked|connected|allied)\s+(?:with|to))"
    r"\s+(?:the\s+)?(?:\[)?)$")
_NAMED_AFTER = re.compile(
    r"(?i:-(?:planted|linked|affiliated|allied|aligned)\b|\]?\s*(?:,\s*)?(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:suspected|blamed|believed|"
    r"behind|responsible)|suspected\b|held\s+responsible\b|involvement\b|"
    # "an X bombing", "the X grenade attack": the blast a group set off (not "a history of X bombings")
    r"(?:\w+\s+)?(?:explosion|blast|bombing|grenade\s+attack)\b|"
    r"(?:has\s+|have\s+|later\s+)?claimed|(?:fighters|militants|gunmen|militia|militiamen|"
    r"members|assailants|attackers|operatives|insurgents|terrorists|suspects?|affiliated|affiliates)\b|(?:attack|"
    r"attacked|killed|kill|shot|shoot|abducted|abduct|kidnapped|kidnap|raided|raid|ambushed|ambush|hurled|threw|"
    r"stormed|executed|targets?|targeted|planted|detonated|bombed|fired|opened|"
    # a headline's present tense ("X shoots a guard", "X kills two"); not the ones that are also plural nouns
    # ("a string of X raids / attacks")
    r"kills|shoots|abducts|kidnaps|hurls|executes|detonates|opens|behead(?:s|ed))\b))")
# Words after state forces that make them the ones who answered an attack ("police pursued the raiders").
_STATE_RESPONDED = re.compile(
    r"(?i:\s+(?:officers?\s+|reservists?\s+|men\s+)?"
    # where the force stood or came from ("troops stationed near the border engaged …", "police based in the town
    # chased …"): a participle and up to five words of place, no clause of its own
    r"(?:(?:stationed|deployed|based|posted|camped|patrolling|on\s+patrol)\s+(?:(?!(?:said|says|were|was|who|"
    r"which|after|and)\b)[\w'-]+,?\s+){0,5}?)?"
    r"(?:later\s+|then\s+|quickly\s+|eventually\s+)?"
    # not "responded" nor "intervened": police who answer a fight between others ("two clans clashed, police
    # intervened") are no side of its killing
    r"(?:pursued|pursue|pursues|chased|chase|chases|repulsed|repulse|repulses|repelled|repel|repels|intercepted|"
    r"intercept|intercepts|raided|stormed|engaged|engage|engages|confronted|confront|confronts|battled|battle|"
    r"battles|foiled|foil|foils|ambushed|ambush|ambushes|counter-?attacked|"
    # "troops pushed back the gunmen", "police fought off the gang"
    r"(?:pushed|push|pushes|drove|drive|drives|beat|beats|fought|fight|fights)\s+(?:back|off))\b)")
# Words before state forces that make them the other party of a fight.
_FOUGHT_WITH = re.compile(
    r"(?i:(?<![\w-])(?:(?:clash\w*|battl\w*|fight\w*|fought|shoot\s*-?\s*outs?|shootouts?|gunfights?|gun\s+battles?|"
    r"fire\s*-?\s*fights?|exchanges?\s+of\s+fire|exchanged\s+fire|confrontations?|encounters?|skirmish\w*)\s+with|"
    r"engaged|engaging|under\s+fire\s+(?:from|by)|repelled\s+by|repulsed\s+by|"
    # "a gunbattle between police and X", "X battle police" (a headline's fight with its other side as object)
    r"(?:(?:gun\s*)?battles?|clash(?:es)?|fighting|fights?|shoot\s*-?\s*outs?|skirmish(?:es)?|exchanges?\s+of\s+fire|"
    r"confrontations?)\s+between|battle|battled|battling|fought|fight|fights|fighting)\s+"
    r"(?:(?:the|a|an|some|several|\d+|heavily|armed|kenyan|local)\s+){0,2})$")
# A name that opens a sentence or a clause (the text's start, after a sentence's end, a line break or "when",
# "after"…; "the" allowed), and a
# finite verb after it (present "-s" or past "-ed", not a passive "… by").
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:]\s+|\n\s*|(?i:\b(?:when|after|as|while|before|because)\s+))"
                             r"(?:the\s+|The\s+)?$")
_ACTS_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+|reportedly\s+|allegedly\s+)?"
                         # what a group says of an attack does not make it its doer ("X denied involvement")
                         r"(?!(?:denie[sd]|condemn(?:s|ed)|reject(?:s|ed)|says|warn(?:s|ed)|vow(?:s|ed)|"
                         r"announc(?:es|ed)|stat(?:es|ed)|threaten(?:s|ed)|welcom(?:es|ed))\b)[a-z]+(?:s|ed)\b(?!\s+by\b)"
                         r"(?<!\bwas)(?<!\bis)(?<!\bhas)")
# "an off-duty officer": state forces out of service, ACLED's civilians (as former or retired ones)
_OFF_DUTY = re.compile(r"(?i:(?<![\w-])off[\s-]*duty(?![\w-]))")
_DENIED = re.compile(r"(?i:\b(?:not|no|never|nor|rather\s+than|instead\s+of)\b)")
# A group named as what forces were looking for ("during searches for X supporters", "hunting for X"), or by its
# supporters: no side that fought them; whom the forces hit during the search were others.
_SOUGHT_BEFORE = re.compile(r"(?i:\b(?:search(?:es|ed|ing)?|hunt(?:s|ed|ing)?|look(?:s|ed|ing)?|manhunt)\s+for\s+"
                            r"(?:(?:the|a|an|suspected|alleged|presumed|some|\w+-linked)\s+){0,2}$)")
_SUPPORTERS_AFTER = re.compile(r"(?i:\s*(?:supporters|sympathi[sz]ers|sympathy|sympathies)\b)")
# Words before / after state forces that make them what an attack hit or aimed at.
_HIT_BEFORE = re.compile(
    r"(?i:(?<![\w-])(?:at|on|against|targeting|targeted|attack|attacked|attacks|attacking|ambush|ambushed|ambushing|"
    # a headline's present tense too ("gang kills police", "militants attack soldiers")
    r"raided|stormed|killing|killed|kill|kills|ambushes|raids|storms|injuring|injured|injures|"
    r"wounding|wounded|wounds|shot|shoots|shooting|targets)\s+"
    r"(?:(?:a|an|the|two|three|four|five|several|some|\d+|police|security|military|army|border|patrol)\s+){0,3}"
    # after a verb of violence, any words of the object's own noun phrase ("stormed a remote police camp",
    # "ambushed an unmarked army truck"), not a phrase or a clause after it ("attacked a village near a police post")
    r"|(?<![\w-])(?:attacked|attacking|ambushed|ambushing|raided|stormed|killing|killed|injuring|wounding|shot|"
    r"targeting|targeted)\s+(?:(?!(?:in|at|on|of|by|near|with|from|to|into|for|and|or|but|as|while|after|before|"
    r"where|when|who|which|that|whose|said|says|inside|outside|behind|against|during|over|under)\b)[\w'-]+\s+){1,3})$")
_HIT_AFTER = re.compile(
    r"(?i:\s+(?:\w+\s+){0,2}?(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|injured|wounded|hurt|attacked|shot|ambushed|targeted|abducted|kidnapped)\b)")
# The toll of an attack that counts state forces among its dead or hurt ("causing seven soldier deaths", "two police
# dead", "killing a group of five (later seven) police officers", "among the dead are two police reservists"): they
# were its target, however many words the count puts between the killing and them.
_TOLL_AFTER = re.compile(r"(?i:\s+(?:deaths?|dead|fatalities|casualties)\b)")
_TOLL_BEFORE = re.compile(
    r"(?i:(?<![\w-])(?:(?:among|including)\s+(?:the\s+)?(?:dead|killed|injured|wounded|victims|casualties)"
    r"(?:\s+(?:are|were|was|is))?|killing|injuring|wounding|leaving)\s+"
    # the count and its qualifiers ("a unit of four (six, some say)"), no verb of a clause of its own
    r"(?:(?!(?:and|but|while|as|after|when|who|which|said|says)\b)[\w()'-]+,?\s+){0,8}$)")
# Words before / after state forces that make them the doer of harm to civilians.
_STATE_BY = re.compile(r"(?i:(?<![\w-])(?:by|at\s+the\s+hands\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$)")
_STATE_DID = re.compile(
    # not the force's gear worn by others ("raiders in army uniforms torched …")
    r"(?i:(?!\s+(?:uniforms?|fatigues|attire|clothes|clothing|gear|camouflage)\b)\s+(?:officers?\s+|reservists?\s+|men\s+)?(?:(?!(?:said|say|says|told|reported|confirmed|added|"
    r"claimed|blamed|suspect\w*|believe\w*|investigat\w*|respond\w*|arrived|found)\b)[\w-]+\s+){0,4}?"
    r"(?:shot|shoots|shoot|killed|kills|kill|opened\s+fire|fired|beat|beats|tortured|tortures|raped|rapes|assaulted|assaults|sprayed|hacked|lynched|"
    r"abducted|executed|murdered|brutality|crossfire|violence|harassment|harassed|shooting|bullets?|"
    # a headline's present tense ("police raid homes and abduct two", "soldiers torch a village")
    # (not "attack": "… battle police in a night attack" names the attack, not who made it)
    r"raid|raids|raided|abduct|abducts|torch|torches|torched|burn|burns|burned|burnt|harass|harasses|"
    r"rape|whip|whipped|whips|flog|flogged|flogs|evict|evicts|evicted)\b)")
# "police are believed to be responsible", "officers were behind the killing": blamed anywhere in the paragraph
_STATE_BLAMED = re.compile(r"(?i:\s+(?:\w+\s+){0,1}?(?:is|are|was|were)\s+(?:\w+\s+){0,4}?"
                           r"(?:responsible|behind|to\s+blame)\b)")


# Words around a people's name that make it the doer of an event (see `ActorDictionary.community_doers`).
_DOER_WORDS = (r"(?:militias?|militiamen|militia\s+men|militants?|raiders?|gunmen|gunman|warriors?|fighters?|"
               r"attackers?|assailants?|bandits?|youths?|young\s+men|men|clansmen|tribesmen|invaders|morans?)")
_PEOPLE_ACTING = (r"(?:villagers|residents|herders|herdsmen|pastoralists|farmers|locals)\s+"
                  r"(?:(?:reportedly|allegedly|then|later|also|again)\s+)?"
                  r"(?:clash(?:ed|es)?|fought|fight|attacked|attack|killed|kill|shot|shoot|raided|raid|torched|torch|"
                  r"hacked|speared|stabbed|ambushed|invaded|burned|burnt)(?!\s+(?:dead\s+|to\s+death\s+)?by\b)")
_DOER_AFTER = re.compile(r"(?:\s+(?i:ethnic|clan|community|tribal|tribe|communal|\[\w+\]))?\s+"
                         r"(?i:" + _DOER_WORDS + r"|raids?|attacks?|ambush(?:es)?|invasions?"
                         # "X raided a village", "X kill passengers": the people as the subject of violence
                         # "X violence": the violence a people did
                         r"|violence"
                         # "X raided a village", "X speared a herder": the people as the subject of violence, not
                         # of a passive ("X shot dead by police")
                         r"|(?:raided|raid|attacked|attack|killed|kill|ambushed|ambush|torched|torch|stormed|storm|"
                         r"speared|spear|hacked|hack|stabbed|stab|shot|shoot|abducted|abduct|invaded|invade|"
                         r"burned|burnt|burn)(?!\s+(?:dead\s+|to\s+death\s+)?by\b)"
                         # "X villagers clashed with …", "X residents shot dead five raiders": a people's civilians
                         # who fight or kill are its armed men (ACLED never makes civilians a side); not "X herders
                         # were attacked" nor "X villagers shot dead by …"
                         r"|" + _PEOPLE_ACTING + r")(?![\w-])")
_DOER_BEFORE = re.compile(
    r"(?i:(?<![\w-])" + _DOER_WORDS + r"\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?"
    r"|(?:suspected|believed|thought|alleged|said|reported)\s+to\s+(?:be|have\s+been)\s+(?:from\s+)?(?:the\s+)?"
    r"|(?<![\w-])by\s+(?:(?:the|a|an|armed|angry|suspected|heavily|rival|marauding)\s+)*"
    r"|(?<![\w-])suspected\s+"
    # "a revenge attack from the X", "raids by the X": the people an attack came from
    r"|(?<![\w-])(?:attacks?|raids?|violence|aggression)\s+(?:from|by)\s+(?:the\s+)?(?:\w+\s+)?"
    # "clashed with X herders", "fought against the X": the people a fight was with is its other side
    r"|(?<![\w-])(?:clash(?:ed|es|ing)?|fought|fighting|battled|battling)\s+(?:with|against)\s+"
    r"(?:(?:the|a|an|armed|rival|neighbouring|neighboring)\s+)*)$")
# "between X and Y", "between Kenyan X and Sudanese Y": a nationality or a word may qualify each people
_BETWEEN = re.compile(r"(?i:(?<![\w-])between\s+(?:the\s+)?(?:[\w-]+\s+)?)$")
_AND_NEXT = re.compile(r"(?i:\s+(?:communities\s+|clans\s+|tribes\s+)?and\s+(?:the\s+)?)")
_QUALIFIER = re.compile(r"[\w-]+\s+")
