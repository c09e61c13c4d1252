"""Add another thread: upload or paste it, build its map, and open it.

Why here and not only on the command line: a journalist with a thread copied from a blog
should get a map without a terminal.  The input is checked before the pipeline runs (text,
UTF-8, at most 5 MB), and a thread the parser cannot split is reported with its line, with
the option to keep going past malformed footers.
"""

from __future__ import annotations

import re

import streamlit as st

from atlas.controls import page_setup
from atlas.data import store_pasted
from geo.pipeline import decode_thread_bytes
from geo.thread import ThreadError

st.set_page_config(page_title="Add a thread · Frontline Atlas", page_icon="➕", layout="wide")

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
# The uploader's own checks (type, size) refuse a file with only a red (!) and a tooltip: it
# takes any file up to this much, and the page says in words what is wrong with it.
UPLOAD_MB = 50
PENDING = "_ingest_open"

# A thread built on the previous run is opened before the sidebar's widgets exist in this
# run (a widget's state cannot be set once it is drawn): the map page, with that thread.
if PENDING in st.session_state:
    built = st.session_state.pop(PENDING)
    st.session_state["w_thread"] = built
    st.switch_page("pages/0_Map.py", query_params={"thread": built})

page_setup(title="Add a thread")

st.title("Add a thread")
st.markdown(
    "Upload or paste a blog thread: the post, then each comment followed by its footer line "
    "`Posted by: NAME | 07 June 2016 at 05:06 PM`. It is geoparsed on this machine and stored "
    f"in the local database; nothing is sent anywhere. Plain text (UTF-8), up to {MAX_MB} MB.")


def clean_name(name: str) -> str:
    """A thread name safe to show anywhere: letters, digits, space, dot, dash, underscore."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = re.sub(r"\.txt$", "", stem, flags=re.IGNORECASE)
    stem = re.sub(r"[^\w .-]+", "_", stem).strip(" ._")
    return stem[:40] or "pasted"


mode = st.radio("Source", ["Upload a file", "Paste text"], horizontal=True, key="ingest_mode",
                label_visibility="collapsed")
data: bytes | None = None
name = "pasted"
problem = None
if mode == "Upload a file":
    uploaded = st.file_uploader(f"Thread file (.txt, at most {MAX_MB} MB)",
                                max_upload_size=UPLOAD_MB, key="ingest_file")
    if uploaded is not None:
        name = uploaded.name
        if not uploaded.name.lower().endswith(".txt"):
            problem = f"{uploaded.name} is not a .txt file: save the thread as plain text."
        elif uploaded.size > MAX_BYTES:
            problem = (f"{uploaded.name} is {uploaded.size / 1e6:.1f} MB, over the {MAX_MB} MB "
                       "limit: split it into threads.")
        else:
            data = uploaded.getvalue()
else:
    name = st.text_input("Name for this thread", value="pasted", key="ingest_name",
                         max_chars=40)
    pasted = st.text_area("Thread text", key="ingest_text", height=320,
                          placeholder="Paste the post and its comments here")
    if pasted:
        data = pasted.encode("utf-8")
        if len(data) > MAX_BYTES:
            problem = (f"The text is {len(data) / 1e6:.1f} MB, over the {MAX_MB} MB limit: "
                       "split it into threads.")
            data = None

lenient = st.checkbox(
    "Keep going past malformed footers", key="ingest_lenient",
    help="A footer line the parser cannot read (a broken date, a missing name) normally stops "
         "the build with its line number. Ticked, such lines are kept as text and noted.")

if problem:
    st.error(problem)
go = st.button("Build the map", type="primary", disabled=data is None or problem is not None,
               key="ingest_go")

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
        source = store_pasted(text, name=label, strict=not lenient, progress=progress)
    except ThreadError as error:
        bar.empty()
        st.error(error.describe())
        lines = text.splitlines()
        if error.line is not None and 1 <= error.line <= len(lines):
            st.caption(f"Line {error.line}:")
            st.code(lines[error.line - 1][:500], language=None)
        if not lenient:
            st.caption("Fix the line, or tick “Keep going past malformed footers” and build "
                       "again.")
    else:
        st.session_state[PENDING] = source
        st.rerun()
