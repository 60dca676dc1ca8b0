"""The disk under the data directory fills up, for real: a small tmpfs, filled by a file.

The citizen is told the disk is full (503, Retry-After, the contacts), nothing half-written is
acknowledged, /readyz says so; with space again the same conversation goes on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import make_settings, services_of
from tests.web.citizens import start_api
from tests.web.faults.disks import fill, tmpfs
from tests.web.faults.views import QUESTION, assert_fault_json
from web.app import create_app


def test_a_full_disk_is_503_naming_it_and_the_conversation_goes_on(
    tmp_path: Path, data_dir: Path
) -> None:
    with tmpfs(tmp_path / "disk", size_mib=16) as disk:
        data = disk / "data"
        shutil.copytree(data_dir, data, symlinks=True)
        settings = make_settings(data, guard_classifier=False)
        with TestClient(create_app(settings)) as client:
            services = services_of(client)
            cid = start_api(client)
            url = f"/api/v1/conversations/{cid}/messages"
            assert client.post(url, json={"text": QUESTION}).status_code == 200
            filler = fill(disk)
            size = services.log_size()
            # Pages SQLite already holds may take a message or two; then it needs new ones.
            answers = [client.post(url, json={"text": QUESTION}) for _ in range(30)]
            ready = client.get("/readyz")
            filler.unlink()
            again = client.post(url, json={"text": QUESTION})
            size_after = services.log_size()
    statuses = [r.status_code for r in answers]
    assert set(statuses) <= {200, 503}, statuses
    assert 503 in statuses, "the disk never filled up"
    refused = answers[statuses.index(503)]
    assert refused.headers["Retry-After"] == "300"
    assert_fault_json(refused.json(), "disk full")
    assert "disk is full" in refused.json()["error"]
    assert ready.status_code == 503 and ready.json()["checks"]["disk"].startswith("disk full")
    # Acknowledged means logged: two entries per 200, none for a 503.
    assert size_after == size + 2 * statuses.count(200) + 2
    assert again.status_code == 200 and again.json()["decision"] == "answer", again.text
