"""English as regular expressions: the language data the rule reader reads with.

Each pattern says something about English word order (a preposition before an actor makes
it an object, "by X" after a passive names the agent, ...), never about one text.
"""

from __future__ import annotations

import re

_PREPOSITIONS = (
    "of|with|against|from|to|for|by|between|among|amongst|than|like|about|on|at|into|"
    "towards?|over|under|via|without|in|along|across|through|near|around|behind|beyond|"
    "upon|onto|versus|vs"
)
_DETERMINERS = "the|a|an|their|its|his|her|our|some|many|these|those|all|both|other|any"
# Adjectives of degree a preposition's object may take before a side's name ("supported by
# heavy Russian airstrikes", "against fierce IS resistance").
_DEGREE = ("heavy|heavier|intense|intensive|massive|continued|constant|ongoing|extensive|"
           "renewed|repeated|fierce|sustained|relentless|stiff|limited|fresh")
_AUXILIARIES = "is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might"
# An actor right after a preposition is an object ("of the US"), not the subject.
OBLIQUE = re.compile(
    rf"(?<![\w-])(?:{_PREPOSITIONS})\s+(?:(?:{_DETERMINERS}|{_DEGREE})\s+)*"
    r"[\"'\u201c\u2018(]?\Z",
    re.IGNORECASE,
)
# "Lavrov's pledge", "the moderates' very own campaign": a possessor is the agent.
# Not across a preposition but "of": "Turkey's support for the Manbij offensive" is not
# Turkey's, "the moderates' very own campaign of conquest" is theirs.
POSSESSIVE = re.compile(r"\A['\u2019]s?[\"\u201d']?\s+(?:(?!(?:for|to|in|on|at|with|by|"
                        r"from|against|into|towards?|over|near|around)\s)[\w-]+\s+){0,4}\Z",
                        re.IGNORECASE)
# "rebel-held", "ISIL-controlled": the actor glued before it holds a place, it does not act.
HOLDER = re.compile(r"[-\u2010\u2011](?:held|controlled|occupied|dominated)(?!\w)", re.IGNORECASE)
# "under rebel control", "under the control of": the actor after "under" holds the place.
UNDER = re.compile(r"(?<!\w)under\s+(?:the\s+)?\Z", re.IGNORECASE)
# Verbs of giving a place up ("IS lost X to the SAA", "the rebels surrendered to the Army",
# "the town was handed over to the Army"):
# the side after "to" took it (agents.py's LOSING, topic.py's FALLEN).
_SURRENDER, _HAND = r"surrender(?:s|ed|ing)?", r"hand(?:s|ed|ing)?"
GIVING_UP = rf"los(?:t|es|ing|e)|{_SURRENDER}|{_HAND}(?=\s+(?:[\w'-]+\s+){{0,4}}?over\s)"
# The verbs of handing a place over by agreement, as cue words (giving.py reads the giver).
HANDING_OVER = rf"{_SURRENDER}|{_HAND}"
# "came under the control of X" (the agent named after the cue), "fell under IS control"
# (named inside it): the place went to that side.
UNDER_CONTROL_OF = re.compile(r"(?<!\w)under\s+(?:the\s+)?(?:\w+\s+)?control\s+of\Z",
                              re.IGNORECASE)
# ("returned to government control": the side named before "control" holds it again)
UNDER_CONTROL = re.compile(r"(?<!\w)(?:under|to)\s+(?:[\w-]+\s+){1,3}?control\Z", re.IGNORECASE)
UNDER_CONTROL_ANY = re.compile(r"(?<!\w)(?:under|to)\s.*control(?:\s+of)?\Z", re.IGNORECASE)
GERUND = re.compile(r"\A\s+\w+ing(?!\w)", re.IGNORECASE)
GAP_PUNCT = re.compile(r"[,;:.!]|\?(?!\))")
# An adverb between the auxiliary and the participle: "was also taken", "were quickly overrun".
_ADVERBS = r"(?:(?:\w+ly|also|then|later|again|soon|once|all|both|not|never|just)\s+){0,2}"
# (with the particle of "driven out of", "pushed out of")
PASSIVE = re.compile(
    rf"(?<!\w)(?:is|are|was|were|be|been|being|get|gets|got)\s+{_ADVERBS}\w+(?:\s+out\s+of)?\s*\Z",
    re.IGNORECASE,
)
PASSIVE_IN_CUE = re.compile(
    r"(?<!\w)(?:is|are|was|were|been|be)\s+(?:\w+\s+)?\w+(?:\s+out\s+of)?\Z", re.IGNORECASE)
