"""One person, one name: a post's signature becomes the account behind it.

A blog owner signs the post with a sign-off ("pl") and comments under an account name
("turcopolier"); the thread reader keeps each as written (the post has no footer, only its
signature), and so does the stored corpus.  Left so, a reader met "pl" in one place and
"turcopolier" in another for one person.  :func:`one_name_per_person` renames the post's
signature to its account (:func:`geo.thread.signature_owners`); the app applies it where a
thread is loaded (atlas/ui/data.py), and ``python -m geo extract`` before it writes JSON,
GeoJSON or CSV, so every page, card and export says the same name.

>>> from geo.records import Claim, Entry, Mention
>>> entries = [Entry(0, "post", "pl", None, "IS took Azaz. pl", 0, 16),
...            Entry(1, "comment", "turcopolier", "2016-06-07T20:30", "Indeed. pl", 17, 27)]
>>> claim = Claim("e0c0", 0, "pl", None, "is", "capture", ("p",), None, None, "reported",
...               0, 12, "IS took Azaz")
>>> one = one_name_per_person(Corpus(source="t", entries=entries, claims=[claim],
...                                  mentions=[Mention("p", 0, 8, 12, "Azaz", 0.9, speaker="pl")]))
>>> [e.author for e in one.entries], one.claims[0].author, one.mentions[0].speaker
(['turcopolier', 'turcopolier'], 'turcopolier', 'turcopolier')
"""

from __future__ import annotations

from dataclasses import replace

from geo.records import Corpus
from geo.thread import signature_owners

__all__ = ["one_name_per_person"]


def one_name_per_person(corpus: Corpus) -> Corpus:
    """``corpus`` with each post signature replaced by its account wherever a name is shown:
    entry authors, claim authors, mention speakers (a quote of the post is the account's
    words too).  The same corpus when no signature has an account."""
    owners = signature_owners(corpus.entries)
    if not owners:
        return corpus
    return replace(
        corpus,
        entries=[replace(e, author=owners[e.author]) if e.author in owners else e
                 for e in corpus.entries],
        claims=[replace(c, author=owners[c.author]) if c.author in owners else c
                for c in corpus.claims],
        mentions=[replace(m, speaker=owners[m.speaker]) if m.speaker in owners else m
                  for m in corpus.mentions],
    )
