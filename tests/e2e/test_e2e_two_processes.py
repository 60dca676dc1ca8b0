"""The compose topology on loopback, without containers: two `opencounter serve` processes on
one PostgreSQL database behind Debian's nginx running deploy/nginx/opencounter.conf.template.
In Chromium, a citizen and a caseworker both go through the proxy (round robin, no sticky
sessions); the caseworker's replies are served by both processes and reach the citizen's one
live stream, so at least one crossed from one process to the other (LISTEN/NOTIFY). The logs of
nginx and of both processes are then read back: every request nginx passed on is in exactly
one process's JSON log under the same request id, and no citizen text is in any of them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.deploy.proxy import Proxy, start_proxy
from tests.e2e.live_server import (
    LiveServer,
    opencounter_command,
    replica_environment,
    start_server,
)
from tests.e2e.staff import PASSWORD, save_screenshots

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[2]
ORIGIN = "two-processes.test/log"
CITIZEN_WORDS = "My bin was not collected, I live at 14 Quillfeather Lane"
REPLY_ROUTE = "/console/handoffs/{handoff_id}/reply"


@dataclass
class Topology:
    proxy: Proxy
    servers: dict[str, LiveServer]


@pytest.fixture
def topology(demo_index: Path, postgres_url: str, tmp_path: Path) -> Iterator[Topology]:
    env = replica_environment(postgres_url, ORIGIN)
    data = {name: tmp_path / name / "data" for name in ("a", "b")}
    for folder in data.values():
        shutil.copytree(demo_index, folder / "kb", symlinks=True)
    command = opencounter_command()
    for step, given in (
        (["db", "upgrade"], None),
        (["users", "add", "casey", "--role", "caseworker", "--password-stdin"], PASSWORD),
    ):
        done = subprocess.run(
            [command, *step, "--data-dir", str(data["a"])],
            env=env,
            cwd=tmp_path,
            input=given,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    servers: dict[str, LiveServer] = {}
    proxy: Proxy | None = None
    try:
        for name, folder in data.items():
            servers[name] = start_server(folder, env)
        upstreams = tuple(s.url.removeprefix("http://") for s in servers.values())
        proxy = start_proxy(tmp_path / "nginx", (upstreams[0], upstreams[1]))
        yield Topology(proxy, servers)
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers.values():
            server.stop()


def json_lines(text: str) -> list[dict[str, object]]:
    found = []
    for line in text.splitlines():
        if line.startswith("{"):
            found.append(json.loads(line))
    return found


def test_a_live_handoff_across_two_processes_behind_nginx(
    browser: Browser, topology: Topology
) -> None:
    base = topology.proxy.url
    # The proxy never serves the metrics; each process does, to its own scraper.
    assert httpx.get(f"{base}/metrics", timeout=10).status_code == 404
    citizen = browser.new_context(base_url=base).new_page()
    caseworker = browser.new_context(base_url=base).new_page()
    replies = ["Hello, I am Casey from the council.", "I have asked the crew to come back today."]
    try:
        citizen.goto("/")
        citizen.locator("form.oc-person button[type=submit]").click()
        expect(citizen.locator("#log > li.oc-turn").last).to_contain_text(
            "A person has been asked for"
        )
        caseworker.goto("/console")
        caseworker.fill("#cs-username", "casey")
        caseworker.fill("#cs-password", PASSWORD)
        caseworker.locator("form.cs-login button[type=submit]").click()
        expect(caseworker.locator("#waiting tbody tr")).to_have_count(1)
        caseworker.locator("#waiting button", has_text="Claim").click()
        expect(caseworker.locator("#transcript")).to_contain_text("You asked to talk to a person")
        staff = citizen.locator("#log > li.oc-staff")
        for n, text in enumerate(replies, start=1):
            caseworker.fill("#cs-reply-text", text)
            caseworker.locator("form.cs-reply button[type=submit]").click()
            # The console shows it (and resets its form) before the next one is typed.
            expect(caseworker.locator("#transcript")).to_contain_text(text)
            # No reload: each reply arrives over the citizen's one live stream.
            expect(staff).to_have_count(n)
            expect(staff.last).to_contain_text(text)
        citizen.locator("form.oc-ask textarea[name=text]").fill(CITIZEN_WORDS)
        citizen.locator("form.oc-ask button[type=submit]").click()
        expect(caseworker.locator("#transcript")).to_contain_text("Quillfeather Lane")
    except BaseException:
        save_screenshots("test_a_live_handoff_across_two_processes", [citizen, caseworker])
        raise
    finally:
        citizen.context.close()
        caseworker.context.close()

    topology.proxy.stop()
    for server in topology.servers.values():
        server.stop()  # every stream has ended: its line is written
    outputs = {
        name: server.output_path.read_text(errors="replace")
        for name, server in topology.servers.items()
    }
    for name, output in outputs.items():
        # With OPENCOUNTER_JSON_LOGS every line is JSON, start-up notes included.
        bare = [line for line in output.splitlines() if line.strip() and not line.startswith("{")]
        assert bare == [], (name, bare[:5])
    logged = {name: json_lines(output) for name, output in outputs.items()}
    assert any(line["logger"] == "opencounter.serve" for line in logged["a"])
    requests = {
        name: [line for line in lines if line.get("logger") == "opencounter.requests"]
        for name, lines in logged.items()
    }

    def span(line: dict[str, object]) -> tuple[datetime, datetime]:
        ended = datetime.fromisoformat(str(line["time"]))
        return ended - timedelta(milliseconds=float(str(line["duration_ms"]))), ended

    sent = sorted(
        (span(line)[1], name)
        for name, lines in requests.items()
        for line in lines
        if line["route"] == REPLY_ROUTE and line["method"] == "POST"
    )
    assert len(sent) == len(replies), sent
    # The citizen's live stream that was open while the replies were sent (the page opens
    # another after the citizen writes): it delivered them all.
    holding = [
        name
        for name, lines in requests.items()
        for line in lines
        if line["route"] == "/chat/live"
        and span(line)[0] < sent[0][0]
        and span(line)[1] > sent[-1][0]
    ]
    assert len(holding) == 1, holding
    # Round robin sent the replies to both processes: at least one was written by the process
    # not holding the citizen's stream, and the citizen saw it live.
    assert {name for _, name in sent} == {"a", "b"}, sent
    assert any(name != holding[0] for _, name in sent)

    access = json_lines(topology.proxy.access_log.read_text(errors="replace"))
    assert [line["uri"] for line in access if not line["upstream"]] == ["/metrics"]
    proxied = [line for line in access if line["upstream"]]  # passed on to a process
    where = {str(line["request_id"]): name for name, lines in requests.items() for line in lines}
    for line in proxied:
        assert str(line["request_id"]) in where, line  # the same id in nginx's and the app's log
    assert {where[str(line["request_id"])] for line in proxied} == {"a", "b"}
    # Static files are counted under their mount point, not by file (nor as unrouted).
    assert "/static" in {line["route"] for lines in requests.values() for line in lines}

    everything = "".join(
        path.read_text(errors="replace")
        for path in (topology.proxy.access_log, *(s.output_path for s in topology.servers.values()))
    )
    assert "Quillfeather" not in everything
    assert not re.search(r"/chat/live\?c=", everything)  # no conversation id from a query string
