"""``st.user``, ``st.login`` and ``st.logout`` without an identity provider.

nbstream does not carry out OpenID Connect logins: ``st.user`` is always the logged-out
user (``st.user.is_logged_in`` is False), ``st.logout()`` has nothing to end, and
``st.login()`` checks the ``[auth]`` section of ``secrets.toml`` as Streamlit does --
raising Streamlit's ``StreamlitAuthError`` for a missing or incomplete one -- and then
says plainly that the login itself is not available.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException, StreamlitAuthError
from nbstream.secrets import secrets

_SECRETS_FILE = "`.streamlit/secrets.toml`"
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


class _ReadOnly(Mapping[str, Any]):
    """A read-only mapping whose keys also read as attributes."""

    _name = ""

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._data[key]
        except KeyError:
            raise AttributeError(f'{self._name} has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def __setitem__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def __delitem__(self, key: str) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)

    def __repr__(self) -> str:
        return f"{self._name}({self._data!r})"


class Tokens(_ReadOnly):
    """``st.user.tokens``: the identity provider's tokens (none without a login)."""

    _name = "st.user.tokens"


class UserInfoProxy(_ReadOnly):
    """``st.user``: the logged-in user's claims; here always the logged-out user."""

    _name = "st.user"

    def __init__(self) -> None:
        super().__init__({"is_logged_in": False})

    @property
    def tokens(self) -> Tokens:
        return Tokens({})


user = UserInfoProxy()


def _auth_section() -> Mapping[str, Any]:
    missing = StreamlitAuthError(
        "To use authentication features you need to configure credentials for at least one "
        f"authentication provider in {_SECRETS_FILE}."
    )
    try:
        section = secrets.get("auth")
    except FileNotFoundError:
        raise missing from None
    if not isinstance(section, Mapping):
        raise missing
    for key in ("redirect_uri", "cookie_secret"):
        if key not in section:
            raise StreamlitAuthError(
                f'Authentication credentials in {_SECRETS_FILE} are missing the "{key}" key. '
                "Please check your configuration."
            )
    return section


def _check_provider(section: Mapping[str, Any], provider: str | None) -> None:
    where = (
        "the default authentication provider"
        if provider is None
        else f'the authentication provider "{provider}"'
    )
    if provider is None:
        settings: Any = section
        if not any(k in section for k in _PROVIDER_KEYS):
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} are missing for {where}. "
                "Please check your configuration."
            )
    else:
        settings = section.get(provider)
        if settings is None:
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} are missing for {where}. "
                "Please check your configuration."
            )
        if not isinstance(settings, Mapping):
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} for {where} must be valid TOML. "
                "Please check your configuration."
            )
    missing = [k for k in _PROVIDER_KEYS if k not in settings]
    if missing:
        raise StreamlitAuthError(
            f"Authentication credentials in {_SECRETS_FILE} for {where} are missing the following keys: "
            f"{missing}. Please check your configuration."
        )


def login(provider: str | None = None) -> None:
    """Start a login with an OpenID Connect identity provider configured in ``secrets.toml``.

    nbstream checks the ``[auth]`` configuration as Streamlit does (``redirect_uri``,
    ``cookie_secret``, and ``client_id``/``client_secret``/``server_metadata_url`` for the
    provider) and raises ``StreamlitAuthError`` for what is missing.  It does not carry
    out the login: with a complete configuration it raises ``StreamlitAuthError`` saying
    so, and ``st.user.is_logged_in`` stays False.

    Parameters
    ----------
    provider : str or None
        The name of a provider section (``[auth.google]``), or None for the provider
        configured directly under ``[auth]``.
    """
    if provider is not None and not isinstance(provider, str):
        raise StreamlitAPIException(
            f"The provider of st.login must be a string or None, not {type(provider).__name__}."
        )
    _check_provider(_auth_section(), provider)
    raise StreamlitAuthError(
        "nbstream cannot log users in: it has no OpenID Connect login flow, so st.user stays logged out. "
        "Serve the app behind an authenticating proxy (JupyterHub, Voila behind a login) instead."
    )


def logout() -> None:
    """Log the current user out.

    Without a login (nbstream has none) there is nothing to end: ``st.user`` stays the
    logged-out user and the script continues.
    """
    return None
