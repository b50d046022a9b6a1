"""Configuration options: ``st.get_option`` / ``st.set_option`` and config files.

Sources, lowest precedence first (as Streamlit reads them):

1. defaults below;
2. the global file ``~/.nbstream/config.toml`` (or ``~/.streamlit/config.toml`` when
   there is no ``.nbstream`` folder);
3. the project file ``$CWD/.nbstream/config.toml`` (or ``$CWD/.streamlit/config.toml``);
4. environment variables ``NBSTREAM_SECTION_OPTION_NAME`` (or ``STREAMLIT_...``);
5. command-line flags: ``nbstream run app.py --server.port 80`` (``NBSTREAM_CLI_OPTIONS``);
6. ``set_option`` at run time (client, runner, theme, global, logger and cache options).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import tomllib
from pathlib import Path
from typing import Any

from nbstream._options import OPTIONS
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.theme_files import with_base_file

_LOG = logging.getLogger("nbstream")

DEFAULTS: dict[str, Any] = {name: default for name, (default, _) in OPTIONS.items()}

# `nbstream run app.py --server.port 80`: the command line's options, as JSON, for the
# server process and the kernels it starts (which inherit its environment).
CLI_OPTIONS_ENV = "NBSTREAM_CLI_OPTIONS"

_SETTABLE_SECTIONS = ("client.", "runner.", "theme.", "global.", "logger.", "cache.")
_ENUM_COERCION = ("off", "nameOnly", "nameAndValue")
_TOOLBAR_MODES = ("auto", "developer", "viewer", "minimal")

_lock = threading.RLock()
_values: dict[str, Any] | None = None
_sources: dict[str, str] = {}
_overrides: dict[str, Any] = {}


def _config_files() -> list[Path]:
    files = []
    for base in (Path.home(), Path.cwd()):
        for folder in (".nbstream", ".streamlit"):
            path = base / folder / "config.toml"
            if path.is_file():
                files.append(path)
                break
    return files


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for section, options in data.items():
        if isinstance(options, dict):
            for name, value in options.items():
                flat[f"{section}.{name}"] = value
    return flat


def _env_name(option: str, prefix: str) -> str:
    section, _, name = option.partition(".")
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()
    return f"{prefix}_{section.upper()}_{snake}"


def parse_value(raw: str, default: Any) -> Any:
    """A value given as text (an environment variable, a command-line flag), typed as its default."""
    if isinstance(default, bool) or raw.lower() in ("true", "false"):
        return raw.lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            return raw
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            return raw
    if isinstance(default, list):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _warn_unknown(names: list[str], where: str) -> None:
    for name in names:
        if name not in DEFAULTS:
            _LOG.warning(
                '"%s" is not a valid config option (in %s). If you previously had this config '
                "option set, it may have been removed.",
                name,
                where,
            )


def _load() -> dict[str, Any]:
    values = dict(DEFAULTS)
    _sources.clear()
    for path in _config_files():
        try:
            with path.open("rb") as f:
                flat = _flatten(tomllib.load(f))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            _LOG.warning("nbstream: could not read %s: %s", path, exc)
            continue
        _warn_unknown(list(flat), str(path))
        values.update(flat)
        _sources.update(dict.fromkeys(flat, str(path)))
    for option in list(values):
        for prefix in ("NBSTREAM", "STREAMLIT"):
            name = _env_name(option, prefix)
            raw = os.environ.get(name)
            if raw is not None:
                values[option] = parse_value(raw, DEFAULTS.get(option))
                _sources[option] = f"the environment variable {name}"
                break
    flags = _cli_options()
    values.update(flags)
    _sources.update(dict.fromkeys(flags, "a command-line flag"))
    _apply_logger_level(values["logger.level"] if "logger.level" in _sources else None)
    return values


def _apply_logger_level(level: Any) -> None:
    """``logger.level``, when set: how much nbstream's log (the "nbstream" logger) says.
    Unset, the logger follows Python's logging setup (the notebook's, the server's)."""
    if level is None:
        _LOG.setLevel(logging.NOTSET)
        return
    name = str(level).upper()
    if name not in ("ERROR", "WARNING", "INFO", "DEBUG"):
        _LOG.warning('nbstream: logger.level must be "error", "warning", "info" or "debug", not %r', level)
        return
    _LOG.setLevel(name)


