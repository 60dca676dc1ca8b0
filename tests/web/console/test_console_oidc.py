"""Staff single sign-on against a real OpenID provider (npm's oidc-provider) on loopback.

The provider runs as its own process (tests/oidc/provider.mjs); the browser's part — following
redirects, filling the provider's development sign-in and consent forms — is played by an HTTP
client that keeps cookies, and the app runs in-process. Nothing is patched: the app discovers the
provider, exchanges the code with PKCE and checks the ID token over real HTTP.
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import httpx2
import pytest
from fastapi.testclient import TestClient

from tests.conftest import fast_overrides, make_settings, services_of
from tests.data import REPO
from tests.needs import missing
from web.app import create_app
from web.auth.oidc import OidcClient, OidcConfig, OidcRejected, RoleMapping, SignInRequest

PROVIDER = REPO / "tests" / "oidc" / "provider.mjs"
CLIENT_ID = "opencounter-console"
APP = "http://testserver/"
REDIRECT = APP + "login/oidc/callback"
ROLES = "admin=oc-admins;oversight=oc-oversight;caseworker=oc-caseworkers"


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_secret: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "oidc-provider").is_dir():
        missing("Node.js and npm's oidc-provider (installed by `make`'s npm ci) are needed")
    port, secret = _free_port(), secrets.token_urlsafe(24)
    process = subprocess.Popen(
        [node, str(PROVIDER), str(port), CLIENT_ID, secret, REDIRECT],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ready "), f"the provider did not start: {line!r}"
        yield Provider(line.split()[1], secret)
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def app_client(tmp_path: Path, demo_index: Path, provider: Provider) -> Iterator[TestClient]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(
        data,
        public_url="http://testserver",
        teams="general,housing",
        oidc_issuer=provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=provider.client_secret,
        oidc_provider_name="Exampleton staff sign-in",
        oidc_scopes="openid profile groups",
        oidc_roles=ROLES,
        oidc_team_claim="team",
    )
    with TestClient(create_app(settings, fast_overrides())) as client:
        yield client


def _at_the_provider(url: str, login: str, *, consent: bool = True) -> str:
    """Play the browser at the provider, from its authorization URL through its sign-in and
    consent forms, to where it sends the browser back (our redirect URI, with code and state)."""
    with httpx.Client(follow_redirects=False, timeout=10) as browser:
        for _ in range(12):
            if url.startswith(APP):
                return url
            r = browser.get(url)
            if r.status_code in (302, 303):
                url = urljoin(url, r.headers["location"])
                continue
            action = re.search(r'<form[^>]*action="([^"]+)"', r.text)
            assert action is not None, r.text
            target = urljoin(url, action.group(1))
            if 'name="login"' in r.text:
                r = browser.post(target, data={"prompt": "login", "login": login, "password": "x"})
            elif consent:
                r = browser.post(target, data={"prompt": "consent"})
            else:  # the provider's "cancel" link
                abort = re.search(r'<a href="([^"]+/abort)"', r.text)
                assert abort is not None, r.text
                r = browser.get(urljoin(url, abort.group(1)))
            assert r.status_code in (302, 303), r.text
            url = urljoin(target, r.headers["location"])
    raise AssertionError("the provider never sent the browser back")


def _through_the_provider(
    app: TestClient, login: str, *, start: str = "/login/oidc", consent: bool = True
) -> httpx2.Response:
    """Play the browser from the app's sign-in link to the app's callback; its answer."""
    started = app.get(start, follow_redirects=False)
    assert started.status_code == 303, started.text
    back = urlsplit(_at_the_provider(started.headers["location"], login, consent=consent))
    return app.get(f"{back.path}?{back.query}", follow_redirects=False)


def _signed_in_page(app: TestClient, response: httpx2.Response, where: str = "/console") -> str:
    """Follow the callback's page to where it sends the browser (`where`); that page's text."""
    assert response.status_code == 200, response.text
    target = re.search(r'url=([^"]+)"', response.text)
    assert target is not None, response.text
    assert target.group(1) == where
    page = app.get(target.group(1))
    assert page.status_code == 200
    return page.text


def test_a_caseworker_signs_in_through_the_provider_and_gets_the_console(
    app_client: TestClient,
) -> None:
    login = app_client.get("/login")
    assert "Sign in with Exampleton staff sign-in" in login.text
    page = _signed_in_page(app_client, _through_the_provider(app_client, "ada"))
    assert "Sign out" in page or "csrf" in page
    people = services_of(app_client).people
    account = people.accounts.find("ada")
    assert account is not None and account.role == "caseworker" and account.team == "general"
    assert account.password_hash is None  # no password to guess or leak


def test_roles_and_teams_come_from_the_claims(app_client: TestClient) -> None:
    # Oversight reads the log: its sign-in lands there.
    _signed_in_page(app_client, _through_the_provider(app_client, "olu"), where="/oversight")
    people = services_of(app_client).people
    overseer = people.accounts.find("olu")
    assert overseer is not None and overseer.role == "oversight"
    other = TestClient(app_client.app)
    _signed_in_page(other, _through_the_provider(other, "root"))
    admin = people.accounts.find("root")
    assert admin is not None and admin.role == "admin"  # admin wins over caseworker
    third = TestClient(app_client.app)
    _signed_in_page(third, _through_the_provider(third, "sam.smith"))
    sam = people.accounts.find("sam.smith")
    assert sam is not None and sam.team == "housing"


def test_someone_the_mapping_gives_no_role_is_refused_and_no_account_is_made(
    app_client: TestClient,
) -> None:
    r = _through_the_provider(app_client, "mallory")
    assert r.status_code == 403
    assert "gives you no role here" in r.text
    assert services_of(app_client).people.accounts.find("mallory") is None
    assert app_client.get("/console", follow_redirects=False).status_code == 401


def test_the_account_and_its_log_entry_are_made_once_and_linked_by_subject(
    app_client: TestClient,
) -> None:
    services = services_of(app_client)
    before = services.log.size()
    _signed_in_page(app_client, _through_the_provider(app_client, "ada"))
    after_first = services.log.size()
    assert after_first == before + 1  # the account was added, with its config_change entry
    again = TestClient(app_client.app)
    _signed_in_page(again, _through_the_provider(again, "ada"))
    assert services.log.size() == after_first  # same person, same account, nothing new
    names = [a.username for a in services.people.accounts.all()]
    assert names.count("ada") == 1


def test_a_local_account_of_the_same_name_is_never_taken_over(app_client: TestClient) -> None:
    people = services_of(app_client).people
    local = people.accounts.add("ada", people.hashing.hash("correct horse battery"), "admin")
    _signed_in_page(app_client, _through_the_provider(app_client, "ada"))
    sso_accounts = [a for a in people.accounts.all() if a.username.startswith("ada")]
    assert {a.username for a in sso_accounts} == {"ada", "ada-2"}
    still = people.accounts.find("ada")
    assert still is not None and still.id == local.id and still.role == "admin"
    made = people.accounts.find("ada-2")
    assert made is not None and made.role == "caseworker"


def test_a_disabled_account_stays_out_whatever_the_provider_says(app_client: TestClient) -> None:
    _signed_in_page(app_client, _through_the_provider(app_client, "ada"))
    services_of(app_client).people.accounts.set_disabled("ada")
    assert app_client.get("/console", follow_redirects=False).status_code == 401  # session ended
    r = _through_the_provider(TestClient(app_client.app), "ada")
    assert r.status_code == 403 and "disabled" in r.text


def test_a_callback_from_another_browser_or_a_forged_state_is_refused(
    app_client: TestClient,
) -> None:
    r = _through_the_provider(app_client, "ada")
    query = parse_qs(urlsplit(str(r.request.url)).query)
    # The same code and state in a browser that never started the sign-in: no flow cookie.
    stranger = TestClient(app_client.app)
    code, state = query["code"][0], query["state"][0]
    forged = stranger.get(f"/login/oidc/callback?code={code}&state={state}")
    assert forged.status_code == 403
    assert "another browser" in forged.text
    # A started flow whose state is swapped for another.
    mine = TestClient(app_client.app)
    mine.get("/login/oidc", follow_redirects=False)
    swapped = mine.get(f"/login/oidc/callback?code={code}&state=not-the-state")
    assert swapped.status_code == 403
    assert "does not belong to this browser" in swapped.text


def test_a_person_who_cancels_at_the_provider_is_told_so(app_client: TestClient) -> None:
    r = _through_the_provider(app_client, "ada", consent=False)
    assert r.status_code == 403
    assert "the provider said access_denied" in r.text


def test_provider_down_is_a_503_that_says_what_to_do(tmp_path: Path, demo_index: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(
        data,
        oidc_issuer=f"http://127.0.0.1:{_free_port()}",
        oidc_client_id=CLIENT_ID,
        oidc_roles=ROLES,
    )
    with TestClient(create_app(settings, fast_overrides())) as client:
        r = client.get("/login/oidc", follow_redirects=False)
    assert r.status_code == 503
    assert r.headers["retry-after"] == "60"
    assert "cannot be reached" in r.text and "Try again in a few minutes" in r.text


def test_without_an_issuer_the_sign_in_page_offers_passwords_only(client: TestClient) -> None:
    assert "/login/oidc" not in client.get("/login").text
    assert client.get("/login/oidc").status_code == 404


def test_an_id_token_read_with_another_nonce_is_refused(
    provider: Provider,
) -> None:
    """A real token of the provider, redeemed by its client, fails when the nonce is not the one
    this browser's sign-in was sent with (a replayed or injected code)."""
    config = OidcConfig(
        issuer=provider.issuer,
        client_id=CLIENT_ID,
        client_secret=provider.client_secret,
        redirect_uri=REDIRECT,
        scopes="openid profile groups",
    )
    client = OidcClient(config)
    try:
        _redeem_with_the_wrong_nonce(client)
    finally:
        client.close()


