"""A small web site on 127.0.0.1 for ingestion tests: path -> (content type, body)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Pages = dict[str, tuple[str, bytes]]


@contextmanager
def serve_pages(pages: Pages) -> Iterator[str]:
    """Serve `pages` (which may be filled in after start, once the base URL is known) and
    yield the base URL; any other path is a 404."""

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = pages.get(self.path)
            if found is None:
                self.send_response(404)
                self.end_headers()
                return
            kind, body = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