def _cli_options() -> dict[str, Any]:
    raw = os.environ.get(CLI_OPTIONS_ENV)
    if not raw:
        return {}
    try:
        flags = json.loads(raw)
    except ValueError:
        _LOG.warning("nbstream: ignored %s, which is not JSON", CLI_OPTIONS_ENV)
        return {}
    return {k: v for k, v in flags.items() if k in DEFAULTS} if isinstance(flags, dict) else {}


def source(key: str) -> str:
    """Where the current value of ``key`` comes from: "default", a file's path, an
    environment variable, "a command-line flag" or "st.set_option"."""
    with _lock:
        _all()
        if key in _overrides:
            return "st.set_option"
        return _sources.get(key, "default")


def _all() -> dict[str, Any]:
    global _values
    with _lock:
        if _values is None:
            _values = _load()
        return _values


def get_option(key: str) -> Any:
    """Return the current value of a configuration option, such as ``"theme.primaryColor"``.

    Options come from ``config.toml`` files (``~/.nbstream/`` and the project's
    ``.nbstream/``, falling back to ``.streamlit/``), ``NBSTREAM_*`` or ``STREAMLIT_*``
    environment variables, and ``st.set_option``.

    Raises
    ------
    RuntimeError
        If ``key`` names no option.
    """
    with _lock:
        if key in _overrides:
            return _overrides[key]
        values = _all()
        if key not in values:
            raise RuntimeError(f'Config key "{key}" not defined.')
        return values[key]


def set_option(key: str, value: Any) -> None:
    """Set a configuration option for this process while it runs.

    Only ``client.*``, ``runner.*``, ``theme.*``, ``global.*``, ``logger.*`` and ``cache.*``
    options can change on the fly; server options belong in ``config.toml``.
    """
    if key not in _all():
        raise StreamlitAPIException(f'Config key "{key}" not defined.')
    if not key.startswith(_SETTABLE_SECTIONS):
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. "
            "Set it in .nbstream/config.toml (or .streamlit/config.toml) instead."
        )
    _validate(key, value)
    with _lock:
        _overrides[key] = value


def _validate(key: str, value: Any) -> None:
    if key == "runner.enumCoercion" and value not in _ENUM_COERCION:
        raise StreamlitAPIException(f"runner.enumCoercion must be one of {_ENUM_COERCION}, not {value!r}.")
    if key == "client.toolbarMode" and value not in _TOOLBAR_MODES:
        raise StreamlitAPIException(f"client.toolbarMode must be one of {_TOOLBAR_MODES}, not {value!r}.")
    if key in ("runner.clickRunWindow", "runner.maxRunSeconds") and (
        isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0
    ):
        raise StreamlitAPIException(f"{key} must be a number of seconds (0 or more), not {value!r}.")
    if key == "cache.store" and not (
        value in ("disk", "redis") or (isinstance(value, str) and all(value.partition(":")[::2]))
    ):
        raise StreamlitAPIException(f'cache.store must be "disk", "redis" or "module:Class", not {value!r}.')


def files_signature() -> tuple[tuple[str, float | None], ...]:
    """Every place a config file may be, with its modification time (None: no file)."""
    signature = []
    for base in (Path.home(), Path.cwd()):
        for folder in (".nbstream", ".streamlit"):
            path = base / folder / "config.toml"
            try:
                signature.append((str(path), path.stat().st_mtime))
            except OSError:
                signature.append((str(path), None))
    return tuple(signature)


def refresh() -> None:
    """Read the files and the environment again, keeping ``set_option``'s values (the
    theme changes live when config.toml does)."""
    global _values
    with _lock:
        _values = _load()


def reload() -> None:
    """Forget what was read, so files and environment are read again (tests, new cwd)."""
    global _values
    with _lock:
        _values = None
        _overrides.clear()


def show_error_details() -> str:
    """``client.showErrorDetails`` as one of "full", "stacktrace", "type", "none"."""
    value = get_option("client.showErrorDetails")
    if value is True:
        return "full"
    if value is False:
        return "none"
    return str(value)


def theme() -> dict[str, Any]:
    """The ``[theme]`` options that are set, without the ``theme.`` prefix (over those of
    the theme file ``theme.base`` may name)."""
    values = _all()
    merged = {k: _overrides.get(k, v) for k, v in values.items() if k.startswith("theme.")}
    return with_base_file({k.removeprefix("theme."): v for k, v in merged.items() if v is not None})
