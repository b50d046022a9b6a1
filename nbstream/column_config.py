"""``st.column_config`` as a module, so ``import nbstream.column_config`` works as in Streamlit."""

from nbstream.elements.data import column_config as _column_config
from nbstream.elements.data.column_config import *  # noqa: F403 - the same names, one list

__all__ = _column_config.__all__
