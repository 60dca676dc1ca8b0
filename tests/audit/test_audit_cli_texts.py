"""`opencounter audit verify --texts`: swapped ciphertexts fail with the first bad entry."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from audit.note import parse_signer_key
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault, parse_master_key
from tests.audit.operator_log import operator_cli
from tests.schema import create_schema, log_tables

ORIGIN = "city.example/audit"


def test_verify_texts_names_the_first_swapped_entry(tmp_path: Path, database_url: str) -> None:
    def run(*arguments: str) -> tuple[int, str]:
        # `opencounter audit` as the app mounts it, on this test's database.
        result = CliRunner().invoke(operator_cli(ORIGIN, database_url), list(arguments))
        return result.exit_code, result.output

    data = tmp_path / "data"
    assert run("keygen", "--origin", ORIGIN, "--data-dir", str(data))[0] == 0
    keys = data / "audit"
    engine = create_engine(database_url)
    tune_engine(engine)
    create_schema(engine)
    signer = parse_signer_key((keys / "log.key").read_text().strip())
    vault = Vault(
        engine, parse_master_key((keys / "vault.key").read_text().strip()), tables=log_tables()
    )
    log = TransparencyLog(engine, signer, ORIGIN, vault, tables=log_tables())
    log.record([AuditEvent("message", f"c{n % 3}", {"n": n}, f"text {n}") for n in range(10)])
    log.erase("c2")
    log.checkpoint()
    pub = f"@{keys / 'log.pub'}"
    where = ["--data-dir", str(data), "--key", pub]

    code, output = run("verify", "--texts", *where)
    assert code == 0, output
    assert "OK: 7 texts match" in output and "3 entries belong to erased" in output

    with engine.begin() as connection:  # entries 0 and 3 are both c0's
        rows = {
            int(r[0]): (bytes(r[1]), bytes(r[2]))
            for r in connection.execute(
                text(
                    "SELECT entry_idx, nonce, ciphertext FROM audit_texts WHERE entry_idx IN (0, 3)"
                )
            )
        }
        for target, source in ((0, 3), (3, 0)):
            connection.execute(
                text("UPDATE audit_texts SET nonce = :n, ciphertext = :c WHERE entry_idx = :i"),
                {"n": rows[source][0], "c": rows[source][1], "i": target},
            )
    assert run("verify", *where)[0] == 0  # the tree is intact: only --texts can see this
    code, output = run("verify", "--texts", *where)
    assert code == 1 and "First bad index: 0" in output and "does not open" in output

    (keys / "vault.key").unlink()
    code, output = run("verify", "--texts", *where)
    assert code == 2 and "vault key" in output
    code, output = run("verify", "--texts", "--bundle", str(tmp_path), "--key", "x")
    assert code == 2 and "app's own database" in " ".join(output.split())
    engine.dispose()
    gc.collect()
