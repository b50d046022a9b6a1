"""``st.secrets``: secrets from ``secrets.toml`` files, by key or attribute.

Files, later ones overriding earlier ones: ``~/.nbstream/secrets.toml`` (or
``~/.streamlit/secrets.toml``), then ``$CWD/.nbstream/secrets.toml`` (or
``$CWD/.streamlit/secrets.toml``).  Root-level values also become environment
variables.  A session may replace the files' secrets (AppTest's ``at.secrets``).
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator, KeysView, Mapping
from pathlib import Path
from typing import Any

from nbstream.runtime import context

_SECRETS_HELP = (
    "Did you forget to add it to secrets.toml or mount it to secret directory? "
    "More info: https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)


def secret_file_candidates() -> list[Path]:
    out = []
    for base in (Path.home(), Path.cwd()):
        for folder in (".nbstream", ".streamlit"):
            path = base / folder / "secrets.toml"
            if path.is_file() or folder == ".streamlit":
                out.append(path)
                if path.is_file():
                    break
    return out


class AttrDict(Mapping[str, Any]):
    """A read-only section of secrets: ``section["key"]``, ``section.key``, ``**section``."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data[key]
        except KeyError:
            if isinstance(key, str) and "." in key:
                head, _, rest = key.partition(".")
                if head in self._data and isinstance(self._data[head], Mapping):
                    return AttrDict(self._data[head])[rest]
            raise KeyError(f'st.secrets has no key "{key}". {_SECRETS_HELP}') from None
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_SECRETS_HELP}') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise TypeError("Secrets does not support attribute assignment.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def keys(self) -> KeysView[str]:
        # Mapping's KeysView would repr as the whole mapping: values and all (passwords).
        return self._data.keys()

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.to_dict() if isinstance(v, AttrDict) else v) for k, v in ((k, self[k]) for k in self)}

    def __repr__(self) -> str:
        return repr(self._data)


def nest_dotted(flat: Mapping[str, Any]) -> dict[str, Any]:
    """``{"a.b": 1}`` -> ``{"a": {"b": 1}, "a.b": 1}``: readable both ways."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        out[key] = value
        parts = key.split(".")
        if len(parts) > 1:
            node = out
            for part in parts[:-1]:
                existing = node.get(part)
                if not isinstance(existing, dict):
                    existing = {}
                    node[part] = existing
                node = existing
            node[parts[-1]] = value
    return out


class Secrets(Mapping[str, Any]):
    """The secrets of the current session: a test's own, else those of the files."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: AttrDict | None = None

    def _file_secrets(self) -> AttrDict:
        with self._lock:
            if self._loaded is None:
                self._loaded = AttrDict(self._read_files())
            return self._loaded

    def _read_files(self) -> dict[str, Any]:
        candidates = secret_file_candidates()
        found = [p for p in candidates if p.is_file()]
        if not found:
            listing = ", ".join(str(p) for p in candidates)
            raise FileNotFoundError(
                f"No secrets files found. Valid paths for a secrets.toml file are: {listing}"
            )
        data: dict[str, Any] = {}
        for path in found:
            with path.open("rb") as f:
                data.update(tomllib.load(f))
        for key, value in data.items():
            if not isinstance(value, Mapping):
                os.environ[key] = str(value)
        return data

    def _current(self) -> AttrDict:
        ctx = context.get()
        if ctx is not None and ctx.session.secrets_override is not None:
            return AttrDict(ctx.session.secrets_override)
        return self._file_secrets()

    def reload(self) -> None:
        """Read the secrets files again on next access."""
        with self._lock:
            self._loaded = None

    def load_if_toml_exists(self) -> bool:
        try:
            self._file_secrets()
        except FileNotFoundError:
            return False
        return True

    def __getitem__(self, key: str) -> Any:
        return self._current()[key]

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return getattr(self._current(), key)

    def __setattr__(self, key: str, value: Any) -> None:
        # Secrets are read-only: ``st.secrets.x = 1`` must not shadow a secret for every session.
        if not key.startswith("_"):
            raise TypeError("Secrets does not support attribute assignment.")
        object.__setattr__(self, key, value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def keys(self) -> KeysView[str]:
        return self._current().keys()

    def to_dict(self) -> dict[str, Any]:
        return self._current().to_dict()

    def __repr__(self) -> str:
        try:
            return repr(self._current())
        except FileNotFoundError:
            return "{}"


secrets = Secrets()
