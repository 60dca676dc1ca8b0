"""What the console's routes use: accounts, sign-in, handoffs, drafts, live events, hooks.

Built by the composition root (web/bootstrap/people.py) and kept on the app's Services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.handoff.desk import HandoffDesk
from bot.handoff.review import DraftReview
from bot.hooks.dead_letters import DeadLetterStore
from bot.hooks.dispatch import HookDispatcher
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing
from web.auth.port import Authenticator
from web.auth.sessions import SessionCodec
from web.auth.sso import SingleSignOn
from web.events import LiveEventBus


@dataclass
class PeopleServices:
    accounts: AccountStore
    hashing: PasswordHashing
    authenticator: Authenticator
    sessions: SessionCodec
    desk: HandoffDesk
    drafts: DraftReview
    events: LiveEventBus
    secure_cookies: bool
    hooks: HookDispatcher
    dead_letters: DeadLetterStore
    closers: list[Callable[[], None]] = field(default_factory=list)
    # OpenID Connect sign-in beside passwords; None while no provider is configured.
    single_sign_on: SingleSignOn | None = None

    def start(self) -> None:
        self.events.start()

    def close(self) -> None:
        for close in self.closers:
            close()
        self.events.close()
