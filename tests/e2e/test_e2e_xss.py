"""Hostile text in the widget stays text: nothing runs, nothing is fetched, nothing is evaluated.

Payloads are the XSS corpus (tests/corpora/xss.jsonl, a copy of the shared one): every `htmx` and
`template_injection` record, and the first records (by id) of every other kind.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.data import CORPORA, REPO
from tests.e2e.citizen import Citizen
from tests.e2e.live_server import LiveServer, server_environment, start_server

pytestmark = pytest.mark.browser

CORPUS = CORPORA / "xss.jsonl"


@pytest.fixture(scope="module")
def live_server(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The e2e server with the guard's rules alone: this suite checks how hostile text is shown,
    sending dozens of payloads into one conversation, and a payload the classifier hands to a
    person would leave the rest with no reply to check (the guard's decisions on hostile text
    are tested in tests/bot/guards/test_guard_corpora.py)."""
    data_dir = tmp_path_factory.mktemp("e2e-xss-server") / "data"
    shutil.copytree(demo_index, data_dir / "kb", symlinks=True)
    env = server_environment(
        {
            "OPENCOUNTER_ANSWER_MODE": "extractive",
            "OPENCOUNTER_GUARD_CLASSIFIER": "false",
            "PYTHONPATH": str(REPO),
        }
    )
    server: LiveServer = start_server(data_dir, env)
    try:
        yield server.url
    finally:
        server.stop()


ALL_OF = ("htmx", "template_injection")
SAMPLE_PER_OTHER_KIND = 4

# What the page itself fetches; a payload that htmx obeyed would add /admin and the like.
OWN_PATHS = {
    "/",
    "/chat",
    "/chat/messages",
    "/static/opencounter.css",
    "/static/vendor/htmx.min.js",
    "/static/vendor/sse.min.js",
    "/static/opencounter-widget.js",
    "/favicon.ico",
}

# Each answer streams from a one-time ticket: /chat/stream/<ticket>.
OWN_PATH_PREFIXES = ("/chat/stream/",)

# Payload text only ever lands in a turn's own paragraph, which must hold no elements at all
# (checked per turn). Across the whole conversation, none of these may appear either; the
# templates' legitimate htmx forms in a turn are the out-of-hours callback form and the
# "did this answer help?" form.
FOREIGN_MARKUP = """
() => {
  const banned = new Set(["SCRIPT", "IFRAME", "FRAME", "OBJECT", "EMBED", "IMG", "SVG", "MATH",
                          "META", "BASE", "LINK", "STYLE", "TEMPLATE", "VIDEO", "AUDIO"]);
  const found = [];
  for (const el of document.querySelectorAll("#log *")) {
    if (banned.has(el.tagName.toUpperCase())) {
      found.push("element " + el.outerHTML.slice(0, 120));
    }
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      // The templates' own: the callback, feedback and person-offer forms, and an answer still
      // streaming in.
      const own =
        el.closest("form.oc-callback, form.oc-feedback, form.oc-person-offer") ||
        el.closest("li.oc-pending");
      const htmx = /^(data-)?(hx-|sse-|ws-)/.test(name) && !own;
      if (name.startsWith("on") || htmx) found.push("attribute " + name + " on " + el.tagName);
    }
    if (el.tagName === "A") {
      const own = ["https://www.exampleton.example/", "mailto:", "tel:"];
      if (!own.some((start) => (el.href || "").startsWith(start))) found.push("link " + el.href);
    }
  }
  // A citizen's turn is text alone; an answer may hold the pages' own links (checked above),
  // rendered from its link tokens, and nothing else.
  for (const p of document.querySelectorAll("#log li.oc-turn > p")) {
    const answer = p.parentElement.classList.contains("oc-assistant");
    const other = [...p.children].filter((c) => !(answer && c.tagName === "A" && !c.children.length));
    if (other.length) found.push("markup in a turn: " + p.innerHTML.slice(0, 120));
  }
  return found;
}
"""


