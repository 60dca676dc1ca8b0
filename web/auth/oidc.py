"""Staff single sign-on with OpenID Connect: authorization code flow with PKCE, ID token checked.

The only module that imports Authlib (the OAuth 2.0 client: authorization URL, PKCE S256, code
exchange) and joserfc (the ID token's signature and claims). What it hands back is an
`OidcIdentity`: who the provider says signed in (issuer and subject, the stable pair), the name
to show, and the values of the claim that carries their groups or roles. Which OpenCounter role
that gives is `RoleMapping`'s decision, from settings.

Checks on the ID token, after OpenID Connect Core 1.0 §3.1.3.7: signed by a key of the
provider's JWKS with an asymmetric algorithm (never `none` or a shared-secret HMAC), `iss` is
the configured issuer, `aud` holds our client id (and `azp` is ours when there are several
audiences), not expired, issued recently, and `nonce` is the one this browser was sent with.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import httpx
from authlib.integrations.httpx_client import OAuth2Client
from authlib.oauth2.rfc6749.errors import OAuth2Error
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

ROLE_ORDER = ("admin", "oversight", "caseworker")
# Asymmetric signatures only: an HMAC token would be signed with our own client secret.
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"]
# A token issued longer ago than this is not a fresh sign-in (clock skew included).
MAX_TOKEN_AGE_S = 600
LEEWAY_S = 60


class OidcError(Exception):
    """Single sign-on did not complete; the message says why, for the staff member."""


class OidcUnavailable(OidcError):
    """The provider could not be reached or answered with something unusable."""


class OidcRejected(OidcError):
    """The provider's answer failed a check (state, token signature, audience, nonce...)."""


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str | None
    redirect_uri: str
    scopes: str = "openid profile"
    role_claim: str = "groups"
    team_claim: str | None = None
    timeout_s: float = 10.0


@dataclass(frozen=True)
class SignInRequest:
    """Where to send the browser, and what must come back with it (kept in a signed cookie)."""

    url: str
    state: str
    nonce: str
    verifier: str


@dataclass(frozen=True)
class OidcIdentity:
    issuer: str
    subject: str
    display_name: str
    preferred_username: str | None
    groups: frozenset[str]
    team: str | None


@dataclass(frozen=True)
class RoleMapping:
    """Which claim values give which role: `admin=oc-admins;caseworker=oc-caseworkers,helpdesk`.

    A person whose claim holds values of several roles gets the first of admin, oversight,
    caseworker; none, and they are refused.
    """

    groups_by_role: Mapping[str, frozenset[str]]

    @classmethod
    def parse(cls, text: str) -> RoleMapping:
        mapping: dict[str, frozenset[str]] = {}
        for part in filter(None, (p.strip() for p in text.split(";"))):
            role, sep, values = part.partition("=")
            role = role.strip()
            if not sep or role not in ROLE_ORDER:
                roles = ", ".join(ROLE_ORDER)
                raise ValueError(f"{part!r} is not ROLE=VALUE[,VALUE...] with ROLE one of {roles}")
            groups = frozenset(v.strip() for v in values.split(",") if v.strip())
            if not groups:
                raise ValueError(f"{part!r} names no claim value for {role}")
            mapping[role] = groups
        if not mapping:
            raise ValueError("no role is mapped to any claim value")
        return cls(mapping)

    def role_for(self, groups: frozenset[str]) -> str | None:
        for role in ROLE_ORDER:
            if self.groups_by_role.get(role, frozenset()) & groups:
                return role
        return None


def _strings(value: object) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split()) if " " in value else frozenset({value})
    if isinstance(value, Sequence):
        return frozenset(v for v in value if isinstance(v, str))
    return frozenset()


