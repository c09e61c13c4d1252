"""Frontline Atlas: ``streamlit run app.py``.

The entry point only names the pages and runs the one the URL asks for; each page is a script
under ``pages/``, the map first.  Naming them here (``st.navigation``) rather than letting
Streamlit read them from the folder is what lets the sidebar say "Map" for the home page
instead of the file name "app".  Each page keeps the URL the folder gave it (``/``,
``/Places``, ``/Thread``, ...): shared links still work.  No icons: Streamlit fetches
Material icons from a font server, which an offline app must not ask, and emoji show as
empty boxes where no colour-emoji font is installed.
"""

from __future__ import annotations

import streamlit as st

PAGES = [  # (script, title in the sidebar); the first is the home page at "/"
    ("pages/0_Map.py", "Map"),
    ("pages/1_Places.py", "Places"),
    ("pages/2_Thread.py", "Thread"),
    ("pages/3_Claims.py", "Claims"),
    ("pages/4_Commenters.py", "Commenters"),
    ("pages/5_Ingest.py", "Ingest"),
]

st.navigation([st.Page(path, title=title, default=index == 0)
               for index, (path, title) in enumerate(PAGES)]).run()