# "the capture of X by Y": an action named by a noun after an article.
_DONE = r"(?:carried\s+out|conducted|launched|led|mounted|staged)"
# "the village taken by the SDF": a participle right before "by" is passive without "was".
PARTICIPLE_BY = re.compile(r"(?:ed|en|wn|ook|ung|eld|ught)\s*\Z", re.IGNORECASE)
BY_NEXT = re.compile(r"\s+by\s", re.IGNORECASE)
# "shelling carried out by the rebels", "an operation conducted by ISIL": a noun's agent.
DONE_BY = re.compile(rf"\s+{_DONE}\s+by\s", re.IGNORECASE)
# ("Azaz's capture by the rebels", "the town's recapture by the army": the place's possessive)
NOMINAL_CUE = re.compile(r"(?:(?<!\w)(?:the|a|an|its|their)|\w['\u2019]s)\s+\Z", re.IGNORECASE)
# ... not across a verb of stopping it: the "by" agent of "was (not) repelled by" opposed it.
_OPPOSED = (r"(?:repel|repuls|thwart|foil|beat\w*\s+back|fought\s+off|held\s+off|halted|"
            r"stopped|blocked|defeated|crushed|routed|countered)")
AGENT = re.compile(rf"\A\s+(?:(?:back|over|again|\w+ly)\s+)?"
                   rf"(?:(?:(?:of|from)\s+)?(?:(?!{_OPPOSED})[^,;.]){{1,60}}?\s+)?"
                   rf"(?:{_DONE}\s+)?by\s+(?:(?:the|a|an)\s+)?"
                   r"(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
PRONOUN = re.compile(r"(?<!\w)(?:they|them|their)(?!\w)", re.IGNORECASE)
# "The SDF took Azaz. It then took Nubl.": "it" as the subject right before the cue (not "it
# was reported that", "it is said").
IT_SUBJECT = re.compile(r"\A\W*(?:it|its\s+(?:forces|fighters|troops|units|men))\s+"
                        r"(?:(?:\w+ly|then|also|later|soon|again|next|too)\s+){0,2}\Z",
                        re.IGNORECASE)
MEN = re.compile(
    r"(?<!\w)(?:these|those|the same)\s+(?:\w+\s+)?(?:men|fighters|forces|troops|groups|units)"
    r"(?!\w)",
    re.IGNORECASE,
)
# "favoring ISIL", "driving the YPG Kurds": the object of a verb is no antecedent for "they".
VERB_OBJECT = re.compile(
    r"(?<!\w)(?!(?:during|nothing|something|anything|everything|morning|evening|thing|king)\s)"
    rf"\w+(?:ing|ed)\s+(?:(?:{_DETERMINERS})\s+)*[\"'\u201c]?\Z",
    re.IGNORECASE,
)
# "This effectively cut off the only supply route": a demonstrative subject stands for the
# event told just before, whose actor acts again.
# Without an adverb the word after "this" must be a verb's past ("This cut off", "This
# allowed"), not a noun ("This advancement put the SDF ...": the noun is the subject).
EVENT_SUBJECT = re.compile(r"\A\W*(?:this|that)\s+(?:(?:\w+ly|also|then|in\s+turn)\s+)\Z",
                           re.IGNORECASE)
EVENT_SUBJECT_BARE = re.compile(r"\A\W*(?:this|that)\s+\Z", re.IGNORECASE)
PAST = re.compile(r"(?:\w+ed|cut|took|broke|led|left|put|drove|gave|made|brought)(?!\w)",
                  re.IGNORECASE)
# "almost fully surrounded", "nearly besieged", "came close to capturing": not done.
ALMOST = re.compile(r"(?<!\w)(?:almost|nearly|close\s+to)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
# A participle clause opening a sentence, with no subject of its own: "After also seizing X",
# "after capturing most of X", "Having taken X" (its subject is the main clause's), also
# with the verb's object noun in the cue ("After taking control of X", "having gained control
# over X": Quirk et al. (1985), 15.58, a nonfinite adverbial clause has no subject of its own).
ADJUNCT = re.compile(r"\A\W*(?:(?:after|before|while|upon|on|by|since|when|having|also|then|"
                     r"further|\w+ly)\s+)*(?:\w+ing|having\s+(?:\w+ly\s+)?\w+(?:ed|en|ook|ught|eld))"
                     r"(?:\s+(?:(?:full|complete|total)\s+)?control(?:\s+(?:of|over))?)?\Z",
                     re.IGNORECASE)
# A subject followed by a passive ("the rebels were left besieged") is its patient.
PASSIVE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:was|were|is|are|been|being)\s+"
                           r"(?:\w+ly\s+)?(?!\w+ing(?!\w))\w+", re.IGNORECASE)
