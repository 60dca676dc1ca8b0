"""Where a citizen message's CPU goes, end to end, in one real app process (issue 15).

    OPENCOUNTER_TEST_DATABASE_URL=postgresql+psycopg://... \\
        python -m benchmarks.message_profile [--messages 300] [--e5-dir DIR] [--cprofile]

The app is the one `opencounter serve` runs (create_app, warm-up, uvicorn) on a PostgreSQL
database made for the run (dropped after), the demo knowledge base ingested by `opencounter
ingest`, extractive answers, the settings of benchmarks/load.py (e5 when built, or where
`--e5-dir` says). The messages come over HTTP from a child process (its CPU is not counted),
one at a time, a new conversation every 10 messages as the load benchmark's workers do.

Two figures:
- CPU by component: the process's CPU a message (every thread), and inside it, each part's own
  CPU time (this thread's clock, `time.thread_time`, taken around the part and minus the parts
  it calls): guards (normalise, rules, classifier, personal data), retrieval (each embedding
  model, lexical, the rest: fusion and confidence), the answer, the log's append (and inside
  it the hashing, signing and database), the conversation store, and what is left of the
  request outside the engine (the event loop: HTTP, middleware, JSON) by thread.
- With `--cprofile`: a second pass under cProfile (every thread), its top functions by own
  time (cProfile's overhead inflates Python code more than C code, so compare shares within
  the pass, not with the first figure).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from benchmarks.load import QUESTIONS, environment, fresh_database, prepare
from tests.e2e.live_server import free_port

MESSAGES_PER_CONVERSATION = 10


# -- the client (a child process, so its CPU is not the server's) ----------------------------


async def _client(url: str, messages: int) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        cid = token = ""
        for n in range(messages):
            if n % MESSAGES_PER_CONVERSATION == 0:
                started = await client.post("/api/v1/conversations", json={"lang": "en"})
                started.raise_for_status()
                cid, token = started.json()["id"], started.json()["token"]
            answered = await client.post(
                f"/api/v1/conversations/{cid}/messages",
                json={"text": QUESTIONS[n % len(QUESTIONS)]},
                headers={"Authorization": f"Bearer {token}"},
            )
            answered.raise_for_status()


def send(url: str, messages: int) -> float:
    """Send `messages` from a child process; the wall seconds it took."""
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "benchmarks.message_profile", "--client", url, str(messages)],
        check=True,
        env={**os.environ},
    )
    return time.perf_counter() - began


# -- CPU by thread and by component ----------------------------------------------------------


def thread_cpu() -> dict[str, float]:
    """CPU seconds of every thread of this process so far, by thread name (/proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    names = {t.native_id: t.name for t in threading.enumerate()}
    found: dict[str, float] = defaultdict(float)
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            comm = (task / "comm").read_text().strip()
        except FileNotFoundError:
            continue
        name = names.get(int(task.name), comm)
        # The anyio worker threads are many and alike: one line for all of them.
        if name.startswith("AnyIO worker"):
            name = "AnyIO workers"
        found[name] += (int(fields[11]) + int(fields[12])) / tick
    return found


class Parts:
    """Own CPU time (this thread's clock) of named parts, nested parts subtracted."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._local = threading.local()

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        stack: list[list[float]] = self._local.__dict__.setdefault("stack", [])
        now = time.thread_time()
        if stack:  # the caller's clock stops while this part runs
            stack[-1][1] += now - stack[-1][0]
        stack.append([now, 0.0])
        try:
            yield
        finally:
            end = time.thread_time()
            began, spent = stack.pop()
            self.own[name] += spent + end - began
            self.calls[name] += 1
            if stack:
                stack[-1][0] = end

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        """Time `owner.attribute` (a method of an instance, or a module's function) as `name`."""
        inner: Callable[..., Any] = getattr(owner, attribute)

        @functools.wraps(inner)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.part(name):
                return inner(*args, **kwargs)

        setattr(owner, attribute, timed)

    def wrap_generator(self, owner: Any, attribute: str, name: str) -> None:
        inner: Callable[..., Any] = getattr(owner, attribute)

        @functools.wraps(inner)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.part(name):
                return list(inner(*args, **kwargs))

        setattr(owner, attribute, timed)

    def clear(self) -> None:
        self.own.clear()
        self.calls.clear()


def instrument(services: Any, parts: Parts) -> None:
    """Time the message path's parts in place (this process only; the product is unchanged).

    Methods are wrapped on their classes and functions where the caller looks them up, so
    every call on the path is timed, whichever thread makes it."""
    import sqlalchemy.engine.base as sa

    import audit.storage.appending as appending
    import audit.storage.log as log
    import bot.engine as engine
    import bot.guards.pipeline as pipeline
    import knowledge.search as search
    import web.http.citizen.api as api
    from audit.storage.vault import Vault
    from bot.conversations import ConversationStore
    from bot.guards.intent import LazyIntentClassifier
    from knowledge.e5 import E5Embedder
    from knowledge.lexical import LexicalIndex
    from knowledge.minilm import MiniLMEmbedder
    from knowledge.vector_store import ExactVectorStore

    timed: list[tuple[Any, str, str]] = [
        # The conversation engine and the API around it.
        (engine.ConversationEngine, "start", "conversation start (rest)"),
        (engine.ConversationEngine, "open", "conversation open (rest)"),
        (engine.ConversationEngine, "ask", "engine.ask (rest)"),
        (engine, "detect_language", "language detection"),
        (api, "_reply", "reply to JSON model"),
        # Guards.
        (pipeline.InputGuard, "inspect", "guards: pipeline (rest)"),
        (pipeline, "unhide", "guards: normalise (hidden characters)"),
        (pipeline, "variants_of", "guards: normalise (variants)"),
        (pipeline.InputGuard, "_match", "guards: rules"),
        (pipeline.InputGuard, "_in_scope", "guards: rules"),
        (pipeline.InputGuard, "_refused_before_a_crisis", "guards: rules"),
        (pipeline, "find_pii", "guards: personal data"),
        (pipeline, "redact", "guards: personal data"),
        (pipeline.InputGuard, "_not_published", "guards: personal data"),
        (LazyIntentClassifier, "classify", "guards: classifier"),
        # Retrieval.
        (search.HybridRetriever, "retrieve", "retrieval (rest: fusion, confidence)"),
        (MiniLMEmbedder, "embed", "retrieval: MiniLM question embedding"),
        (E5Embedder, "embed_queries", "retrieval: e5 question embedding"),
        (LexicalIndex, "search", "retrieval: lexical (BM25)"),
        (LexicalIndex, "coverage", "retrieval: coverage"),
        (ExactVectorStore, "search", "retrieval: vector search"),
        # The answer.
        (type(services.engine._writer), "write", "answer (extractive)"),
        # The log.
        (log.TransparencyLog, "record", "log append (rest)"),
        (log, "prepare_event", "log: entry validation (canonical JSON)"),
        (appending, "canonical_json", "log: canonical JSON"),
        (appending, "leaf_hash", "log: hashing"),
        (Vault, "put_many", "log: vault (encryption)"),
        (Vault, "conversation_keys", "log: vault (keys)"),
        (log.TransparencyLog, "_issue_checkpoint", "log: checkpoint signing"),
        # The conversation store.
        (ConversationStore, "add_turns", "store: turns"),
        (ConversationStore, "get", "store: conversation read"),
        (ConversationStore, "create", "store: conversation create"),
        (ConversationStore, "turns", "store: turns read"),
        # The database, under whichever part called it.
        (sa.Connection, "execute", "database: statements"),
        (sa.Connection, "exec_driver_sql", "database: statements"),
        (sa.Engine, "connect", "database: pool checkout"),
        (sa.Connection, "close", "database: pool return"),
        (sa.RootTransaction, "commit", "database: commit"),
    ]
    for owner, attribute, name in timed:
        parts.wrap(owner, attribute, name)


def count_statements(database: Any, counts: dict[str, int]) -> None:
    """Count the SQL statements the app's engine sends, by their first words."""
    from sqlalchemy import event

    @event.listens_for(database, "before_cursor_execute")
    def counted(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        counts[" ".join(statement.split())[:90]] += 1


# -- cProfile in every thread ----------------------------------------------------------------


class ThreadProfiles:
    """A cProfile.Profile for each thread started (or first seen) after `install`."""

    def __init__(self) -> None:
        self.profiles: list[cProfile.Profile] = []
        self.names: list[str] = []

    def install(self) -> None:
        def start(frame: Any, event: str, arg: Any) -> None:
            # This thread's CPU clock: time waiting for the database or a lock is not counted.
            profile = cProfile.Profile(time.thread_time)
            self.profiles.append(profile)
            self.names.append(threading.current_thread().name)
            profile.enable()  # replaces this hook in this thread

        threading.setprofile(start)
        main = cProfile.Profile(time.thread_time)
        self.profiles.append(main)
        self.names.append("MainThread")
        main.enable()

    def clear(self) -> None:
        # Called while every other thread waits (between two client runs).
        for profile in self.profiles:
            profile.clear()

    def stats(self, thread: str | None = None) -> pstats.Stats:
        """Every thread's (or one thread's) entries, merged."""
        # Disabling another thread's profile from here would close its open calls on this
        # thread's clock (nonsense times): the others' entries are read as they stand, their
        # open calls (a worker waiting for work) left out.
        self.profiles[0].disable()
        threading.setprofile(None)
        stats = pstats.Stats()
        for name, profile in zip(self.names, self.profiles, strict=True):
            if thread is not None and name != thread:
                continue
            profile.snapshot_stats()
            stats.add(_Snapshot(profile.stats))  # type: ignore[arg-type]
        return stats


class _Snapshot:
    """Entries already read, in the shape pstats.Stats.add takes."""

    def __init__(self, stats: dict[Any, Any]) -> None:
        self.stats = stats

    def create_stats(self) -> None:
        pass


# -- the run ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=30)
    parser.add_argument("--e5-dir", help="OPENCOUNTER_E5_DIR (default: make install's build)")
    parser.add_argument("--cprofile", action="store_true", help="also a pass under cProfile")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--dump", help="with --cprofile: save the merged profile here (pstats)")
    parser.add_argument("--client", nargs=2, metavar=("URL", "MESSAGES"), help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    args = parser.parse_args()
    if args.client:
        asyncio.run(_client(args.client[0], int(args.client[1])))
        return
    if not args.database_url:
        raise SystemExit("Set OPENCOUNTER_TEST_DATABASE_URL (or --database-url).")
    with (
        tempfile.TemporaryDirectory(prefix="message-profile-") as tmp,
        fresh_database(args.database_url) as database_url,
    ):
        env = environment(database_url, args.e5_dir)
        data = prepare(Path(tmp), env)
        profile(data, env, args)


def profile(data: Path, env: dict[str, str], args: argparse.Namespace) -> None:
    import uvicorn

    os.environ.update({k: v for k, v in env.items() if k.startswith("OPENCOUNTER_")})
    from web.app import create_app
    from web.cli.options import read_settings
    from web.process_memory import cap_malloc_arenas

    settings = read_settings(data)
    cap_malloc_arenas(settings.malloc_arenas)
    profiles = ThreadProfiles()
    if args.cprofile:
        profiles.install()
    app = create_app(settings)
    services = app.state.services
    services.warm_up()
    parts = Parts()
    instrument(services, parts)
    statements: dict[str, int] = defaultdict(int)
    count_statements(services.database, statements)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", proxy_headers=False)
    )
    serving = threading.Thread(target=server.run, name="event loop", daemon=True)
    serving.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    try:
        send(url, args.warm_up)
        parts.clear()
        statements.clear()
        before, cpu0 = thread_cpu(), time.process_time()
        wall = send(url, args.messages)
        cpu = time.process_time() - cpu0
        after = thread_cpu()
        report(args, services, parts, before, after, cpu, wall)
        print("\nSQL statements a message (first words):")
        for statement, count in sorted(statements.items(), key=lambda kv: -kv[1]):
            print(f"  {count / args.messages:5.2f}  {statement}")
        if args.cprofile:
            profiles.clear()
            send(url, args.messages)
            stats = profiles.stats()
            print(f"\ncProfile, every thread, {args.messages} messages: top by own time")
            stats.sort_stats("tottime").print_stats(args.top)
            if args.dump:
                stats.dump_stats(args.dump)
            print("\nThe event loop's thread alone (HTTP, middleware), by cumulative time:")
            profiles.stats("event loop").sort_stats("cumulative").print_stats(args.top)
    finally:
        server.should_exit = True
        serving.join(timeout=10)


def report(
    args: argparse.Namespace,
    services: Any,
    parts: Parts,
    before: dict[str, float],
    after: dict[str, float],
    cpu: float,
    wall: float,
) -> None:
    n = args.messages
    conversations = -(-n // MESSAGES_PER_CONVERSATION)
    e5 = "on" if services.retriever is not None else "?"
    print(
        f"{n} messages ({conversations} conversations started), one at a time, extractive; "
        f"e5 {e5}; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"process CPU {cpu * 1000 / n:.2f} ms a message; wall {wall * 1000 / n:.1f} ms")
    print("\nCPU by thread (ms a message):")
    for name in sorted(after, key=lambda k: after[k] - before.get(k, 0.0), reverse=True):
        spent = after[name] - before.get(name, 0.0)
        if spent > 0:
            print(f"  {name:<28} {spent * 1000 / n:7.2f}")
    print("\nCPU by part, own time (ms a message; calls a message):")
    total = 0.0
    for name in sorted(parts.own, key=parts.own.__getitem__, reverse=True):
        total += parts.own[name]
        print(f"  {name:<36} {parts.own[name] * 1000 / n:7.2f}   {parts.calls[name] / n:5.2f}")
    print(f"  {'(sum of the parts)':<36} {total * 1000 / n:7.2f}")


if __name__ == "__main__":
    main()
