"""Behind a TLS-terminating proxy the page links its files over https, and only when the proxy
is one the settings trust says so: a browser refuses http:// scripts on an https:// page."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import make_settings
from web.app import create_app

PROXY = ("10.0.0.5", 5000)
HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}


def stylesheet_link(html: str) -> str:
    start = html.index('<link rel="stylesheet" href="') + len('<link rel="stylesheet" href="')
    return html[start : html.index('"', start)]


def test_a_trusted_proxys_https_makes_https_links(data_dir: Path) -> None:
    app = create_app(make_settings(data_dir, trusted_proxies="10.0.0.5"))
    with TestClient(app, client=PROXY) as proxy:
        assert stylesheet_link(proxy.get("/", headers=HTTPS).text).startswith("https://")
        assert stylesheet_link(proxy.get("/").text).startswith("http://")
        odd = proxy.get("/", headers={"X-Forwarded-Proto": "gopher"})
        assert stylesheet_link(odd.text).startswith("http://")


def test_anyone_else_saying_https_changes_nothing(data_dir: Path) -> None:
    app = create_app(make_settings(data_dir, trusted_proxies="10.0.0.5"))
    with TestClient(app, client=("203.0.113.9", 5000)) as stranger:
        assert stylesheet_link(stranger.get("/", headers=HTTPS).text).startswith("http://")
