"""Split a thread into its post and comments, exactly as written: the face of geo/formats/.

``parse_thread`` reads any family geo/formats/detect.py recognises (copied text from Typepad,
Movable Type, Moon of Alabama, WordPress or Disqus; a saved page; a Reddit or Disqus export).
The thread record and the footer family live in geo/formats/footed.py; this module only
re-exports them, so that the formats build on footed.py and nothing imports in a circle.

Nothing is dropped or altered: every entry's ``text`` is ``source[start:end]``, and only the
footer lines, page furniture ("Reply", "Comments (25)") and blank lines between entries fall
outside the entries.  A footer that does not parse keeps its comment, without a time.

>>> text = "Hello from Aleppo. pl\\nNice.\\nPosted by: Joe | 07 June 2016 at 05:06 PM\\n"
>>> thread = parse_thread(text, signature="pl")
>>> [(e.kind, e.author, e.posted_at) for e in thread.entries]
[('post', 'pl', None), ('comment', 'Joe', '2016-06-07T17:06:00')]
"""

from __future__ import annotations

from datetime import date

from geo.formats.detect import read_thread
from geo.formats.footed import (
    FOOTER_START,
    QUOTE_CHARS,
    Thread,
    ThreadError,
    parse_footers,
    signature_owners,
)

__all__ = ["FOOTER_START", "QUOTE_CHARS", "Thread", "ThreadError", "parse_footers",
           "parse_thread", "signature_owners"]


def parse_thread(
    text: str,
    *,
    source: str = "",
    strict: bool = False,
    signature: str | None = None,
    as_of: date | None = None,
) -> Thread:
    """Split ``text`` into entries, whatever comment system it was copied, saved or exported
    from (geo/formats/detect.py recognises the family).

    A footer or date that does not parse keeps its comment, with no time and a note;
    ``strict`` makes it an error that names its line instead.  Relative times ("2 years
    ago") are resolved against ``as_of`` or kept unknown.  ``signature`` is the post
    author's sign-off; by default it is found as the last word that ends both a line of the
    text before the first footer and at least one comment (the owner signs comments so too).
    """
    return read_thread(text, source=source, strict=strict, signature=signature, as_of=as_of)