def _redeem_with_the_wrong_nonce(client: OidcClient) -> None:
    flow = client.begin()
    url = _at_the_provider(flow.url, "ada")
    code = parse_qs(urlsplit(url).query)["code"][0]
    wrong_nonce = SignInRequest(url="", state=flow.state, nonce="another", verifier=flow.verifier)
    with pytest.raises(OidcRejected, match="nonce"):
        client.finish(wrong_nonce, flow.state, code)


def test_role_mapping_is_checked_when_read() -> None:
    mapping = RoleMapping.parse("caseworker=a,b; oversight=c")
    assert mapping.role_for(frozenset({"b"})) == "caseworker"
    assert mapping.role_for(frozenset({"b", "c"})) == "oversight"
    assert mapping.role_for(frozenset({"z"})) is None
    for bad in ("", "boss=a", "caseworker=", "caseworker"):
        with pytest.raises(ValueError):
            RoleMapping.parse(bad)


def test_sign_in_and_sign_out_are_logged_by_pseudonym_never_by_name(
    app_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="opencounter.staff"):
        page = _signed_in_page(app_client, _through_the_provider(app_client, "ada"))
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        assert csrf is not None
        app_client.post("/logout", data={"csrf": csrf.group(1)}, follow_redirects=False)
    account = services_of(app_client).people.accounts.find("ada")
    assert account is not None
    lines = [r.getMessage() for r in caplog.records if r.name == "opencounter.staff"]
    assert any("sign-in" in line and account.pseudonym in line for line in lines), lines
    assert any("sign-out" in line and account.pseudonym in line for line in lines), lines
    assert not any("ada" in line.replace(account.pseudonym, "") for line in lines)
    assert app_client.get("/console", follow_redirects=False).status_code == 401
