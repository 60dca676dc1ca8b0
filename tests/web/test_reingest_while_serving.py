"""A running app answers from the knowledge base as last ingested, not as it was at start.

`opencounter ingest` switches the index's CURRENT build while `serve` runs (the compose file's
ingest service does it beside the app replicas); the app loaded the old build at its first
question and kept it until a restart, so a page added or corrected was not answered from.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from knowledge.embeddings import default_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from tests.conftest import DEMO_KB, make_settings
from tests.web.citizens import ask_api
from web.app import create_app

QUESTION = "When does the zebra crossing festival take place?"
PAGE = """---
title: Zebra crossing festival
url: https://www.exampleton.example/en/zebra-festival
lang: en
---
# Zebra crossing festival

The zebra crossing festival takes place on the first Saturday of June in Market Square, from
10:00 to 18:00. Entry is free and the square is closed to cars for the day.
"""


def test_a_page_ingested_while_the_app_runs_is_answered_from(
    data_dir: Path, tmp_path: Path
) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(DEMO_KB, pages)
    settings = make_settings(data_dir, kb_recheck_s=0.0)
    with TestClient(create_app(settings)) as client:
        before = ask_api(client, QUESTION)
        assert before["decision"] == "refuse", before
        (pages / "en" / "zebra-festival.md").write_text(PAGE, encoding="utf-8")
        report = ingest(
            pages,
            settings.kb_index_dir,
            embedder=default_embedder(),
            embed_languages=FusionWeights().dense_languages(),
        )
        assert not report.failed
        after = ask_api(client, QUESTION)
    assert after["decision"] == "answer", after
    assert "first Saturday of June" in str(after["text"])
