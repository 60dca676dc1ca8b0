"""Refuse to listen beyond this machine with the development secret.

In development the session secret is a constant in the source (settings.DEV_SECRET): anyone
who reads it can sign a staff session cookie for any account id. That is fine on loopback,
where only this machine can connect, and nowhere else.
"""

from __future__ import annotations

import ipaddress

from web.settings import DEV_SECRET, Settings


class DefaultSecretExposed(Exception):
    """`serve` was asked to listen on a non-loopback address with the default secret."""


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve anywhere, so it is not trusted to be local


def check_listen_address(host: str, settings: Settings) -> None:
    """Raises DefaultSecretExposed saying which setting to set."""
    if settings.secret_key == DEV_SECRET and not is_loopback(host):
        raise DefaultSecretExposed(
            f"Not serving on {host}: OPENCOUNTER_SECRET_KEY is the development default, so "
            "anyone could sign a staff session. Set OPENCOUNTER_SECRET_KEY to a random string "
            "of 32+ characters (`openssl rand -base64 32` prints one), or listen on 127.0.0.1."
        )
