"""Load and saturation on loopback: citizens and caseworkers against one and two processes.

    python -m benchmarks.load [--citizens 200] [--think-s 90] [--levels 1,4,8,16,32,48]

Real `opencounter serve` processes on PostgreSQL (a database made for the run and dropped after,
on the server of OPENCOUNTER_TEST_DATABASE_URL), the demo knowledge base ingested by the
`opencounter ingest` command, extractive answers (no language model: the model's own time is
not measured here). Two processes sit behind Debian's nginx running the compose template.

Each topology runs three phases, reported side by side:
- idle: one citizen, one message at a time: the idle p50/p95 reply time;
- think time: `--citizens` citizens, each with a conversation and its live stream (SSE) open the
  whole phase, writing every 10-20 s; one in ten asks for a person, and caseworkers (signed in
  to the console, polling the queue) claim and reply, which reaches the citizen's live stream;
- saturation: workers with no think time at rising concurrency; the saturation point is the
  rate (messages/s) at the first level whose p95 is more than twice the idle p95.

Request limits are set for the run through settings, not switched off in the product: every
request comes from 127.0.0.1 (and nginx passes on only that), so the per-client and
streams-per-client limits are 0 (off) for the run; the per-conversation limit (20/min) and the
staff limit (120/min) keep their defaults, and saturation workers start a new conversation
every `MESSAGES_PER_CONVERSATION` messages so that no conversation passes its limit.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url, text

from tests.deploy.proxy import Proxy, start_proxy
from tests.e2e import live_server
from tests.e2e.live_server import (
    LiveServer,
    opencounter_command,
    replica_environment,
    start_server,
)

REPO = Path(__file__).resolve().parents[1]
DEMO_KB = REPO / "knowledge" / "demo"
ORIGIN = "load-bench.test/log"
PASSWORD = "load-bench-password-0123"
CASEWORKERS = 4
MESSAGES_PER_CONVERSATION = 10
WARM_UP = 6
# Citizens arrive in the think phase's first seconds: conversations and streams opened at once,
# first messages within 10 s. Reply times after this are the steady state.
ARRIVALS_S = 20.0
QUESTIONS = (
    "How do I apply for a resident parking permit?",
    "When is my bin collected?",
    "How do I register to vote?",
    "What do I need to renew my passport?",
    "How can I report a pothole?",
    "Where do I pay council tax?",
)
LIMITS = {
    "OPENCOUNTER_RATE_LIMIT_CLIENT_PER_MINUTE": "0",
    "OPENCOUNTER_RATE_LIMIT_STREAMS_PER_CLIENT": "0",
    "OPENCOUNTER_RATE_LIMIT_CONVERSATION_PER_MINUTE": "20",
    "OPENCOUNTER_RATE_LIMIT_STAFF_PER_MINUTE": "120",
}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
CLAIMABLE = re.compile(r'action="/console/handoffs/(\d+)/claim"')


@dataclass
class Tally:
    """Reply times (seconds) and the errors of one phase."""

    times: list[float] = field(default_factory=list)
    # When each of `times` was sent (time.monotonic()), to see how reply times change in a phase.
    sent: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    live_events: int = 0
    staff_replies: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def quantile(self, q: float, times: Sequence[float] | None = None) -> float:
        times = self.times if times is None else times
        if len(times) < 2:
            return times[0] if times else float("nan")
        return statistics.quantiles(times, n=100, method="inclusive")[round(q * 100) - 1]

    def window(self, start: float, end: float) -> list[float]:
        """The reply times of the messages sent between `start` and `end` (monotonic)."""
        return [t for t, at in zip(self.times, self.sent, strict=True) if start <= at < end]


@dataclass
class Topology:
    base: str
    servers: list[LiveServer]
    proxy: Proxy | None
    ready_s: list[float]


# -- the database and the processes ----------------------------------------------------------


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A database made for this run on the given server, dropped afterwards."""
    name = f"load_bench_{secrets.token_hex(4)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(command: Sequence[str], env: dict[str, str], given: str | None = None) -> str:
    done = subprocess.run(
        [opencounter_command(), *command],
        env=env,
        input=given,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"`opencounter {' '.join(command)}` failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def environment(
    database_url: str, e5_dir: str | None = None, english_chunks: str | None = None
) -> dict[str, str]:
    """The replicas' settings; `e5_dir` points OPENCOUNTER_E5_DIR elsewhere (a folder without
    a build runs without the e5 page ranker: the baseline of its memory); `english_chunks` sets
    OPENCOUNTER_ENGLISH_CHUNKS (`minilm`: English questions embedded twice, as before e5 took
    English chunks)."""
    extra = {**LIMITS, **({"OPENCOUNTER_E5_DIR": e5_dir} if e5_dir is not None else {})}
    if english_chunks is not None:
        extra["OPENCOUNTER_ENGLISH_CHUNKS"] = english_chunks
    return replica_environment(database_url, ORIGIN, extra)


