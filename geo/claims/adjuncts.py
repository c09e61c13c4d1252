"""Places named in a time adjunct after the event are not the event's.

"Beit Sawa was under FSA control after a regain in strength of the rebels in Rif Dimashq":
the place after "after" is where the adjunct's thing happened; the event is Beit Sawa's, the
subject's. When every place after the cue stands behind such a subordinator ("after",
"before", "since", "following", "until", "whereas", "while") and the clause names a place
before the cue (its subject, or "the town" of a heading row), the subject's place is the
event's.
"""

from __future__ import annotations

import re

TIME_ADJUNCT = re.compile(r"(?<![\w-])(?:after|before|since|following|until|whereas|while)"
                          r"(?![\w-])", re.IGNORECASE)


def behind_adjunct(text: str, cue_end: int, first_place: int) -> bool:
    """Whether a time subordinator stands between the cue's end and the first place after it."""
    return first_place > cue_end and TIME_ADJUNCT.search(text, cue_end, first_place) is not None
