"""Our checkpoints and proofs, checked by Go's golang.org/x/mod/sumdb/{note,tlog}.

Needs Debian's golang-go and golang-golang-x-mod-dev (built with GO111MODULE=off and
GOPATH=/usr/share/gocode). Skipped visibly without `go` outside CI; fails in CI.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault
from tests.needs import missing
from tests.schema import log_tables

GO_SOURCE = Path(__file__).with_name("go") / "interop"
GOPATH = Path("/usr/share/gocode")
ORIGIN = "city.example/audit"


@pytest.fixture(scope="module")
def interop_binary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None or not (GOPATH / "src/golang.org/x/mod/sumdb/tlog").is_dir():
        missing("go or golang-golang-x-mod-dev is not installed: Go interop test skipped")
    out = tmp_path_factory.mktemp("go")
    env = {
        **os.environ,
        "GO111MODULE": "off",
        "GOPATH": str(GOPATH),
        "GOCACHE": str(out / "cache"),
        "GOFLAGS": "",
    }
    subprocess.run(
        [go, "build", "-o", str(out / "interop"), "."], cwd=GO_SOURCE, env=env, check=True
    )
    return out / "interop"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def run_go(
    binary: Path, case: dict[str, object], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    return subprocess.run([str(binary), str(path)], capture_output=True, text=True, check=False)


def test_go_verifies_our_checkpoint_and_proofs(
    interop_binary: Path, engine: Engine, tmp_path: Path
) -> None:
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        tables=log_tables(),
    )
    sizes = [1, 2, 3, 7, 8, 13, 21, 37]
    for n in range(37):
        log.record([AuditEvent("message", f"c{n % 5}", {"n": n}, f"text {n}")])
    checkpoint = log.checkpoint()
    entries = [
        {
            "index": i,
            "data": log.entry(i).decode(),
            "proof": [b64(h) for h in log.inclusion_proof(i)],
        }
        for i in range(37)
    ]
    consistency = [
        {
            "old_size": m,
            "old_root": b64(log.root(m)),
            "proof": [b64(h) for h in log.consistency_proof(m)],
        }
        for m in sizes
        if m < 37
    ]
    case: dict[str, object] = {
        "vkey": log.verifier_key,
        "checkpoint": checkpoint,
        "entries": entries,
        "consistency": consistency,
    }
    result = run_go(interop_binary, case, tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stdout

    # And Go must reject what is wrong: a changed entry, a forged signature.
    bad_entry = json.loads(json.dumps(case))
    bad_entry["entries"][5]["data"] = bad_entry["entries"][5]["data"].replace('"n":5', '"n":6')
    assert "inclusion of entry 5" in run_go(interop_binary, bad_entry, tmp_path).stdout
    forged = dict(case, vkey=generate_signer(ORIGIN).verifier().to_string())
    assert "checkpoint signature" in run_go(interop_binary, forged, tmp_path).stdout
