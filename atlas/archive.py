"""Every thread of the database as one corpus: the dashboard's "All threads" view.

Why a corpus and not a list of corpora: every page, the map and :mod:`atlas.view`'s pure
functions work on one ``Corpus`` whose entry ids are its list positions.  An :class:`Archive`
is such a corpus: the threads' entries one after the other, renumbered, and every record that
points at an entry (mentions, claims, quotes, replies, ...) renumbered with them; places and
actors are shared by id, so a place's mentions in every thread add up to one marker.  The
archive remembers where each entry came from (:meth:`Archive.thread_of`,
:meth:`Archive.local_id`), so a link can still open the comment in its own thread.

Claim ids are only unique within a thread ("e3c1"), so they get the thread's number in front
("t2.e3c1").

>>> from geo.records import Entry, Mention
>>> post = Entry(id=0, kind="post", author="pl", posted_at=None, text="Azaz", start=0, end=4)
>>> a = Corpus(source="a.txt", entries=[post], mentions=[Mention("p", 0, 0, 4, "Azaz", 1.0)])
>>> b = Corpus(source="b.txt", entries=[post], mentions=[Mention("p", 0, 0, 4, "Azaz", 1.0)])
>>> both = merge([a, b])
>>> [m.entry for m in both.mentions], both.thread_of(1), both.local_id(1)
([0, 1], 'b.txt', 0)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from geo.records import Corpus, Place

__all__ = ["ALL_THREADS", "Archive", "locate", "merge"]

#: The thread name (``thread=all`` in the URL) that stands for every thread at once.
ALL_THREADS = "all"


@dataclass(slots=True)
class Archive(Corpus):
    """Many threads as one corpus (``source`` is :data:`ALL_THREADS`, ``mode`` "archive")."""

    threads: list[str] = field(default_factory=list)
    #: for each entry id of the archive: the index of its thread in ``threads``
    entry_thread: list[int] = field(default_factory=list)
    #: for each entry id of the archive: its id in its own thread
    entry_local: list[int] = field(default_factory=list)

    def thread_of(self, entry_id: int) -> str:
        return self.threads[self.entry_thread[entry_id]]

    def local_id(self, entry_id: int) -> int:
        return self.entry_local[entry_id]

    def global_id(self, thread: str, local_id: int) -> int | None:
        """The archive's id of entry ``local_id`` of ``thread`` (None if there is none)."""
        if thread not in self.threads or local_id < 0:
            return None
        number = self.threads.index(thread)
        found = bisect.bisect_left(self.entry_thread, number) + local_id  # threads are contiguous
        ok = found < len(self.entries) and self.entry_thread[found] == number
        return found if ok else None


def locate(corpus: Corpus, entry_id: int) -> tuple[str, int]:
    """The thread an entry of ``corpus`` comes from and its id there, for links."""
    if isinstance(corpus, Archive):
        return corpus.thread_of(entry_id), corpus.local_id(entry_id)
    return corpus.source, entry_id


def merge(corpora: Sequence[Corpus]) -> Archive:
    """One :class:`Archive` of ``corpora``, in the order given (entry ids renumbered)."""
    entries, mentions, unresolved, actor_mentions, claims, relations = [], [], [], [], [], []
    places: dict[str, Place] = {}
    actors: dict[str, object] = {}
    notes: list[str] = []
    entry_thread: list[int] = []
    entry_local: list[int] = []
    for number, corpus in enumerate(corpora):
        base = len(entries)
        ids = {e.id: base + i for i, e in enumerate(corpus.entries)}

        def renumber(entry_id: int | None, ids: dict[int, int] = ids) -> int | None:
            return None if entry_id is None else ids.get(entry_id, entry_id)

        def claim_id(local: str, number: int = number) -> str:
            return f"t{number + 1}.{local}"

        for i, entry in enumerate(corpus.entries):
            entries.append(replace(
                entry, id=base + i, replies_to=renumber(entry.replies_to),
                quotes=tuple(replace(q, entry=renumber(q.entry)) for q in entry.quotes)))
            entry_thread.append(number)
            entry_local.append(entry.id)
        mentions += [replace(m, entry=ids[m.entry]) for m in corpus.mentions]
        unresolved += [replace(u, entry=ids[u.entry]) for u in corpus.unresolved]
        actor_mentions += [replace(a, entry=ids[a.entry]) for a in corpus.actor_mentions]
        relations += [replace(r, entry=ids[r.entry]) for r in corpus.relations]
        claims += [replace(c, id=claim_id(c.id), entry=ids[c.entry],
                           disputes=tuple(map(claim_id, c.disputes)),
                           disputed_by=tuple(map(claim_id, c.disputed_by)))
                   for c in corpus.claims]
        for place in corpus.places:
            places.setdefault(place.id, place)
        for actor in corpus.actors:
            actors.setdefault(actor.id, actor)
        notes += [f"{corpus.source}: {note}" for note in corpus.notes]
    return Archive(
        source=ALL_THREADS, entries=entries,
        places=sorted(places.values(), key=lambda p: (p.name, p.id)),
        mentions=mentions, unresolved=unresolved, actors=list(actors.values()),  # type: ignore[arg-type]
        actor_mentions=actor_mentions, claims=claims, relations=relations, mode="archive",
        notes=notes, threads=[c.source for c in corpora], entry_thread=entry_thread,
        entry_local=entry_local,
    )
