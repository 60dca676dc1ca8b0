"""Signed, expiring session cookies and the CSRF tokens bound to them.

The cookie holds the account id and a random session nonce, signed with the settings'
secret key (itsdangerous, HMAC-SHA1 over a key derived with a per-purpose salt) and a
timestamp checked against the maximum age. A CSRF token is HMAC-SHA256(secret, purpose ||
nonce): forms carry it, and a forged or another session's token fails the comparison.
Before sign-in the login form is bound the same way to a nonce in a short-lived cookie.
A signature is not enough: each session is also recorded server-side (SessionRecords), and a
cookie whose record is gone (signed out, account disabled) is refused like a forged one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Protocol

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "oc_staff"
LOGIN_COOKIE = "oc_login"


@dataclass(frozen=True)
class StaffSession:
    account_id: str
    nonce: str


class SessionRecords(Protocol):
    """Where live sessions are kept (web/auth/session_store.py)."""

    def open(self, account_id: str, nonce: str, max_age_s: int) -> None: ...

    def is_live(self, account_id: str, nonce: str) -> bool: ...

    def close(self, nonce: str) -> None: ...


class SessionCodec:
    def __init__(self, secret_key: str, max_age_s: int, records: SessionRecords) -> None:
        self._secret = secret_key.encode()
        self.max_age_s = max_age_s
        self._records = records
        self._sessions = URLSafeTimedSerializer(secret_key, salt="opencounter.staff-session")
        self._logins = URLSafeTimedSerializer(secret_key, salt="opencounter.login-form")
        self._flows = URLSafeTimedSerializer(secret_key, salt="opencounter.oidc-flow")

    def issue(self, account_id: str) -> str:
        nonce = secrets.token_urlsafe(16)
        self._records.open(account_id, nonce, self.max_age_s)
        return self._sessions.dumps({"a": account_id, "n": nonce})

    def end(self, session: StaffSession) -> None:
        """Sign-out: the cookie stops working everywhere, whatever the browser keeps."""
        self._records.close(session.nonce)

    def read(self, cookie: str | None) -> StaffSession | None:
        """The session, or None when the cookie is missing, forged, altered or expired."""
        if not cookie:
            return None
        try:
            data = self._sessions.loads(cookie, max_age=self.max_age_s)
        except BadSignature:  # SignatureExpired is a BadSignature too
            return None
        if not isinstance(data, dict):
            return None
        account_id, nonce = data.get("a"), data.get("n")
        if not isinstance(account_id, str) or not isinstance(nonce, str):
            return None
        if not self._records.is_live(account_id, nonce):
            return None  # signed out, disabled, or signed with the key but never issued
        return StaffSession(account_id, nonce)

    # -- CSRF ---------------------------------------------------------------------------------

    def csrf_token(self, nonce: str, purpose: str = "session") -> str:
        message = f"{purpose}|{nonce}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def csrf_valid(self, nonce: str, token: str, purpose: str = "session") -> bool:
        return hmac.compare_digest(self.csrf_token(nonce, purpose), token)

    def issue_login_nonce(self) -> tuple[str, str]:
        """A (cookie value, nonce) pair for the sign-in form, valid for 30 minutes."""
        nonce = secrets.token_urlsafe(16)
        return self._logins.dumps(nonce), nonce

    def read_login_nonce(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            nonce = self._logins.loads(cookie, max_age=1800)
        except BadSignature:
            return None
        return nonce if isinstance(nonce, str) else None

    # -- single sign-on: what must come back from the provider, kept by the browser ------------

    def seal_flow(self, values: dict[str, str]) -> str:
        """A signed cookie value holding a sign-in's state, nonce, PKCE verifier and target."""
        return self._flows.dumps(values)

    def open_flow(self, cookie: str | None, max_age_s: int) -> dict[str, str] | None:
        """The values sealed by `seal_flow`, or None when missing, forged or too old."""
        if not cookie:
            return None
        try:
            data = self._flows.loads(cookie, max_age=max_age_s)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            return None
        return data