def prepare(root: Path, env: dict[str, str], name: str = "template") -> Path:
    """Migrate, add the caseworkers and ingest the demo KB once; the data dir to copy."""
    data = root / name / "data"
    run(["db", "upgrade", "--data-dir", str(data)], env)
    for n in range(CASEWORKERS):
        add = ["users", "add", f"case{n}", "--role", "caseworker", "--password-stdin"]
        run([*add, "--data-dir", str(data)], env, PASSWORD)
    run(["ingest", str(DEMO_KB), "--data-dir", str(data)], env)
    return data


def start(root: Path, template: Path, env: dict[str, str], count: int) -> Topology:
    # On a loaded machine a process takes more than the tests' 90 s to answer /healthz.
    live_server.STARTUP_TIMEOUT_S = 600.0
    servers: list[LiveServer] = []
    ready: list[float] = []
    try:
        for n in range(count):
            data = root / f"{template.parent.name}-p{count}-{n}" / "data"
            shutil.copytree(template, data, symlinks=True)
            began = time.monotonic()
            server = start_server(data, env)
            servers.append(server)
            ready.append(wait_ready(server.url, began))
        proxy = None
        if count == 2:
            upstreams = tuple(s.url.removeprefix("http://") for s in servers)
            # Each stream holds a client and an upstream connection in nginx.
            proxy = start_proxy(root / "nginx", (upstreams[0], upstreams[1]), connections=4096)
    except BaseException:
        for server in servers:  # a topology that did not come up leaves no process behind
            server.stop()
        raise
    return Topology(proxy.url if proxy else servers[0].url, servers, proxy, ready)


