"""A Streamlit script, run by run_on_save.ipynb with `%stapp weather_app.py`: edit and save it."""

import datetime as dt

import numpy as np
import pandas as pd
import streamlit as st

st.title("Weather log")
city = st.selectbox("City", ["Lisbon", "Oslo", "Nairobi"])
days = st.slider("Days", 7, 60, 21)


@st.cache_data
def temperatures(city: str, days: int) -> pd.DataFrame:
    base = {"Lisbon": 18, "Oslo": 4, "Nairobi": 22}[city]
    rng = np.random.default_rng(len(city) + days)
    start = dt.date(2024, 1, 1)
    day = [start + dt.timedelta(days=i) for i in range(days)]
    return pd.DataFrame({"day": day, "celsius": base + rng.normal(0, 3, days).round(1)}).set_index("day")


data = temperatures(city, days)
st.line_chart(data)
st.metric("Mean", f"{data.celsius.mean():.1f} °C")
st.dataframe(data)  # an index of datetime.date objects
