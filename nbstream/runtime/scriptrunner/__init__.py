"""``streamlit.runtime.scriptrunner``'s helpers for threads (``add_script_run_ctx``,
``get_script_run_ctx``); see ``script_run_context``."""

from nbstream.runtime.scriptrunner.script_run_context import (
    SCRIPT_RUN_CONTEXT_ATTR_NAME,
    ScriptRunContext,
    add_script_run_ctx,
    get_script_run_ctx,
)

__all__ = ["SCRIPT_RUN_CONTEXT_ATTR_NAME", "ScriptRunContext", "add_script_run_ctx", "get_script_run_ctx"]
