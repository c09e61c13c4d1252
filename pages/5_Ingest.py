"""Add another thread: upload or paste it, build its map, and open it.

Why here and not only on the command line: a journalist with a thread copied from a blog
should get a map without a terminal.  The input is checked before the pipeline runs (text,
UTF-8, at most 5 MB); what the reader recognises in it (the comment system, how many
entries, authors and times) is shown before the build; a footer that does not parse keeps
its comment without a time unless "stop at the first" is ticked, which reports its line.
"""

from __future__ import annotations

import datetime
import re

import streamlit as st

from atlas.ui import keys
from atlas.ui.controls import page_setup
from atlas.ui.data import ThreadError, decode_thread_bytes, recognised, store_pasted

st.set_page_config(page_title="Add a thread · Frontline Atlas", page_icon="➕", layout="wide")

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
# The uploader's own checks (type, size) refuse a file with only a red (!) and a tooltip: it
# takes any file up to this much, and the page says in words what is wrong with it.
UPLOAD_MB = 50

# A thread built on the previous run is opened before the sidebar's widgets exist in this
# run (a widget's state cannot be set once it is drawn): the map page, with that thread.
if keys.INGEST_OPEN in st.session_state:
    built = st.session_state.pop(keys.INGEST_OPEN)
    st.session_state[keys.THREAD] = built
    st.switch_page("pages/0_Map.py", query_params={"thread": built})

page_setup(title="Add a thread")
# The uploader would say "50MB per file" (its own limit, UPLOAD_MB) under a label saying 5 MB:
# the label alone gives the limit that holds.
st.html("<style>[data-testid='stFileUploaderDropzoneInstructions'] {display: none;}"
        "</style>")  # a style alone takes no room above the title

st.title("Add a thread")
st.markdown(
    "Upload or paste a thread as you have it: text copied from the page (Typepad, Movable "
    "Type, Moon of Alabama, WordPress, Disqus), the page saved as HTML, a Reddit thread's "
    "JSON or a Disqus XML export. It is geoparsed on this machine and stored in the local "
    f"database; nothing is sent anywhere. UTF-8, up to {MAX_MB} MB.")
UPLOAD_TYPES = ["txt", "html", "htm", "json", "xml"]


def clean_name(name: str) -> str:
    """A thread name safe to show anywhere: letters, digits, space, dot, dash, underscore."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = re.sub(r"\.(?:txt|html?|json|xml)$", "", stem, flags=re.IGNORECASE)
    stem = re.sub(r"[^\w .-]+", "_", stem).strip(" ._")
    return stem[:40] or "pasted"


mode = st.radio("Source", ["Upload a file", "Paste text"], horizontal=True, key=keys.INGEST_MODE,
                label_visibility="collapsed")
data: bytes | None = None
name = "pasted"
problem = None
if mode == "Upload a file":
    uploaded = st.file_uploader(f"Thread file (.txt, .html, .json, .xml; at most {MAX_MB} MB)",
                                max_upload_size=UPLOAD_MB, key=keys.INGEST_FILE)
    if uploaded is not None:
        name = uploaded.name
        if not uploaded.name.lower().endswith(tuple("." + t for t in UPLOAD_TYPES)):
            problem = (f"{uploaded.name} is not a thread file: save it as text, HTML, or the "
                       "JSON or XML its site exports.")
        elif uploaded.size > MAX_BYTES:
            problem = (f"{uploaded.name} is {uploaded.size / 1e6:.1f} MB, over the {MAX_MB} MB "
                       "limit: split it into threads.")
        else:
            data = uploaded.getvalue()
else:
    name = st.text_input("Name for this thread", value="pasted", key=keys.INGEST_NAME,
                         max_chars=40)
    pasted = st.text_area("Thread text", key=keys.INGEST_TEXT, height=320,
                          placeholder="Paste the post and its comments here")
    if pasted:
        data = pasted.encode("utf-8")
        if len(data) > MAX_BYTES:
            problem = (f"The text is {len(data) / 1e6:.1f} MB, over the {MAX_MB} MB limit: "
                       "split it into threads.")
            data = None

if data is not None and problem is None:
    # an empty or binary file, or one not in UTF-8, is refused at once, in words on the page
    # (not after "Build the map", which would stay enabled for a file it cannot read)
    try:
        decode_thread_bytes(data, source=name if mode == "Upload a file" else clean_name(name))
    except ThreadError as error:
        problem, data = error.describe(), None

strict = st.checkbox(
    "Stop at the first footer or date that does not parse", key=keys.INGEST_STRICT,
    help="By default a comment whose footer or date cannot be read (a broken date, a missing "
         "name) is kept without a time, and noted. Ticked, the build stops and names the line.")
as_of = st.date_input(
    "Relative times count back from", value=None, key=keys.INGEST_AS_OF,
    help="Pages copied recently say 'yesterday at 5:06 PM' or '3 days ago'. Give the day you "
         "copied the page to place them in time ('2 hours ago' needs the hour too: use the "
         "command line's --as-of); left empty, they stay unknown.")
as_of_moment = as_of if isinstance(as_of, datetime.date) else None  # a day: no clock made up


def recognise(data: bytes, label: str, when: datetime.date | None) -> str:
    """What the reader finds in the input, in one line."""
    found = recognised(data, source=label, as_of=when)
    return "Recognised: " + found if found else ""  # else the build reports it, with its line


if problem:
    st.error(problem)
elif data is not None:
    report = recognise(data, clean_name(name), as_of_moment)
    if report:
        st.info(report)
go = st.button("Build the map", type="primary", disabled=data is None or problem is not None,
               key=keys.INGEST_GO)

if go and data is not None:
    label = clean_name(name)
    try:
        text = decode_thread_bytes(data, source=label)
    except ThreadError as error:
        st.error(error.describe())
        st.stop()
    bar = st.progress(0.0, text="starting")

    def progress(step: str, fraction: float) -> None:
        bar.progress(min(1.0, max(0.0, fraction)), text=step)

    try:
        source = store_pasted(text, name=label, strict=strict, progress=progress,
                              as_of=as_of_moment)
    except ThreadError as error:
        bar.empty()
        st.error(error.describe())
        lines = text.splitlines()
        if error.line is not None and 1 <= error.line <= len(lines):
            st.caption(f"Line {error.line}:")
            st.code(lines[error.line - 1][:500], language=None)
        if strict:
            st.caption("Fix the line, or untick “Stop at the first footer or date that does "
                       "not parse” and build again.")
    else:
        st.session_state[keys.INGEST_OPEN] = source
        st.rerun()
