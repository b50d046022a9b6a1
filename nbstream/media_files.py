"""Large media by URL: the kernel writes them to files, the Jupyter server serves them.

A medium above ``THRESHOLD`` bytes (an image, audio, video or PDF source) is not pushed
through the kernel's websocket: the browser loads it from
``{base_url}nbstream/media/<session>/<token>`` with HTTP range requests, so a long video
starts at once and seeks.  The kernel and the server are different processes; they meet
in a directory:

* the server (``nbstream.server``: the Jupyter extension, standalone Voila, ``nbstream
  run``) makes ``<jupyter runtime dir>/nbstream-media-<pid>`` (mode 0700) and names it in
  ``NBSTREAM_MEDIA_DIR``, which the kernels it starts inherit; it removes it on exit;
* each app session of a kernel (``MediaStore``) owns ``<that dir>/<session>/``, a random
  name, with a file ``.key`` holding a second secret; each medium is a file named by a
  random token, and ``<token>.type`` holds the MIME type the kernel decided.  Files go
  when no element shows them any more, the directory when the session closes or the
  kernel exits;
* ``MediaFileHandler`` serves a file only with the cookie ``nbs-media-<session>`` equal
  to the session's key.  The browser view of the app sets that cookie (the key travels
  in the app's own messages), so another tab or browser that learns a URL still gets a
  404.  Names are checked against the token alphabet, so no path leaves the directory.

Without ``NBSTREAM_MEDIA_DIR`` (AppTest, a kernel started by hand) every medium stays a
buffer over the widget connection, as small ones always are.
"""

from __future__ import annotations

import atexit
import contextlib
import hmac
import os
import re
import secrets
import shutil
import threading
from pathlib import Path
from typing import Any

import tornado.web

ENV = "NBSTREAM_MEDIA_DIR"
# 2 MiB: a picture or a short clip still travels with the app's messages (one round
# trip, kept in the notebook's widget state); longer recordings and videos stream.
THRESHOLD = 2 * 1024 * 1024
URL_PATH = "nbstream/media/"
ROUTE = r"/nbstream/media/([^/]+)/([^/]+)"
MEDIA = "$media"
COOKIE_PREFIX = "nbs-media-"
KEY_FILE = ".key"
_NAME = re.compile(r"[A-Za-z0-9_-]{16,64}\Z")
_CHUNK = 1 << 20
# Types served as themselves; anything else is a download.  Script-capable types (SVG)
# also get a sandboxing Content-Security-Policy, for when someone opens the URL itself.
_SERVED = ("image/", "audio/", "video/", "application/pdf", "text/vtt")


def server_directory(runtime_dir: str) -> Path:
    """Make this server's media directory, name it in ``NBSTREAM_MEDIA_DIR`` for the
    kernels it starts, and remove it when the server exits.  Idempotent."""
    root = Path(runtime_dir) / f"nbstream-media-{os.getpid()}"
    if os.environ.get(ENV) == str(root) and root.is_dir():
        return root
    # A directory named in an inherited environment (a server started from another
    # server's terminal) is that other server's: it removes it when it exits.
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ[ENV] = str(root)
    atexit.register(shutil.rmtree, root, True)
    return root


class MediaStore:
    """One app session's served media (kernel side).  Thread-safe."""

    def __init__(self, root: Path, threshold: int = THRESHOLD) -> None:
        self.threshold = threshold
        self.session = secrets.token_urlsafe(24)
        self.key = secrets.token_urlsafe(32)
        self.folder = root / self.session  # made with the first medium
        self._tokens: dict[str, str] = {}  # content hash -> token
        self._lock = threading.Lock()
        atexit.register(self.close)

    @classmethod
    def from_environment(cls) -> MediaStore | None:
        """A store in the server's media directory, or None when no server named one."""
        root = os.environ.get(ENV)
        if not root or not Path(root).is_dir():
            return None
        return cls(Path(root))

    def ref(self, data: bytes, digest: str, mime: str | None) -> dict[str, Any]:
        """The wire reference of ``data`` (written once per content hash)."""
        with self._lock:
            token = self._tokens.get(digest)
            if token is None:
                if not self.folder.is_dir():
                    self.folder.mkdir(mode=0o700)
                    (self.folder / KEY_FILE).write_text(self.key)
                token = secrets.token_urlsafe(24)
                part = self.folder / f".{token}.part"
                part.write_bytes(data)
                (self.folder / f"{token}.type").write_text(mime or "application/octet-stream")
                part.rename(self.folder / token)
                self._tokens[digest] = token
        return {
            MEDIA: f"{URL_PATH}{self.session}/{token}",
            "session": self.session,
            "key": self.key,
            "digest": digest,
        }

    def keep(self, digests: set[str]) -> None:
        """Remove the files of every medium not in ``digests`` (no element shows it)."""
        with self._lock:
            for digest in [d for d in self._tokens if d not in digests]:
                token = self._tokens.pop(digest)
                for name in (token, f"{token}.type"):
                    with contextlib.suppress(OSError):
                        (self.folder / name).unlink()

    def close(self) -> None:
        # No longer held by atexit: a served kernel closes a store per ended tab session.
        atexit.unregister(self.close)
        with self._lock:
            self._tokens.clear()
            shutil.rmtree(self.folder, ignore_errors=True)