class OidcClient:
    def __init__(self, config: OidcConfig, http: httpx.Client | None = None) -> None:
        self.config = config
        self._http = http or httpx.Client(timeout=config.timeout_s, follow_redirects=False)
        self._metadata: dict[str, Any] | None = None

    def close(self) -> None:
        self._http.close()

    # -- the provider's published configuration ------------------------------------------------

    def _get_json(self, url: str, what: str) -> dict[str, Any]:
        try:
            response = self._http.get(url)
        except httpx.HTTPError as exc:
            raise OidcUnavailable(f"the sign-in provider cannot be reached ({what})") from exc
        if response.status_code != 200:
            raise OidcUnavailable(
                f"the sign-in provider answered {response.status_code} for its {what}"
            )
        try:
            data = response.json()
        except ValueError as exc:
            raise OidcUnavailable(f"the sign-in provider's {what} is not JSON") from exc
        if not isinstance(data, dict):
            raise OidcUnavailable(f"the sign-in provider's {what} is not a JSON object")
        return data

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            url = self.config.issuer.rstrip("/") + "/.well-known/openid-configuration"
            data = self._get_json(url, "configuration")
            # OpenID Connect Discovery 1.0 §4.3: the document must name the issuer we asked.
            if data.get("issuer") != self.config.issuer:
                raise OidcUnavailable(
                    f"the provider at {self.config.issuer} calls itself {data.get('issuer')!r}"
                )
            for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                if not isinstance(data.get(key), str):
                    raise OidcUnavailable(f"the provider's configuration has no {key}")
            self._metadata = data
        return self._metadata

    def _oauth(self) -> OAuth2Client:
        return OAuth2Client(
            client_id=self.config.client_id,
            client_secret=self.config.client_secret,
            scope=self.config.scopes,
            redirect_uri=self.config.redirect_uri,
            code_challenge_method="S256",
            token_endpoint_auth_method=(
                "client_secret_basic" if self.config.client_secret else "none"
            ),
            timeout=self.config.timeout_s,
        )

    # -- the flow ------------------------------------------------------------------------------

    def begin(self) -> SignInRequest:
        """A fresh state, nonce and PKCE verifier, and the provider URL that carries them."""
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier = secrets.token_urlsafe(48)  # 64 characters, within RFC 7636's 43-128
        with self._oauth() as oauth:
            url, _ = oauth.create_authorization_url(
                self.metadata()["authorization_endpoint"],
                state=state,
                code_verifier=verifier,
                nonce=nonce,
            )
        return SignInRequest(url=url, state=state, nonce=nonce, verifier=verifier)

    def finish(self, expected: SignInRequest, state: str, code: str) -> OidcIdentity:
        """Check the state, exchange the code, check the ID token: who signed in."""
        if not state or not hmac.compare_digest(state, expected.state):
            raise OidcRejected("the sign-in answer does not belong to this browser's request")
        if not code:
            raise OidcRejected("the sign-in provider sent no authorization code")
        metadata = self.metadata()
        try:
            with self._oauth() as oauth:
                token = oauth.fetch_token(
                    metadata["token_endpoint"], code=code, code_verifier=expected.verifier
                )
        except OAuth2Error as exc:
            raise OidcRejected(f"the provider refused the code ({exc.error})") from exc
        except httpx.HTTPError as exc:
            raise OidcUnavailable("the sign-in provider cannot be reached (token)") from exc
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise OidcRejected("the provider's answer holds no ID token")
        claims = self._checked_claims(id_token, expected.nonce)
        if self.config.role_claim not in claims and isinstance(
            metadata.get("userinfo_endpoint"), str
        ):
            claims = {**self._userinfo(metadata["userinfo_endpoint"], token, claims), **claims}
        return self._identity(claims)

    def _checked_claims(self, id_token: str, nonce: str) -> dict[str, Any]:
        keys = self._get_json(self.metadata()["jwks_uri"], "signing keys")
        try:
            key_set = KeySet.import_key_set(cast(Any, keys))
            decoded = jwt.decode(id_token, key_set, algorithms=ALGORITHMS)
        except (JoseError, ValueError, TypeError) as exc:
            raise OidcRejected("the ID token's signature does not check out") from exc
        claims = dict(decoded.claims)
        registry = jwt.JWTClaimsRegistry(
            leeway=LEEWAY_S,
            iss={"essential": True, "value": self.config.issuer},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(claims)
        except JoseError as exc:
            raise OidcRejected(f"the ID token failed a check ({exc.description})") from exc
        audiences = _strings(claims.get("aud"))
        if self.config.client_id not in audiences:
            raise OidcRejected("the ID token was issued for another application")
        if len(audiences) > 1 and claims.get("azp") != self.config.client_id:
            raise OidcRejected("the ID token was issued for another application")
        if int(claims["iat"]) < time.time() - MAX_TOKEN_AGE_S:
            raise OidcRejected("the ID token is too old to be a new sign-in")
        return claims

    def _userinfo(
        self, url: str, token: Mapping[str, Any], claims: Mapping[str, Any]
    ) -> dict[str, Any]:
        access = token.get("access_token")
        if not isinstance(access, str):
            return {}
        try:
            response = self._http.get(url, headers={"Authorization": f"Bearer {access}"})
        except httpx.HTTPError as exc:
            raise OidcUnavailable("the sign-in provider cannot be reached (userinfo)") from exc
        if response.status_code != 200:
            return {}
        try:
            info = response.json()
        except ValueError:
            return {}
        # OpenID Connect Core §5.3.4: userinfo about someone else must not be used.
        if not isinstance(info, dict) or info.get("sub") != claims.get("sub"):
            return {}
        return info

    def _identity(self, claims: Mapping[str, Any]) -> OidcIdentity:
        subject = str(claims["sub"])
        preferred = claims.get("preferred_username")
        name = claims.get("name") or preferred or subject
        team = claims.get(self.config.team_claim) if self.config.team_claim else None
        return OidcIdentity(
            issuer=self.config.issuer,
            subject=subject,
            display_name=str(name)[:120],
            preferred_username=preferred if isinstance(preferred, str) else None,
            groups=_strings(claims.get(self.config.role_claim)),
            team=team if isinstance(team, str) and team.strip() else None,
        )
