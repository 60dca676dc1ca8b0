"""nginx from Debian on a free loopback port, running the compose proxy's own template."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.e2e.live_server import free_port, stop_process
from tests.needs import missing

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "opencounter.conf.template"


def nginx_command() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None
    )
    if found is None:
        missing("nginx is missing: `apt-get install nginx-light` (make install-test does)")
    return found


def render_template(values: dict[str, str]) -> str:
    """Fill the template's ${OPENCOUNTER_...} placeholders as the nginx image's envsubst does."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    assert "${OPENCOUNTER_" not in text, "a placeholder of the template was left unfilled"
    return text


@dataclass
class Proxy:
    url: str
    process: subprocess.Popen[bytes]
    access_log: Path
    error_log: Path

    def stop(self) -> None:
        stop_process(self.process)


def start_proxy(folder: Path, upstreams: tuple[str, str], connections: int = 256) -> Proxy:
    """nginx in the foreground with the template included in `http {}`, as in the image;
    `connections` per worker (benchmarks/load.py holds hundreds of live streams open)."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site = folder / "opencounter.conf"
    site.write_text(
        render_template(
            {
                "OPENCOUNTER_PROXY_LISTEN": f"127.0.0.1:{port}",
                "OPENCOUNTER_UPSTREAM_1": upstreams[0],
                "OPENCOUNTER_UPSTREAM_2": upstreams[1],
                "OPENCOUNTER_SERVER_NAME": "localhost",
            }
        ),
        encoding="utf-8",
    )
    error_log = folder / "error.log"
    # Workers would drop to `nobody`, who cannot enter pytest's private temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {error_log} warn;\nevents {{ worker_connections {connections}; }}\n"
        "http {\n"
        + "".join(
            f"    {kind}_temp_path {folder / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    include {site};\n}}\n",
        encoding="utf-8",
    )
    access_log = folder / "access.log"
    with access_log.open("wb") as out:
        process = subprocess.Popen(
            [nginx_command(), "-p", str(folder), "-c", str(main), "-e", str(error_log)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    proxy = Proxy(f"http://127.0.0.1:{port}", process, access_log, error_log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("nginx exited: " + error_log.read_text(errors="replace")[-2000:])
        try:
            if httpx.get(f"{proxy.url}/healthz", timeout=2).status_code == 200:
                return proxy
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proxy.stop()
    raise RuntimeError("nginx did not answer /healthz: " + error_log.read_text(errors="replace"))
