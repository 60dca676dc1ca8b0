"""Every route of the app answers with the security headers: a strict CSP, framing for the
widget only, nosniff, no referrer, no-store wherever words are shown, HSTS in production."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from starlette.routing import BaseRoute, Mount, Route

from tests.conftest import make_settings
from web.app import create_app
from web.http.security_headers import HSTS, HeaderPolicy
from web.settings import Settings

PARAM = re.compile(r"\{[^}]+\}")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, demo_index: Path) -> Iterator[TestClient]:
    import shutil

    data = tmp_path_factory.mktemp("headers") / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(data, widget_frame_ancestors="https://city.example")
    with TestClient(create_app(settings)) as c:
        yield c


def routes_of(routes: list[BaseRoute]) -> Iterator[BaseRoute]:
    """The app's routes, through included routers (FastAPI keeps them as one entry each;
    app.py includes them without a prefix, so each route's path is the one served)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from routes_of(included.routes) if included is not None else (route,)


def every_request(client: TestClient) -> list[tuple[str, str]]:
    requests = []
    for route in routes_of(client.app.routes):  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            requests.append(("GET", f"{route.path}/opencounter.css"))
        elif isinstance(route, Route):
            path = PARAM.sub("1", route.path)
            requests += [(m, path) for m in sorted(route.methods or ()) if m != "HEAD"]
    return requests


def test_the_route_list_covers_the_app(client: TestClient) -> None:
    paths = {path for _, path in every_request(client)}
    assert {"/", "/chat", "/widget", "/widget.js", "/docs", "/login", "/console"} <= paths
    assert any(p.startswith("/oversight/") for p in paths)
    assert any(p.startswith("/api/v1/conversations/") for p in paths)
    assert len(paths) > 40


def test_every_route_carries_the_headers(client: TestClient) -> None:
    problems = []
    for method, path in every_request(client):
        r = client.request(method, path, follow_redirects=False)
        csp = r.headers.get("content-security-policy", "")
        framed = path == "/widget" or path.startswith("/chat/")
        expected = {
            "x-content-type-options": "nosniff",
            "referrer-policy": "no-referrer",
        }
        if "script-src 'self';" not in csp or "unsafe-inline" in csp:
            problems.append(f"{method} {path}: CSP {csp!r}")
        ancestors = "https://city.example" if framed else "'none'"
        if f"frame-ancestors {ancestors}" not in csp:
            problems.append(f"{method} {path}: framing {csp!r}")
        if "strict-transport-security" in r.headers:
            problems.append(f"{method} {path}: HSTS outside production")
        words = path in ("/", "/chat", "/widget", "/login", "/logout") or path.startswith(
            ("/chat/", "/console", "/oversight", "/api/")
        )
        if words:
            expected["cache-control"] = "no-store"
        for name, value in expected.items():
            if r.headers.get(name) != value:
                problems.append(f"{method} {path} ({r.status_code}): {name}={r.headers.get(name)}")
    assert problems == []


def test_words_are_never_stored_on_a_live_conversation(client: TestClient) -> None:
    citizen = TestClient(client.app)
    r = citizen.post(
        "/chat/messages",
        data={"text": "How do I apply for a resident parking permit?"},
        follow_redirects=False,
    )
    page = citizen.get(r.headers["location"])
    assert "parking" in page.text.lower()
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]  # /chat page


def test_no_template_carries_inline_script_style_or_handlers() -> None:
    templates = Path(__file__).resolve().parents[2] / "web" / "templates"
    found = []
    for page in templates.rglob("*.html"):
        text = page.read_text("utf-8")
        found += [f"{page.name}: <script> without src" for _ in re.finditer(r"<script>", text)]
        found += [f"{page.name}: <style>" for _ in re.finditer(r"<style", text)]
        found += [f"{page.name}: {m.group(0)}" for m in re.finditer(r"\son[a-z]+=", text)]
        found += [f"{page.name}: {m.group(0)}" for m in re.finditer(r"\sstyle=", text)]
        found += [f"{page.name}: javascript:" for _ in re.finditer("javascript:", text)]
    assert found == []


def test_hsts_only_in_production(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not HeaderPolicy.from_settings(make_settings(tmp_path)).hsts
    monkeypatch.setenv("OPENCOUNTER_ENVIRONMENT", "production")
    monkeypatch.setenv("OPENCOUNTER_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", "A" * 43 + "=")
    monkeypatch.setenv("OPENCOUNTER_LOG_SIGNING_KEY", "PRIVATE+KEY+x+00000000+AAAA")
    policy = HeaderPolicy.from_settings(Settings(_env_file=None, data_dir=tmp_path))  # type: ignore[call-arg]
    assert policy.hsts
    assert ("strict-transport-security", HSTS) in policy.headers_for("/transparency")


@pytest.mark.parametrize(
    "value", ["https://a.example; script-src *", "https://a.example, https://b.example", "'none"]
)
def test_frame_ancestors_setting_takes_only_a_source_list(tmp_path: Path, value: str) -> None:
    with pytest.raises(ValidationError, match="widget_frame_ancestors"):
        make_settings(tmp_path, widget_frame_ancestors=value)