def _payloads() -> dict[str, list[tuple[str, str]]]:
    """Kind -> [(id, text)], as the module docstring says."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    with CORPUS.open(encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            by_kind.setdefault(record["kind"], []).append((record["id"], record["text"]))
    return {
        kind: sorted(rows) if kind in ALL_OF else sorted(rows)[:SAMPLE_PER_OTHER_KIND]
        for kind, rows in sorted(by_kind.items())
    }


def _kinds() -> list[str]:
    return sorted(_payloads())


def _shown_as_sent(citizen: Citizen, turn_index: int, text: str) -> str | None:
    """None when the citizen's turn shows exactly the text; otherwise what it shows."""
    paragraph = citizen.turns.nth(turn_index).locator(":scope > p")
    if paragraph.evaluate("(p) => p.children.length") != 0:
        return "markup: " + paragraph.inner_html()[:120]
    shown = paragraph.text_content() or ""
    expected = text.replace("\r\n", "\n").strip()
    return None if shown.strip() == expected else f"shown as {shown!r}"


def _problems(citizen: Citizen, sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for n, (pid, text) in enumerate(sent):
        shown = _shown_as_sent(citizen, 2 * n, text)
        if shown is not None:
            found.append((pid, shown))
    found += [("page", f) for f in citizen.page.evaluate(FOREIGN_MARKUP)]
    found += [("browser", t) for t in citizen.events.trouble()]
    own = {urlsplit(u).path for u in citizen.events.requests if citizen.events.is_ours(u)}
    found += [
        ("request", path)
        for path in sorted(own - OWN_PATHS)
        if not path.startswith(OWN_PATH_PREFIXES)
    ]
    config = citizen.page.evaluate("() => [htmx.config.allowEval, htmx.config.selfRequestsOnly]")
    if config != [False, True]:
        found.append(("htmx-config", f"allowEval, selfRequestsOnly = {config}"))
    return found


def _listing(problems: list[tuple[str, str]]) -> str:
    return "\n".join(f"  {where}: {what}" for where, what in problems)


@pytest.mark.parametrize("kind", _kinds())
def test_payloads_are_shown_as_text_and_nothing_runs(citizen: Citizen, kind: str) -> None:
    sent = _payloads()[kind]
    citizen.open("/")
    for _, text in sent:
        citizen.ask(text)
    problems_live = _problems(citizen, sent)

    # The same conversation rendered by the server as a whole page (the no-htmx path).
    conversation = citizen.conversation_ids()[0]
    citizen.page.goto(f"/chat?c={conversation}")
    problems_page = _problems(citizen, sent)

    assert not problems_live, f"after htmx swaps ({kind}):\n" + _listing(problems_live)
    assert not problems_page, f"on the server-rendered page ({kind}):\n" + _listing(problems_page)


def test_template_expression_is_shown_literally(citizen: Citizen) -> None:
    citizen.open("/")
    citizen.ask("{{7*7}}")
    citizen_turn = citizen.turns.nth(0).locator(":scope > p")
    expect(citizen_turn).to_have_text("{{7*7}}")
    citizen.page.goto(f"/chat?c={citizen.conversation_ids()[0]}")
    expect(citizen.turns.nth(0).locator(":scope > p")).to_have_text("{{7*7}}")


def test_the_checks_catch_a_payload_that_became_markup(citizen: Citizen) -> None:
    """Guards the guard: were a template to stop escaping, the checks above would see it."""
    citizen.open("/")
    citizen.ask("{{7*7}}")
    injected = '<img src="x" onerror="alert(1)"><div hx-get="/admin" hx-trigger="load"></div>'
    citizen.turns.nth(0).locator(":scope > p").evaluate(
        # What a `|safe` in _turn.html would do: the browser parses it, htmx processes it.
        "(p, html) => { p.innerHTML = html; htmx.process(p); }",
        injected,
    )
    events = citizen.events
    for _ in range(100):  # up to 5 s for the image error, the CSP report and htmx's request
        if events.csp_violations and any(u.endswith("/admin") for u in events.requests):
            break
        citizen.page.wait_for_timeout(50)

    problems = _problems(citizen, [("control", "{{7*7}}")])

    kinds = {where for where, _ in problems}
    assert {"control", "page", "browser", "request"} <= kinds, _listing(problems)
    # The CSP refuses the inline handler (no alert runs), and the checks see the refusal.
    assert not events.dialogs, events.dialogs
    assert any("inline event handler" in what for _, what in problems), _listing(problems)
    assert ("request", "/admin") in problems