# "..., thus clearing the road", "thereby cutting X": a result of the sentence's main event.
RESULT = re.compile(r"\W*(?:thus|thereby)\s+\w+ing(?!\w)", re.IGNORECASE)
# "the 6,000 men now in the Aleppo area": where someone is now, after the event.
NOW_AT = re.compile(r"(?<!\w)now\s+(?:in|at|inside|around|near)\s+(?:the\s+)?\Z", re.IGNORECASE)
# "a future offensive", "the eventual assault", "a potential defeat": not (yet) an event.
NOUN_MODAL = re.compile(r"(?<!\w)(future|planned|upcoming|imminent|expected|eventual|anticipated|"
                        r"proposed|impending|possible|potential|likely|probable|prospective|"
                        r"hypothetical)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
# "a convoy ..., consisting of the X militia", "a force made up of X": who the force is.
MADE_OF = re.compile(
    r"(?<!\w)(?:consist(?:s|ed|ing)?|made\s+up|compos(?:ed|ing)|compris(?:es|ed|ing)|formed)\s+"
    r"(?:(?:mainly|mostly|largely|entirely|chiefly|primarily)\s+)?of\s+(?:(?:the|a|an)\s+)?\Z",
    re.IGNORECASE)
# "advancing rebel forces", "retreating ISIL fighters": a moving side named after the
# participle of a verb that takes no object (not "supplying the jihadis": an object).
MOVER_AFTER = re.compile(r"\A\s+\Z")
MOVING_PARTICIPLE = re.compile(r"(?:advancing|retreating|fleeing|withdrawing|escaping|departing|"
                               r"arriving|marching)\Z", re.IGNORECASE)
RELATIVE = re.compile(r"\A\W*(?:which|that|what)(?!\w)", re.IGNORECASE)
# A capture whose object is a count of places it does not name ("..., capturing several
# villages", "taking a few sites", "seizing 13 hamlets"; matched at the cue's end): it took
# those, not a place named before it in another clause ("two nearby villages" are near it).
UNNAMED_PLACES = re.compile(
    r"\s+(?:(?:several|some|many|numerous|various|a\s+(?:few|number\s+of|series\s+of)|"
    r"dozens\s+of|scores\s+of|a\s+dozen|\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+)(?:(?:more|other|further|additional|new|small|strategic)\s+)?"
    r"(?:villages|towns|sites|positions|hills|hilltops|points|areas|farms|hamlets|buildings|"
    r"checkpoints|localities|settlements|outposts)(?!\w)",
    re.IGNORECASE)
# "a campaign of conquest against IS": a taking aimed at an enemy, not at a place, is a
# campaign of attack (matched at the cue's end).
AGAINST_NEXT = re.compile(r"\s+against\s", re.IGNORECASE)
# "their attack was repelled", "before being repulsed": a passive of repelling with no agent
# (the text before the cue; BY_NEXT after it says there is one).
REPELLED_BEFORE = re.compile(r"(?<!\w)(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+){0,2}\Z",
                             re.IGNORECASE)
REPEL_CUE = re.compile(r"(?:repel|repuls|thwart|foil)", re.IGNORECASE)
# "the Army repelled the assault": the attack told before, named again by a definite noun.
REPELLED_OBJECT = re.compile(
    r"\s(?:the|this|that|their|its|these|those)\s+(?:[\w-]+\s+)?"
    r"(?:assaults?|attacks?|counter-?attacks?|offensives?|attempts?|advances?|push|raids?)\Z",
    re.IGNORECASE)
# A bomb named by what carried it ("a car bomb exploded in X", "a suicide bomb"): whose it
# was the text says or does not; the side of the claim before is no guess for it.
UNCLAIMED_BOMB = re.compile(r"(?<!\w)(?:car|truck|lorry|vehicle|roadside|suicide|motorcycle|"
                            r"booby[- ]trapped)[\s-]+\Z", re.IGNORECASE)
NOMINAL = re.compile(
    rf"(?<!\w)(?:the|a|an|this|that|its|their|his|her)\s+(?:(?!(?:{_AUXILIARIES})\s)"
    r"[\w-]+\s+){0,5}\Z",
    re.IGNORECASE,
)
# A noun of fighting that heads its clause ("Heavy fighting continued", "heavy clashes were
# reported at X", "Elsewhere, fighting continued in X"): an event whose agent the text's
# topic gives.  Only modifiers in lower case (the first may open the sentence) before it.
FIGHT_HEAD = re.compile(r"\A[\s,]*(?:(?:[A-Za-z][a-z-]*)\s+){0,3}\Z")
FIGHT_NOUN = re.compile(r"(?:fighting|clash\w*|battles?|shelling|bombardments?|skirmish\w*|"
                        r"attacks|assaults|airstrikes|air\s+strikes)\Z", re.IGNORECASE)
# ("retaking it": "it" as the object of a verb of taking or reaching is the place)
ANAPHOR = re.compile(
    r"(?<!\w)(?:(?:took|taken|taking|retook|retaken|retaking|captured|capturing|recaptured|"
    r"recapturing|seized|seizing|liberated|liberating|lost|losing|besieged|besieging|encircled|"
    r"encircling|surrounded|surrounding|entered|entering|reached|reaching|stormed|storming)\s+"
    r"it(?![\w'\u2019])|there|here|it all|(?:this|that|these|those|the same)\s+(?:\w+\s+)?"
    r"(?:area|areas|territory|territories|place|places|city|town|village|region|province|"
    r"pocket|front|crossings?|crossing points?|road|route|base|airport|positions?))(?!\w)",
    re.IGNORECASE,
)
# A definite description that points back to a place named before ("the Army recaptured the
# village the following day", "captured the whole complex", "withdrew from the area"): its
# head noun, read with the kinds of place it can mean (geo/claims/placing.py).  Not "the
# village of X" (that names X) nor "the villages" (a plural counts what is not named).
DEFINITE = re.compile(
    r"(?<![\w-])the\s+(?:(?:whole|entire|same|nearby|besieged|embattled|strategic|ancient|"
    r"historic|(?:north|south|east|west)(?:-?(?:east|west))?ern|\w+ly)\s+)?"
    r"(village|town|city|district|neighbou?rhood|quarter|road|highway|hill|hilltop|mountain|"
    r"air\s?base|airport|base|complex|dam|lake|river|bridge|castle|prison|palace|factory|"
    r"academy|oil\s+field|field|area|pocket)(?![\w-])(?!\s+of\s)",
    re.IGNORECASE,
)
# The words that say which way a borrowed place was travelled: "out of the ... area".
_AREA = (r"(?:(?:(?:the|that|this|these|those)\s+)?(?:[\w-]+\s+){0,4}?(?:area|territory|"
         r"region|pocket|province|city|town|front)|there)")
ORIGIN_PHRASE = re.compile(rf"(?<!\w)(?:from|out\s+of|leav(?:e|es|ing))\s+{_AREA}(?!\w)",
                           re.IGNORECASE)
DESTINATION_PHRASE = re.compile(rf"(?<!\w)(?:to|towards?|into)\s+{_AREA}(?!\w)", re.IGNORECASE)
# "presumably with the agreement of the US", "with American air support": a co-actor.
CO_ACTOR_OF = re.compile(
    r"(?<!\w)with\s+(?:the\s+)?(?:(?:tacit|full|active|silent)\s+)?(?:agreement|support|help|"
    r"backing|approval|blessing|complicity|consent|assistance|connivance|cooperation)\s+of\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)
CO_ACTOR_WITH = re.compile(r"(?<!\w)with\s+(?:the\s+)?\Z", re.IGNORECASE)
CO_ACTOR_AFTER = re.compile(
    r"\A(?:'s)?\s+(?:(?:air|military|naval|tacit|full)\s+)?(?:support|help|backing|cover|"
    r"approval|blessing|agreement)(?!\w)",
    re.IGNORECASE,
)
AIR = re.compile(r"\A(?:'s)?\s+air\s+(?:support|cover)", re.IGNORECASE)
# "the rerouting of foreign jihadis": the moved party of a nominalised movement.
MOVED = re.compile(r"\A\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?\Z", re.IGNORECASE)
NOUN_CUE = re.compile(r"(?:ing|ion|al|ment)\Z", re.IGNORECASE)
ORIGIN = re.compile(
    r"(?<!\w)(?:from|out\s+of|leav(?:e|es|ing)|fle(?:e|es|eing)|fled|evacuat\w*|abandon\w*)"
    r"\s+(?:(?:the|its|their)\s+)?(?:siege\s+of\s+)?(?:(?:the\s+)?(?:city|town|village|area|"
    r"province|region|governorate)\s+of\s+)?\Z"
    # "out of the defended area along the border", "from their positions near X": the place
    # only locates what was left (Quirk et al. 1985, 9.15-9.18: a postmodifying place phrase)
    r"|(?<!\w)(?:from|out\s+of|leav(?:e|es|ing))\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:areas?|territory|region|pocket|positions|countryside|front|lines)\s+(?:along|near|"
    r"around|by|on|at)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
DESTINATION = re.compile(
    r"(?<!\w)(?:to|towards?|into|onto|reinforc\w*|at\s+the\s+gates\s+of)\s+(?:(?:the|its)\s+)?"
    r"(?:(?:city|town|village|area|province|region|governorate)\s+of\s+)?\Z",
    re.IGNORECASE,
)
FORCED_OUT = re.compile(r"(?:driv\w*|drove|push\w*|kick\w*|chas\w*)\s.*out\s+of\s", re.I | re.S)
# A clause that only says where ("..., near Khanasir", "..., west of Manbij"): the place of
# the clause before it.
LOCATIVE_TAIL = re.compile(
    r"\A[\s,]*(?:(?:just|some|about|mostly|all|primarily|mainly|chiefly|largely|especially|"
    r"particularly)\s+)?(?:near|outside|around|in|at|inside|along|against|towards?|"
    r"close\s+to|(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|outskirts\s+of)|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|on\s+the\s+(?:outskirts|edges?)\s+of|"
    r"as\s+well\s+as|along\s+with|together\s+with|including)\s",
    re.IGNORECASE,
)
# Actors named together act together: "the Army and Hezbollah", "Turkish/FSA forces"; a
# side named by its adjective keeps its noun ("Turkish forces and the TFSA", "Russian jets
# and the SAA"); the Arabic article may open the second name outside its alias ("IS and
# al-Nusra Front").
JOINT = re.compile(r"\A\s*(?:(?:forces|troops|jets|warplanes)\s*)?"
                   r"(?:,|and|&|/|as\s+well\s+as|along\s+with|together\s+with)\s*"
                   r"(?:the\s+)?(?:(?:a[lnrsdtz]|ash|e[ln])[-\u2010])?\Z", re.IGNORECASE)
# "clashes near Resafa between the Syrian Army and the SDF": both sides fight.
BETWEEN = re.compile(r"(?<!\w)between\s+(?:the\s+)?\Z", re.IGNORECASE)
# A part of a town the gazetteer may lack: a named quarter, facility or landmark ("the 1070
# Housing Project", "the Castillo Complex", "Hikma Hill", "the al-Gharf neighbourhood"), an
# unnamed one ("the grain silos", "the old city", "the industrial zone") or "the eastern
# neighbourhoods".
_PART_NOUN = (r"(?:(?i:district|neighbou?rhood|quarter|roundabout|silos?|mosque|hospital|"
              r"stadium|citadel)s?|(?:Hill|Factory|School|Base|Complex|Project|Academy|Park|"
              r"Station|Farms|Housing|Square|Gate|Bridge)s?)")
TOWN_PART = re.compile(
    r"(?:(?<![\w-])(?:(?:[Aa][lr][-\u2010]|[Ee][ln][-\u2010])?[A-Z0-9][\w'\u2019-]*\s+){1,4}"
    + _PART_NOUN + r"(?!\w))"
    r"|(?<!\w)(?:(?:north|south|east|west)(?:-?(?:east|west))?ern\s+)"
    r"(?:neighbou?rhoods|districts|quarters|parts|suburbs|outskirts)(?!\w)"
    r"|(?<!\w)the\s+(?:(?:grain|wheat|old|central|main|national|industrial)\s+)"
    r"(?:silos?|city|hospital|stadium|square|zone|area|district|market|prison)(?!\w)",
)
# A clause that only goes on with the list of places the clause before began ("captured
# Azaz, Nubl and Afrin", "..., as well as the villages of X and Y"): glue words around names.
LIST_GLUE = re.compile(
    r"\A(?:\s|,|and|or|&|as\s+well\s+as|along\s+with|plus|including|also|then|finally|"
    r"the|a|an|two|three|four|five|several|nearby|(?:north|south|east|west)\w*|of|"
    r"villages?|towns?|hamlets?|neighbou?rhoods?|districts?|quarters?|hills?|hilltops?)*\Z",
    re.IGNORECASE,
)
# What the list's last clause may end with besides names: when ("..., Afrin and Manbij on
# 5 June", "... by the evening"), or whom they were taken from ("..., Nubl and Afrin from IS").
LIST_END = re.compile(r"\A\s+(?:on|by|in|during|after|before|within|over|late|early|from)\s"
                      r"[\w\s'-]*\Z", re.IGNORECASE)
# A clause that only says who holds the place named right before it: "Nubl, held by IS,",
# "Manbij, which was then controlled by the SDF".
HELD_APPOSITIVE = re.compile(
    r"(?:which\s+(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+)?"
    r"(?:(?:\w+ly|still|then|long|now)\s+)?(?:held|controlled|occupied)\s+by\s",
    re.IGNORECASE,
)
# A clause that only says how far from a place ("Heavy fighting continued on 5 June, five
# kilometers from Manbij"): where the clause before it happened, though it holds a cue.
DISTANCE_TAIL = re.compile(
    r"(?:(?:some|about|around|just|only|roughly|nearly|less\s+than|within)\s+)?"
    r"(?:[\w.-]+\s+)(?:kilomet(?:er|re)s?|km|miles?)\s+(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:from|of|outside|short\s+of)\s", re.IGNORECASE)
LIST_JOIN = re.compile(r"\A\s*(?:/|,|and|or|&)\s*\Z", re.IGNORECASE)
COORDINATION = re.compile(r"(?<!\w)(?:and|to)(?!\w)", re.IGNORECASE)

ABBREVIATIONS = frozenset({"st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt",
                           "sgt", "e.g", "i.e", "u.s", "p.s", "vs", "no", "approx", "cf"})
SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
CLAUSE_BREAK = re.compile(r";|:(?=\s)|\s[-\u2013\u2014]+\s|\u2014|,(?=\s)|\.\.\.+")
TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019.,;:-\u2013\u2014"
# "See also: Battle of Azaz", "Main article: Siege of Kobani": the titles of other articles
# name events, they tell none (the cross-reference runs to the end of its line, and starts a
# sentence of its own even where the text lost the full stop before it: clauses.py).
REFERENCE = re.compile(r"(?<!\w)(?:see\s+also|main\s+articles?|further\s+information)\s*:"
                       r"[^\n]*", re.IGNORECASE)