def media_digests(value: Any) -> set[str]:
    """The content hashes a wire tree's media references stand for (see ``to_wire``)."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            digest = item.get("digest") if MEDIA in item else None
            if isinstance(digest, str):
                found.add(digest)
                continue
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def parse_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """The inclusive ``(first, last)`` byte range a ``Range`` header asks for; None for the
    whole file (no header, or several ranges, which a player never asks for); False when
    it cannot be satisfied (416)."""
    if not header:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None if "," in spec else False
    first_text, dash, last_text = spec.strip().partition("-")
    first_text, last_text = first_text.strip(), last_text.strip()
    if (
        not dash
        or not (first_text or last_text)
        or not all(t.isdigit() for t in (first_text, last_text) if t)
    ):
        return False
    if not first_text:  # bytes=-N: the last N bytes
        count = int(last_text)
        if count == 0 or size == 0:
            return False
        return max(0, size - count), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size or last < first:
        return False
    return first, min(last, size - 1)


def resolve(root: Path, session: str, token: str, cookie: str | None) -> tuple[Path, str] | None:
    """The file and MIME type of ``session``/``token`` when ``cookie`` is that session's
    key; None otherwise (unknown names, a bad key, anything that is not a token)."""
    if not (_NAME.match(session) and _NAME.match(token)) or not cookie:
        return None
    folder = root / session
    try:
        key = (folder / KEY_FILE).read_text()
        mime = (folder / f"{token}.type").read_text().strip()
    except OSError:
        return None
    target = folder / token
    if not hmac.compare_digest(key.encode(), cookie.encode()) or not target.is_file():
        return None
    return target, mime


def media_headers(handler: tornado.web.RequestHandler, mime: str) -> None:
    served = mime.startswith(_SERVED) and "\n" not in mime
    handler.set_header("Content-Type", mime if served else "application/octet-stream")
    handler.set_header("X-Content-Type-Options", "nosniff")
    handler.set_header("Accept-Ranges", "bytes")
    handler.set_header("Cache-Control", "private, max-age=3600")
    if mime != "application/pdf":  # Chromium's PDF viewer does not run in a sandbox
        handler.set_header(
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        )


async def serve(
    handler: tornado.web.RequestHandler, root: Path, session: str, token: str, body: bool
) -> None:
    """Answer ``handler``'s GET (``body``) or HEAD for one medium, honouring ``Range``."""
    found = resolve(root, session, token, handler.get_cookie(COOKIE_PREFIX + session))
    if found is None:
        raise tornado.web.HTTPError(404)
    target, mime = found
    size = target.stat().st_size
    media_headers(handler, mime)
    wanted = parse_range(handler.request.headers.get("Range"), size)
    if wanted is False:
        handler.set_header("Content-Range", f"bytes */{size}")
        handler.set_status(416)
        handler.finish()
        return
    first, last = (0, size - 1) if wanted is None else wanted
    if wanted is not None:
        handler.set_status(206)
        handler.set_header("Content-Range", f"bytes {first}-{last}/{size}")
    handler.set_header("Content-Length", str(max(0, last - first + 1)))
    if body and size:
        with target.open("rb") as f:
            f.seek(first)
            left = last - first + 1
            while left > 0:
                chunk = f.read(min(_CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                handler.write(chunk)
                await handler.flush()
    handler.finish()


class MediaFileHandler(tornado.web.RequestHandler):
    """The media route without Jupyter's login (standalone use and tests); the Jupyter
    server's route (``nbstream.server``) also requires it."""

    def initialize(self, root: str) -> None:
        self.root = Path(root)

    async def get(self, session: str, token: str) -> None:
        await serve(self, self.root, session, token, body=True)

    async def head(self, session: str, token: str) -> None:
        await serve(self, self.root, session, token, body=False)
