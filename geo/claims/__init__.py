"""Read claims out of comments: who did what, where, according to whom.

A claim ties an actor to places with an action, ACLED-like ("IS forces fleeing Manbij to the
west": ``is``/``flee``/``manbij``, origin Manbij).  The reading is rule-based so that every
claim points at the words it was read from, and a reader can see why:

* each entry is split into paragraphs (lines), sentences and clauses, offsets kept; the
  edges of a quotation always end a sentence;
* a clause is read when it holds an action cue (``data/actions.csv``) and a place mention;
* the actor is the nearest actor mention before the cue that is not the object of a
  preposition ("presumably with the agreement *of the US*" is not the subject), not a
  speaker ("*the SDF said* Azaz was captured": who says it is its source; the agent is the
  reported clause's subject, "the SDF said *it* took X" the speaker's own act) and not what a
  verb before it hit ("killed a senior *IS* commander in airstrikes").  The subject of a
  passive cue of taking, attacking, besieging or cutting off is what was done to it ("*IS*
  was expelled from X by the SDF"), as is the side a place was lost by ("*IS* lost X to the
  SAA") or taken from ("X was retaken from *IS*"): the agent is the "by" or "to" phrase, else
  the context's actor of another side; with none, the side named as driven out withdrew from
  the place (``agents``).  Failing
  that, in this order: the agent of a passive ("was lifted *by SAA*"); for "these men" the
  latest armed group named in the paragraph or the one before; for "they"/"their" the
  latest subject there (never the verb's own object: "they pulled what *insurgents*", nor
  the object of another verb: "favoring *ISIL*"), else the entry's previous claim; the
  subject of an earlier clause of the same sentence ("Even if the SAA can't take Raqqa,
  just taking Tabaqa"); for an agentless passive the paragraph's actor ("Raqqa will be
  heavily defended. IS cannot ..."); for a cue used as a noun in a sentence naming no
  actor ("the much heralded attack on Raqqa") or a noun of fighting heading its clause
  ("Heavy fighting continued in X") the actor of the entry's previous claim; "This cut off
  X" is the previous event's actor; a participle opening its sentence ("After seizing X,
  the Army ...") the main clause's subject (not a passive's patient), and a result
  ("..., thus clearing the road") the sentence's first subject;
* a capture of a count of unnamed places ("..., capturing several villages") is not of a
  place named before it across a comma; the side that repelled an attack told in the passive
  with no agent ("their attack was repelled") defended; with the parse, a holder inside an aim
  ("in an attempt to lift the siege on the rebel-held areas") and the last holding taken
  ("expelling IS from its last stronghold") give no control claim; a cue after words of aim
  (``data/intent.csv``, one screen in ``traps``: with the parse an aim named by a noun, "the
  attempt by IS to take X"; without it also "in a bid to", "tried to", "hopes to") gives no
  reported claim;
* a holder the lexicon does not know ("the Druze-held areas") gives no claim; "almost"
  or "nearly" done is not done (an advance "nearly at the gates of X" stays); the purpose
  of an attack that was made ("an operation by the SDF to capture Manbij") is, with the
  parse, an attack on the place, not a capture;
* a later cue with an actor of its own right before it is another claim ("IS was able to
  capture the territory *the non-IS jihadi forces occupied* around Azaz"); cues of
  different actions joined by "and"/"to" are separate claims of the same actor ("IS has
  taken most of that area and are nearly at the gates of Azaz");
* the action of a group of cues is the one listed first in ``actions.csv`` (so "leaving
  the siege of Azaz to reinforce Manbij" reads as a redeployment), but a noun of fighting
  beside a verb of moving forward is an advance ("pushed its assault towards X"), and one
  after "after"/"amid" only the circumstance of the event before it (``grouping``);
* places are the mentions around the cue; a clause that names none but says "there",
  "that territory", ... takes the latest place named before it in the paragraph; a definite
  description ("the village", "the district", "the road", "the area") the latest place in
  the paragraph or the one before of a kind its noun can mean (not past a place of that
  noun named but unresolved: "the village of Um Mayyal"); a clause whose next sentence only
  elaborates ("This is the area around Azaz") or whose next clause only says where ("...,
  near X", "..., as well as X", "..., including X") takes its places; an action on an
  "X-held" place hits that place; a place the moved men are "now in" is not the event's;
* the blocks of an authorless text (an article's paragraphs) are one discourse: a block
  hands the next its claims' actors and its places; comments of others never do;
* a town history is written as rows under a heading naming the town, on the row's first line
  or as a block of its own above the row's blocks (``heading``): there "the town", "this
  suburb (of X)", "it" are the row's town, and a sentence naming its side but no place tells
  of the town (an attack, advance, siege or road cut only when its side is named right before
  the verb); a side that surrendered or handed the place over withdrew (``giving``);
* for movements, "from X"/"out of X"/"leaving X" mark the origin and "to X"/"towards X"/
  "into X"/"reinforce X" the destination; "the Afrin YPG" pushing east starts from Afrin;
* the modality comes from ``data/modality.csv``, the first of questioned > speculative >
  predicted > reported whose cue reaches the claim's clause (a "?" in it or ending its
  segment, the stretch between ";", ":" or " - "); each row's ``scope`` says how far
  (``modal_scope``): a modal governs the verb phrase after it ("announced the offensive would
  continue" predicts the continuing, not a capture told before it), a hedge adverb or "if" its
  clause, "I think" what follows it, a reporting cue the segment; else "reported";
* precision is the best of the place mentions' (a country named as the place is 3);
* inside a quotation the claim is the quoted author's; when the quoted entry already holds
  that claim it is not emitted again but listed in :attr:`ClaimReport.duplicates`;
* a claim made after quoting an earlier entry, with a contrast cue in it ("merely",
  "actually", "not", ...), about the same action or side near the same place, disputes the
  quoted claims (``disputes`` on it, ``disputed_by`` on them; its modality becomes
  "disputed" unless a cue gave it another).  Within one entry, a claim that contradicts the
  previous sentence's claim about the same actor and place with a contrast cue ("reports of
  IS forces fleeing Manbij. These are unconfirmed ... IS forces ... reinforce Manbij")
  disputes it too.

Where it lives: ``rules`` (the cue files and ``data/intent.csv``, the words of aim; ``cue_regex``
how a row becomes a regex), ``clauses``, ``patterns`` (English word order as regexes),
``agents`` (who is not the agent: speaker, patient, what was hit), ``events`` (cues grouped
by subject; ``grouping`` the action of a group), ``armies`` ("the Army" is the army last
named), ``reader`` (actors) over ``placing`` (places) and ``topic`` (the actor no word of
the sentence names) over
``discourse`` (context beyond the sentence, side checked: "the militants", "troops", an
agentless passive only when its paragraph follows one side, ground taken back, "the town"
of the text's topic; a carried actor's sentence is kept in :attr:`ClaimReport.carried`), ``recall``
(what the clause reader misses: a relative clause about the place before it, air power
backing a side, an operation named with its agent, "under attack by", "repelled by"), with
``presence`` (holding told without a verb of holding: a side's headquarters, capital or
stronghold in apposition), ``holders`` (a holder named after "under the control of", "in the
hands of", "a stronghold of"), ``scene`` (an attack told with no place: the place of the
fighting told in the sentence before), then
with the English model ``syntax`` (agent, patient, the clause's places), ``scope`` (negated,
failed, intended, prospective, modal) and ``parse_reader`` (the cues no kept claim stands
on, read from the parse), ``repel`` (an attack a side repelled is its defence: "the SAA
repelled an attack on X"), ``confidence`` and ``disputes``; ``extract`` runs them.

Everything is linear in the size of the thread: one regex pass per entry for the cues (its
branches dispatched on the first letter), mentions looked up by binary search, and pronouns
resolved within a bounded look-back.

>>> from geo.factions import load_lexicon
>>> from geo.records import Entry, Mention
>>> text = "There are some reports of IS forces fleeing Manbij to the west."
>>> entry = Entry(id=0, kind="post", author="TTG", posted_at=None, text=text, start=0,
...               end=len(text))
>>> manbij = Mention("manbij", 0, 44, 50, "Manbij", 1.0)
>>> [(c.actor, c.action, c.origin, c.modality) for c in
...  extract_claims([entry], [manbij], load_lexicon().find(text, entry=0))]
[('is', 'flee', 'manbij', 'reported')]
"""

from __future__ import annotations

from geo.claims.clauses import Clause, split_clauses
from geo.claims.extract import extract_claims, extract_claims_report
from geo.claims.results import ClaimReport, Duplicate
from geo.claims.rules import (
    ACTIONS_PATH,
    MODALITY_PATH,
    ActionLexicon,
    Cue,
    ModalityRules,
    RulesError,
    load_actions,
    load_modality,
)

__all__ = [
    "ACTIONS_PATH",
    "MODALITY_PATH",
    "ActionLexicon",
    "ClaimReport",
    "Clause",
    "Cue",
    "Duplicate",
    "ModalityRules",
    "RulesError",
    "extract_claims",
    "extract_claims_report",
    "load_actions",
    "load_modality",
    "split_clauses",
]
