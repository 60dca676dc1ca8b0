"""A citizen downloads a receipt that verifies offline, and erases the conversation."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from audit.receipt import verify_receipt
from tests.conftest import services_of
from web.app import create_app
from web.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def start(client: TestClient) -> str:
    r = client.post(
        "/chat/messages", data={"text": "How do I get a library card?"}, follow_redirects=False
    )
    return re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]


def sign_now(client: TestClient) -> None:
    """What the log's checkpoint schedule does; a receipt only uses stored checkpoints."""
    services_of(client).log.checkpoint()


def test_receipt_downloads_and_verifies_offline(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        cid = start(client)
        sign_now(client)
        assert "Download a receipt" in client.get(f"/chat?c={cid}").text
        r = client.get(f"/chat/receipt?conversation_id={cid}")
        assert r.status_code == 200
        assert "attachment" in r.headers["content-disposition"]
        key = client.get("/audit/key").text.strip()
    report = verify_receipt(r.content, key)
    assert report.ok, report
    assert report.entries == 3  # disclosure, message, answer


def _tampered(receipt: bytes) -> bytes:
    """The receipt with one logged timestamp moved by a second (still canonical JSON)."""
    data = json.loads(receipt)
    entry = json.loads(data["entries"][-1]["entry"])
    entry["ts"] = entry["ts"][:17] + ("1" if entry["ts"][17] != "1" else "2") + entry["ts"][18:]
    data["entries"][-1]["entry"] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    return json.dumps(data).encode()


def test_verify_receipt_command_needs_neither_sqlalchemy_nor_httpx(
    settings: Settings, tmp_path: Path
) -> None:
    with TestClient(create_app(settings)) as client:
        cid = start(client)
        sign_now(client)
        receipt = client.get(f"/chat/receipt?conversation_id={cid}").content
        key = client.get("/audit/key").text.strip()
    # Packages earlier on the path that fail to import, as if they were not installed.
    shim = tmp_path / "shim"
    for name in ("sqlalchemy", "httpx"):
        (shim / name).mkdir(parents=True)
        (shim / name / "__init__.py").write_text(f"raise ImportError('{name} is not installed')\n")
    env = {**os.environ, "PYTHONPATH": f"{shim}{os.pathsep}{REPO}"}
    (tmp_path / "good.json").write_bytes(receipt)
    (tmp_path / "bad.json").write_bytes(_tampered(receipt))
    script = Path(sys.executable).with_name("opencounter-audit")
    command = (
        [str(script)]
        if script.is_file()
        else [sys.executable, "-c", "from audit.cli import main; main()"]
    )

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*arguments], check=False, capture_output=True, text=True, env=env, timeout=120
        )

    assert run(sys.executable, "-c", "import sqlalchemy").returncode != 0  # the shim works
    good = run(*command, "verify-receipt", str(tmp_path / "good.json"), "--key", key)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith(f"OK: 3 entries of conversation {cid}")
    bad = run(*command, "verify-receipt", str(tmp_path / "bad.json"), "--key", key)
    assert bad.returncode == 1, bad.stderr
    assert "Receipt NOT valid" in bad.stderr and "Traceback" not in bad.stderr


def test_receipt_for_no_conversation_is_a_readable_404(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        r = client.get("/chat/receipt?conversation_id=")
        assert r.status_code == 404
        assert "Ask a question first" in r.text


def test_erasure_makes_the_words_unreadable_and_the_log_still_verifies(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        cid = start(client)
        services = services_of(client)
        size = services.log_size()
        r = client.post("/chat/erase", data={"conversation_id": cid})
        assert r.status_code == 200
        assert "was erased" in r.text
        assert services.log_size() == size + 1
        assert services.conversation_entries(cid)[-1]["type"] == "erasure"
        assert all(t.text == "[erased]" for t in services.transcript(cid))
        assert client.get(f"/chat?c={cid}").status_code == 404
        again = client.post("/chat/messages", data={"text": "hello", "conversation_id": cid})
        assert again.status_code == 404
        from audit.note import parse_verifier_key
        from audit.verify import verify_log

        report = verify_log(services.log, parse_verifier_key(services.log.verifier_key))
        assert report.ok, report