def wait_ready(url: str, began: float) -> float:
    while time.monotonic() - began < 120:
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return time.monotonic() - began
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url}/readyz did not answer 200 within 120 s")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_by_pid(pids: Sequence[int]) -> dict[int, float]:
    """User + system CPU seconds of each of these processes still running (/proc/PID/stat)."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / tick
    return found


def cpu_s(pids: Sequence[int]) -> float:
    return sum(cpu_by_pid(pids).values())


def cpu_used(before: dict[int, float], pids: Sequence[int]) -> float:
    """CPU seconds used since `before` by the processes alive at both readings."""
    after = cpu_by_pid(pids)
    return sum(after[pid] - before[pid] for pid in before.keys() & after.keys())


def postgres_pids() -> list[int]:
    """Every PostgreSQL process on this machine (other sessions' work is in it too)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def log_entries(url: str) -> int:
    """The log's size as a process reports it on /metrics (loopback peers may read it)."""
    body = httpx.get(f"{url}/metrics", timeout=10).text
    for line in body.splitlines():
        if line.startswith("opencounter_log_entries "):
            return int(float(line.split()[1]))
    raise SystemExit("no opencounter_log_entries in /metrics")


# -- citizens and caseworkers ----------------------------------------------------------------


async def start_conversation(client: httpx.AsyncClient) -> tuple[str, str]:
    started = await client.post("/api/v1/conversations", json={"lang": "en"})
    started.raise_for_status()
    body = started.json()
    return str(body["id"]), str(body["token"])


async def ask(client: httpx.AsyncClient, cid: str, token: str, tally: Tally) -> None:
    began = time.perf_counter()
    try:
        answered = await client.post(
            f"/api/v1/conversations/{cid}/messages",
            json={"text": random.choice(QUESTIONS)},
            headers={"Authorization": f"Bearer {token}"},
        )
    except httpx.HTTPError as exc:
        tally.error(type(exc).__name__)
        return
    if answered.status_code != 200:
        tally.error(f"HTTP {answered.status_code}")
        return
    tally.times.append(time.perf_counter() - began)
    tally.sent.append(time.monotonic())


async def live_stream(client: httpx.AsyncClient, cid: str, token: str, tally: Tally) -> None:
    """Hold the conversation's live stream open, counting the turns it delivers."""
    cookies = {f"oc_s_{cid}": token}
    try:
        async with client.stream("GET", "/chat/live", params={"c": cid}, cookies=cookies) as live:
            if live.status_code != 200:
                tally.error(f"live HTTP {live.status_code}")
                return
            async for line in live.aiter_lines():
                if line == "event: turn":
                    tally.live_events += 1
    except asyncio.CancelledError:
        raise
    except httpx.HTTPError as exc:
        tally.error(f"live {type(exc).__name__}")


async def citizen(
    client: httpx.AsyncClient, tally: Tally, until: float, wants_person: bool
) -> None:
    try:
        cid, token = await start_conversation(client)
    except httpx.HTTPError as exc:
        tally.error(f"start {type(exc).__name__}")
        return
    stream = asyncio.create_task(live_stream(client, cid, token, tally))
    try:
        await asyncio.sleep(random.uniform(0, 10))
        asked_person = False
        while time.monotonic() < until:
            await ask(client, cid, token, tally)
            if wants_person and not asked_person:
                asked_person = True
                escalated = await client.post(
                    f"/api/v1/conversations/{cid}/escalations",
                    headers={"Authorization": f"Bearer {token}"},
                )
                if escalated.status_code != 200:
                    tally.error(f"escalation HTTP {escalated.status_code}")
            await asyncio.sleep(random.uniform(10, 20))
    finally:
        stream.cancel()
        await asyncio.gather(stream, return_exceptions=True)


async def caseworker(base: str, name: str, tally: Tally, until: float) -> None:
    """Sign in, poll the queue every 2 s, claim what waits and reply twice."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        form = await client.get("/login")
        signed_in = await client.post(
            "/login",
            data={"username": name, "password": PASSWORD, "csrf": csrf_of(form.text)},
        )
        if signed_in.status_code != 303:
            tally.error(f"sign-in HTTP {signed_in.status_code}")
            return
        while time.monotonic() < until:
            console = await client.get("/console")
            if console.status_code != 200:
                tally.error(f"console HTTP {console.status_code}")
            else:
                csrf = csrf_of(console.text)
                for handoff in CLAIMABLE.findall(console.text)[:1]:
                    route = f"/console/handoffs/{handoff}"
                    claimed = await client.post(f"{route}/claim", data={"csrf": csrf})
                    if claimed.status_code == 409:
                        continue  # another caseworker was first
                    if claimed.status_code != 303:
                        tally.error(f"claim HTTP {claimed.status_code}")
                        continue
                    for words in ("Hello, a person here.", "I have passed this on today."):
                        sent = await client.post(
                            f"{route}/reply", data={"csrf": csrf, "text": words}
                        )
                        if sent.status_code == 303:
                            tally.staff_replies += 1
                        else:
                            tally.error(f"reply HTTP {sent.status_code}")
            await asyncio.sleep(2)


def csrf_of(page: str) -> str:
    found = CSRF.search(page)
    return found.group(1) if found else ""


def limits() -> httpx.Limits:
    # uvicorn closes a connection idle for 5 s; a client that keeps it as long (httpx's
    # default) sometimes sends on a socket the server is closing, and gets a ReadError.
    return httpx.Limits(max_connections=2000, max_keepalive_connections=500, keepalive_expiry=4.0)


async def idle_phase(base: str, messages: int) -> Tally:
    tally = Tally()
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        cid, token = await start_conversation(client)
        # Warm-up, not counted: behind nginx the first requests reach both processes (each
        # loads its models before /readyz says ready, so no message pays for that).
        for _ in range(WARM_UP):
            await ask(client, cid, token, Tally())
        cid, token = await start_conversation(client)
        for n in range(messages):
            if n and n % MESSAGES_PER_CONVERSATION == 0:
                cid, token = await start_conversation(client)
            await ask(client, cid, token, tally)
    return tally


async def think_phase(base: str, citizens: int, seconds: float) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits()) as client:
        crowd = [citizen(client, tally, until, n % 10 == 0) for n in range(citizens)]
        desk = [caseworker(base, f"case{n}", tally, until) for n in range(CASEWORKERS)]
        await asyncio.gather(*crowd, *desk)
    return tally


async def saturation_level(base: str, workers: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    until = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        while time.monotonic() < until:
            try:
                cid, token = await start_conversation(client)
            except httpx.HTTPError as exc:
                tally.error(f"start {type(exc).__name__}")
                continue
            for _ in range(MESSAGES_PER_CONVERSATION):
                if time.monotonic() >= until:
                    break
                await ask(client, cid, token, tally)

    began = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits()) as client:
        await asyncio.gather(*(worker(client) for _ in range(workers)))
    return tally, time.monotonic() - began


# -- one topology, start to end --------------------------------------------------------------


async def sample_rss(pids: Sequence[int], peaks: dict[int, float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        for pid in pids:
            peaks[pid] = max(peaks.get(pid, 0.0), rss_mb(pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def measure(topology: Topology, args: argparse.Namespace) -> None:
    pids = [s.process.pid for s in topology.servers]
    label = f"{len(pids)} process{'es' if len(pids) > 1 else ''}"
    print(f"\n== {label}{' behind nginx' if topology.proxy else ''} ==")
    print("start to /readyz OK: " + ", ".join(f"{s:.1f} s" for s in topology.ready_s))
    idle = await idle_phase(topology.base, args.idle_messages)
    idle_p95 = idle.quantile(0.95)
    print(
        f"idle (1 citizen, {len(idle.times)} messages): p50 {ms(idle.quantile(0.5))}, "
        f"p95 {ms(idle_p95)}, errors {idle.errors or 0}"
    )

    peaks: dict[int, float] = {}
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pids, peaks, stop))
    entries_before = log_entries(topology.servers[0].url)
    load_before = os.getloadavg()
    began = time.monotonic()
    think = await think_phase(topology.base, args.citizens, args.think_s)
    took = time.monotonic() - began
    entries = log_entries(topology.servers[0].url) - entries_before
    stop.set()
    await sampler
    p95 = think.quantile(0.95)
    print(
        f"think time ({args.citizens} citizens with live streams, 10-20 s between messages, "
        f"{CASEWORKERS} caseworkers, {took:.0f} s): {len(think.times)} replies, "
        f"p50 {ms(think.quantile(0.5))}, p95 {ms(p95)} ({p95 / idle_p95:.2f}x idle p95), "
        f"errors {think.errors or 0}"
    )
    # The first seconds hold every citizen's arrival (200 conversations and live streams opened
    # at once, first messages within 10 s): shown apart from the steady state after them.
    steady = think.window(began + ARRIVALS_S, began + took)
    print(
        f"  after the first {ARRIVALS_S:.0f} s (arrivals): {len(steady)} replies, "
        f"p50 {ms(think.quantile(0.5, steady))}, p95 {ms(think.quantile(0.95, steady))} "
        f"({think.quantile(0.95, steady) / idle_p95:.2f}x idle p95); p95 by 10 s from the start: "
        + " ".join(
            ms(think.quantile(0.95, w)) if (w := think.window(began + s, began + s + 10)) else "-"
            for s in range(0, int(took), 10)
        )
    )
    print(
        f"  staff replies sent {think.staff_replies}, live turns received {think.live_events}; "
        f"log appends {entries / took:.1f}/s; peak RSS "
        + ", ".join(f"{peaks[p]:.0f} MB" for p in pids)
        + f"; load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after"
    )

    print(f"saturation (no think time, {args.level_s:.0f} s a level; idle p95 {ms(idle_p95)}):")
    print("  workers  msg/s   p50      p95      p95/idle  errors  app CPU  PG CPU  load")
    found: float | None = None
    best = 0.0
    for workers in args.levels:
        app_cpu, pg = cpu_s(pids), postgres_pids()
        pg_cpu = cpu_by_pid(pg)
        tally, seconds = await saturation_level(topology.base, workers, args.level_s)
        rate = len(tally.times) / seconds
        best = max(best, rate)
        ratio = tally.quantile(0.95) / idle_p95
        app_share = (cpu_s(pids) - app_cpu) / seconds
        pg_share = cpu_used(pg_cpu, pg) / seconds
        print(
            f"  {workers:>7}  {rate:>5.1f}  {ms(tally.quantile(0.5)):>7}  "
            f"{ms(tally.quantile(0.95)):>7}  {ratio:>8.2f}  {sum(tally.errors.values()):>6}  "
            f"{app_share:>7.2f}  {pg_share:>6.2f}  {os.getloadavg()[0]:>4.1f}"
        )
        if found is None and ratio > 2:
            found = rate
    point = f"{found:.1f} msg/s" if found is not None else "not reached"
    print(f"  saturation point (first level with p95 > 2x idle): {point}; best {best:.1f} msg/s")
    print("  (CPU columns: cores busy on average; PG counts every PostgreSQL process here)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--think-s", type=float, default=90.0)
    parser.add_argument("--idle-messages", type=int, default=60)
    parser.add_argument("--level-s", type=float, default=20.0)
    parser.add_argument("--levels", default="1,4,8,16,32,48")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument(
        "--e5-dir", help="OPENCOUNTER_E5_DIR for the run (default: the build make install made)"
    )
    parser.add_argument(
        "--english-chunks",
        default="",
        help="comma-separated OPENCOUNTER_ENGLISH_CHUNKS values to run one after the other in "
        "one run (minilm,e5: before and after e5 took English chunks); default: the setting's",
    )
    parser.add_argument("--database-url", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    args = parser.parse_args()
    args.levels = [int(n) for n in args.levels.split(",")]
    if not args.database_url:
        raise SystemExit(
            "Set OPENCOUNTER_TEST_DATABASE_URL (or --database-url) to a PostgreSQL server."
        )
    print(
        f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; limits for the run: "
        + ", ".join(f"{k.removeprefix('OPENCOUNTER_RATE_LIMIT_')}={v}" for k, v in LIMITS.items())
    )
    root = Path(tempfile.mkdtemp(prefix="load-bench-"))
    try:
        for english in args.english_chunks.split(",") if args.english_chunks else [None]:
            if english is not None:
                print(f"\n==== OPENCOUNTER_ENGLISH_CHUNKS={english} ====")
            # A database each: the second run starts from the same empty log as the first.
            with fresh_database(args.database_url) as database_url:
                env = environment(database_url, args.e5_dir, english)
                template = prepare(root, env, f"template-{english or 'default'}")
                for count in (int(n) for n in args.processes.split(",")):
                    topology = start(root, template, env, count)
                    try:
                        asyncio.run(measure(topology, args))
                    finally:
                        if topology.proxy is not None:
                            topology.proxy.stop()
                        for server in topology.servers:
                            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
