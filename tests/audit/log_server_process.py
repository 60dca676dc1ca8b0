"""A minimal HTTP server for a log in its own process: the witness test's other side.

`python log_server_process.py URL SIGNER MASTER WITNESS_VKEY` prints its port, then serves
/audit/checkpoint, /audit/consistency and POST /audit/cosignature on 127.0.0.1.
"""

from __future__ import annotations

import base64
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from sqlalchemy import create_engine

from audit.checkpoint import parse_cosigner_verifier_key
from audit.note import parse_signer_key
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault
from audit.witness import format_proof
from tests.schema import log_tables


def serve(url: str, signer_text: str, master: str, witness_key: str) -> None:
    engine = create_engine(url)
    signer = parse_signer_key(signer_text)
    log = TransparencyLog(
        engine,
        signer,
        signer.name,
        Vault(engine, base64.b64decode(master), tables=log_tables()),
        tables=log_tables(),
    )
    witness = parse_cosigner_verifier_key(witness_key)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            request = urlparse(self.path)
            if request.path == "/audit/checkpoint":
                self._reply(200, log.checkpoint())
            elif request.path == "/audit/consistency":
                query = parse_qs(request.query)
                proof = log.consistency_proof(int(query["old"][0]), int(query["new"][0]))
                self._reply(200, format_proof(proof))
            else:
                self._reply(404, "not found\n")

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            try:
                log.add_cosignature(body, witness)
            except ValueError as error:
                self._reply(400, f"{error}\n")
                return
            self._reply(204, "")

        def _reply(self, status: int, text: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(text.encode())))
            self.end_headers()
            self.wfile.write(text.encode())

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    serve(*sys.argv[1:5])
