"""Where a component's build folder is served from: one small file per declared folder.

The kernel declares components; the Jupyter server (a different process) serves their
files.  ``register`` writes ``<id>.json`` naming the folder into a directory both share
(``NBSTREAM_COMPONENTS_DIR``, else ``nbstream-components`` in Jupyter's runtime
directory); the server's handler (``nbstream.server``) serves files of registered
folders only, by ID, and never a path outside the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

_ID = re.compile(r"^[0-9a-f]{16}$")


def registry_dir() -> Path:
    """The directory of registrations the kernel writes and the server reads."""
    explicit = os.environ.get("NBSTREAM_COMPONENTS_DIR")
    if explicit:
        return Path(explicit)
    try:
        from jupyter_core.paths import jupyter_runtime_dir

        return Path(jupyter_runtime_dir()) / "nbstream-components"
    except ImportError:  # no Jupyter at all (AppTest in a bare environment)
        return Path(tempfile.gettempdir()) / "nbstream-components"


def component_id(name: str, folder: str) -> str:
    """The stable URL ID of a component's build folder."""
    return hashlib.blake2b(f"{name}\0{folder}".encode("utf-8", "backslashreplace"), digest_size=8).hexdigest()


def register(name: str, folder: str) -> str:
    """Let the Jupyter server serve ``folder`` (an absolute path) as component ``name``."""
    cid = component_id(name, folder)
    where = registry_dir()
    target = where / f"{cid}.json"
    record = json.dumps({"name": name, "path": folder})
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == record:
            return cid
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(record)
        os.replace(tmp, target)
    except OSError:  # read-only runtime dir: the component cannot be served, the app still runs
        pass
    return cid


def folder_of(cid: str) -> Path | None:
    """The registered folder of ``cid`` (None: not a registered component)."""
    if not isinstance(cid, str) or not _ID.match(cid):
        return None
    try:
        record = json.loads((registry_dir() / f"{cid}.json").read_text(encoding="utf-8"))
        folder = Path(record["path"]).resolve()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() else None


def resolve(cid: str, relative: str) -> Path | None:
    """The file ``relative`` inside component ``cid``'s folder, or None if there is no such
    file or the path would leave the folder (``..``, absolute paths, symlinks out)."""
    folder = folder_of(cid)
    if folder is None or "\0" in relative:
        return None
    target = (folder / (relative or "index.html")).resolve()
    if not target.is_relative_to(folder):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None
