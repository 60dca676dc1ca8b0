"""Single sign-on accounts: the provider says who signed in, settings say what role that gives.

The first sign-in of an (issuer, subject) makes a staff account with no password, linked to that
pair; later sign-ins find it through the link, never by user name. The role follows the
provider's claim at every sign-in (a person moved out of the caseworkers' group is no longer a
caseworker at their next sign-in); a person the mapping gives no role is refused. An account
disabled here stays disabled whatever the provider says. Each account made, and each role
changed, commits with its `config_change` log entry in one unit of work, as for passwords.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import Connection, Engine, insert, select

from audit.sink import AuditEvent, AuditSink, UnitOfWork
from web.auth.accounts import (
    AccountExists,
    AccountStore,
    StaffAccount,
    UnknownAccount,
)
from web.auth.oidc import (
    OidcClient,
    OidcIdentity,
    OidcRejected,
    RoleMapping,
    SignInRequest,
)

log = logging.getLogger("opencounter.staff")  # the same log as password sign-ins


class NoRoleGiven(OidcRejected):
    """The provider vouched for the person, but none of their groups maps to a role here."""


class AccountDisabled(OidcRejected):
    """The person's account was disabled here."""


def _username_base(identity: OidcIdentity) -> str:
    wanted = (identity.preferred_username or identity.display_name or "staff").lower()
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", wanted.split("@")[0]).strip("-._")
    return (cleaned or "staff")[:40]


def _record(unit: UnitOfWork, fields: dict[str, str]) -> None:
    unit.record([AuditEvent("config_change", None, {"setting": "staff_account", **fields})])


class SingleSignOn:
    def __init__(
        self,
        client: OidcClient,
        roles: RoleMapping,
        accounts: AccountStore,
        engine: Engine,
        sink: AuditSink,
        default_team: str = "general",
        provider_name: str = "single sign-on",
    ) -> None:
        self.client = client
        self.roles = roles
        self.accounts = accounts
        self._engine = engine
        self._sink = sink
        self._default_team = default_team
        self.provider_name = provider_name

    def begin(self) -> SignInRequest:
        return self.client.begin()

    def sign_in(self, expected: SignInRequest, state: str, code: str) -> StaffAccount:
        """The staff account for whoever the provider vouches for; OidcError if none."""
        identity = self.client.finish(expected, state, code)
        role = self.roles.role_for(identity.groups)
        if role is None:
            log.info("single sign-on refused: no role for the person's groups")
            raise NoRoleGiven(
                "your account at the sign-in provider gives you no role here; "
                "ask your administrator to add you to the right group"
            )
        with self._sink.unit_of_work() as unit:
            account = self._linked(identity, unit.connection)
            if account is None:
                account = self._create(identity, role, unit)
            elif account.role != role and not account.disabled:
                account = self.accounts.set_role(account.username, role, unit.connection)
                _record(
                    unit,
                    {"action": "role", "account": account.pseudonym, "role": role, "via": "oidc"},
                )
        if account.disabled:
            log.info("single sign-on refused: account %s is disabled", account.pseudonym)
            raise AccountDisabled("your account here is disabled; ask your administrator")
        log.info("staff sign-in: account %s, role %s, via oidc", account.pseudonym, account.role)
        return account

    def _linked(self, identity: OidcIdentity, db: Connection) -> StaffAccount | None:
        identities = self.accounts.tables.identities
        row = db.execute(
            select(identities.c.account_id).where(
                identities.c.issuer == identity.issuer,
                identities.c.subject == identity.subject,
            )
        ).first()
        if row is None:
            return None
        account = self.accounts.get(row.account_id, connection=db)
        if account is None:
            raise UnknownAccount(row.account_id)
        return account

    def _create(self, identity: OidcIdentity, role: str, unit: UnitOfWork) -> StaffAccount:
        base = _username_base(identity)
        team = identity.team or self._default_team
        for attempt in range(1, 100):
            name = base if attempt == 1 else f"{base}-{attempt}"
            if len(name) < 2:
                name = f"staff-{name}"
            # A name is looked up before it is taken; should another process take it in
            # between, the unit of work fails whole and the next sign-in picks another.
            try:
                account = self.accounts.add(name, None, role, team, connection=unit.connection)
                break
            except AccountExists:
                continue
        else:  # pragma: no cover - a hundred people with one name
            raise OidcRejected("no free user name for this person; ask your administrator")
        unit.connection.execute(
            insert(self.accounts.tables.identities).values(
                issuer=identity.issuer,
                subject=identity.subject,
                account_id=account.id,
                display_name=identity.display_name,
            )
        )
        _record(
            unit,
            {
                "action": "add",
                "account": account.pseudonym,
                "role": role,
                "team": team,
                "via": "oidc",
            },
        )
        return account
