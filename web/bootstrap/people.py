"""The people side of the app, built from Settings: accounts, sign-in, handoffs, live events.

Part of the composition root: only `web.bootstrap` calls `build_people`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from audit.sink import AuditSink
from bot.conversations import ConversationStore
from bot.handoff.desk import DeskPolicy, HandoffDesk, teams_from
from bot.handoff.draft_store import DraftStore
from bot.handoff.drafts import DraftApprovalPolicy
from bot.handoff.hours import InvalidOpeningHours, OpeningHours, UnknownTimeZone
from bot.handoff.review import DraftReview
from bot.handoff.store import HandoffStore
from bot.hooks.dead_letters import DeadLetterStore
from bot.hooks.dispatch import HookDispatcher
from bot.hooks.plugins import HookPluginError, load_hooks
from bot.hooks.port import EscalationHook, HookOptions
from web.auth.accounts import AccountStore
from web.auth.oidc import OidcClient, OidcConfig, RoleMapping
from web.auth.passwords import PasswordHashing
from web.auth.port import PasswordAuthenticator
from web.auth.session_store import StaffSessionStore
from web.auth.sessions import SessionCodec
from web.auth.sso import SingleSignOn
from web.auth.throttle import LoginThrottle
from web.events import InProcessEvents, LiveEventBus, PostgresEvents
from web.http.console.parts import PeopleServices
from web.schema import Schema
from web.settings import Settings
from web.startup import UnusableSetting


def hook_options(settings: Settings) -> HookOptions:
    return HookOptions(
        public_url=settings.public_url,
        webhook_url=settings.hook_webhook_url,
        webhook_secret=settings.hook_webhook_secret,
        email_to=settings.hook_email_to,
        email_from=settings.hook_email_from,
        smtp_host=settings.hook_smtp_host,
        smtp_port=settings.hook_smtp_port,
        extra=settings.hook_options,
    )


def choose_events(settings: Settings, engine: Engine) -> LiveEventBus:
    backend = settings.events_backend
    if backend == "auto":
        backend = "postgres" if settings.uses_postgres else "in_process"
    if backend == "postgres":
        return PostgresEvents(engine, settings.events_channel)
    return InProcessEvents()


def opening_hours(settings: Settings, published: OpeningHours) -> OpeningHours:
    """The organisation file's hours, or this installation's override from the settings.

    Raises UnusableSetting naming the setting that cannot be read.
    """
    override = settings.opening_hours.strip()
    zone = settings.opening_timezone or published.zone.key
    try:
        return OpeningHours.parse(override, zone) if override else published.in_zone(zone)
    except UnknownTimeZone as exc:
        raise UnusableSetting("OPENCOUNTER_OPENING_TIMEZONE", str(exc)) from exc
    except InvalidOpeningHours as exc:
        raise UnusableSetting("OPENCOUNTER_OPENING_HOURS", str(exc)) from exc


def _escalation_hooks(settings: Settings) -> list[EscalationHook]:
    try:
        return load_hooks(hook_options(settings))
    except HookPluginError as exc:
        # Plugins read OPENCOUNTER_HOOK_OPTIONS; a plugin that cannot load is a package problem.
        raise UnusableSetting(
            "OPENCOUNTER_HOOK_OPTIONS",
            str(exc),
            "Fix the hook's OPENCOUNTER_HOOK_* settings, or uninstall the plugin that provides it.",
        ) from exc


def single_sign_on(
    settings: Settings, accounts: AccountStore, engine: Engine, sink: AuditSink
) -> SingleSignOn | None:
    """The OpenID Connect sign-in when an issuer is configured; UnusableSetting if it can't be."""
    if settings.oidc_issuer is None or settings.oidc_client_id is None:
        return None
    try:
        roles = RoleMapping.parse(settings.oidc_roles)
    except ValueError as exc:
        raise UnusableSetting(
            "OPENCOUNTER_OIDC_ROLES",
            str(exc),
            "Write it as ROLE=VALUE[,VALUE...] separated by ';', "
            "e.g. admin=oc-admins;caseworker=oc-caseworkers.",
        ) from exc
    client = OidcClient(
        OidcConfig(
            issuer=settings.oidc_issuer,
            client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret,
            redirect_uri=settings.public_url.rstrip("/") + "/login/oidc/callback",
            scopes=settings.oidc_scopes,
            role_claim=settings.oidc_role_claim,
            team_claim=settings.oidc_team_claim,
        )
    )
    return SingleSignOn(
        client,
        roles,
        accounts,
        engine,
        sink,
        default_team=teams_from(settings.teams)[0],
        provider_name=settings.oidc_provider_name,
    )


def build_people(
    settings: Settings,
    engine: Engine,
    schema: Schema,
    conversations: ConversationStore,
    sink: AuditSink,
    hashing: PasswordHashing,
    *,
    hours: OpeningHours,
    clock: Callable[[], datetime],
    hooks_enabled: bool = True,
) -> PeopleServices:
    """Raises UnusableSetting when an escalation hook cannot be set up.

    `hours` are the ones the replies quote (`opening_hours`), so the queue cannot disagree.
    Without `hooks_enabled` (the CLI's one-off questions) no hook is loaded or called.
    """
    # Settings first, so that one that cannot be used stops start-up before a store is opened.
    escalation_hooks = _escalation_hooks(settings) if hooks_enabled else []
    accounts = AccountStore(engine, schema.accounts)
    handoffs = HandoffStore(engine, schema.handoffs)
    drafts = DraftStore(engine, schema.drafts)
    throttle = LoginThrottle(settings.login_max_failures, settings.login_lockout_s)
    events = choose_events(settings, engine)
    dead_letters = DeadLetterStore(engine, schema.dead_letters)
    hooks = HookDispatcher(
        escalation_hooks,
        dead_letters,
        public_url=settings.public_url,
        attempts=settings.hook_attempts,
        backoff_s=settings.hook_backoff_s,
    )
    desk = HandoffDesk(
        store=handoffs,
        conversations=conversations,
        sink=sink,
        events=events,
        hours=hours,
        notifier=hooks,
        policy=DeskPolicy(
            teams=teams_from(settings.teams),
            minutes_per_case=settings.handoff_minutes_per_case,
        ),
        clock=clock,
    )
    sso = single_sign_on(settings, accounts, engine, sink)
    return PeopleServices(
        accounts=accounts,
        hashing=hashing,
        authenticator=PasswordAuthenticator(accounts, hashing, throttle),
        sessions=SessionCodec(
            settings.secret_key,
            settings.session_max_age_s,
            StaffSessionStore(engine, schema.accounts.sessions),
        ),
        desk=desk,
        drafts=DraftReview(
            policy=DraftApprovalPolicy.parse(settings.draft_approval_topics),
            store=drafts,
            desk=desk,
            conversations=conversations,
            sink=sink,
            events=events,
            clock=clock,
        ),
        events=events,
        secure_cookies=settings.environment == "production",
        hooks=hooks,
        dead_letters=dead_letters,
        closers=[hooks.close] + ([sso.client.close] if sso is not None else []),
        single_sign_on=sso,
    )
