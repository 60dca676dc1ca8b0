"""The citizen's secret: the one credential for a conversation, never derived from anything public.

A conversation has a public log id (in log entries, exports, staff screens, webhooks) and a
separate random secret that only the citizen holds (an HttpOnly cookie in the widget, a
bearer token for API clients). Only a digest of the secret is stored: a copy of the
database does not unlock conversations either. The secret has 256 bits of randomness, so
a plain SHA-256 digest needs no salt or stretching.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SECRET_BYTES = 32


def new_secret() -> str:
    """A fresh secret, URL-safe text (43 characters)."""
    return secrets.token_urlsafe(SECRET_BYTES)


def secret_digest(secret: str) -> str:
    """What is stored of a secret: hex SHA-256."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def secret_matches(secret: str | None, digest: str | None) -> bool:
    """True only for the secret whose digest is stored (constant-time comparison)."""
    if not secret or not digest:
        return False
    return hmac.compare_digest(secret_digest(secret), digest)
