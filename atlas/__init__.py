"""atlas: the dashboard's shared view code (Streamlit-side)"""
