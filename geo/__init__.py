"""Frontline Atlas's pipeline: thread text -> entries -> places -> factions -> claims -> store.

Nothing here imports Streamlit; the dashboard (``app.py``, ``pages/``) imports this package.
"""
