"""Retrieval as configured: the Ollama embedder, Chroma as the vector store, and the kb_version
that every answer and refusal logs."""

from __future__ import annotations

import importlib.util
import re
import zlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from knowledge.embeddings import minilm_available
from knowledge.versions import current_version
from tests.conftest import DEMO_KB, make_settings, services_of
from tests.fakes.ollama_server import start_fake_ollama
from tests.needs import missing
from tests.web.citizens import start_api
from web.app import create_app
from web.bootstrap.adapters import WARM_UP_QUESTION
from web.cli.main import build_cli

QUESTION = "How do I apply for a resident parking permit?"


def ask(client: TestClient, text: str) -> tuple[str, dict[str, object]]:
    cid = start_api(client, "en")
    r = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": text})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return cid, body


def _doc_ids(body: dict[str, object]) -> list[str]:
    citations = body["citations"]
    assert isinstance(citations, list)
    return [str(c["doc_id"]) for c in citations]


def word_hash(text: str) -> list[float]:
    """A stand-in embedding model that ranks by shared words: 64 buckets of word counts."""
    vector = [0.0] * 64
    for word in re.findall(r"\w+", text.lower()):
        vector[zlib.crc32(word.encode()) % 64] += 1.0
    return vector


def test_ollama_embedder_is_used_to_ingest_and_to_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with start_fake_ollama() as ollama:
        ollama.behaviour.embedding = word_hash
        monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
        monkeypatch.setenv("OPENCOUNTER_EMBEDDER", "ollama")
        monkeypatch.setenv("OPENCOUNTER_OLLAMA_URL", ollama.base_url)
        monkeypatch.setenv("OPENCOUNTER_OLLAMA_EMBED_MODEL", "fake-embed")
        result = CliRunner().invoke(build_cli(), ["ingest", str(DEMO_KB)])
        assert result.exit_code == 0, result.output
        assert "ollama:fake-embed" in result.output
        ingested = [r for r in ollama.requests if r["path"] == "/api/embed"]
        assert ingested and all(r["model"] == "fake-embed" for r in ingested)

        settings = make_settings(
            data, embedder="ollama", ollama_url=ollama.base_url, ollama_embed_model="fake-embed"
        )
        with TestClient(create_app(settings)) as client:
            notes = " ".join(services_of(client).startup_notes)
            _, body = ask(client, QUESTION)
        asked = [r for r in ollama.requests if r["path"] == "/api/embed"][len(ingested) :]
    assert "hybrid BM25 + ollama:fake-embed" in notes, notes
    # Start-up searches each of the index's languages once (the embedder's model is then loaded
    # before /readyz, not on a citizen's first message); the citizen's question is embedded once.
    assert [r["input"] for r in asked] == [[WARM_UP_QUESTION]] * 2 + [[QUESTION]]
    assert body["decision"] == "answer", body
    assert "en/parking-permits" in _doc_ids(body)


def test_note_says_lexical_when_the_index_has_no_vectors_for_the_embedder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    assert (
        CliRunner().invoke(build_cli(), ["ingest", str(DEMO_KB), "--lexical-only"]).exit_code == 0
    )
    settings = make_settings(data, embedder="ollama", ollama_url="http://127.0.0.1:9")
    with TestClient(create_app(settings)) as client:
        notes = " ".join(services_of(client).startup_notes)
        _, body = ask(client, QUESTION)
    assert "BM25 only: the index holds no vectors (lexical-only ingest)" in notes, notes
    assert body["decision"] == "answer"


def test_the_app_answers_with_chroma_as_the_vector_store(data_dir: Path) -> None:
    if importlib.util.find_spec("chromadb") is None or not minilm_available():
        missing("needs the 'chroma' and 'embeddings' extras")
    settings = make_settings(data_dir, vector_store="chroma")
    with TestClient(create_app(settings)) as client:
        notes = " ".join(services_of(client).startup_notes)
        _, body = ask(client, QUESTION)
    assert f"vectors searched Chroma in {data_dir / 'chroma'}" in notes, notes
    assert body["decision"] == "answer", body
    assert "en/parking-permits" in _doc_ids(body)
    assert any((data_dir / "chroma").iterdir()), "Chroma stored the collection"


def test_an_unreachable_chroma_server_refuses_and_readiness_says_why(data_dir: Path) -> None:
    settings = make_settings(data_dir, vector_store="chroma_http", chroma_url="http://127.0.0.1:9")
    with TestClient(create_app(settings)) as client:
        _, body = ask(client, QUESTION)
        ready = client.get("/readyz")
    assert body["decision"] == "refuse" and body["reason"] == "kb.unavailable", body
    # Degraded, not down: the bot still refuses safely and logs it (README, "Operations").
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert "vector store" in ready.json()["checks"]["knowledge_base"]
    assert ready.json()["checks"]["vector_store"] == ready.json()["checks"]["knowledge_base"]


def test_answers_and_refusals_log_the_served_kb_version(data_dir: Path) -> None:
    served = current_version(data_dir / "kb")
    assert served is not None
    # Rules only: the intent classifier would refuse the football question before retrieval.
    settings = make_settings(data_dir).model_copy(update={"guard_classifier": False})
    with TestClient(create_app(settings)) as client:
        services = services_of(client)
        answered, body = ask(client, QUESTION)
        assert body["decision"] == "answer"
        refused, body = ask(client, "Who won the football world cup in 1966?")
        assert body["decision"] == "refuse"
        entries = [
            e
            for cid in (answered, refused)
            for e in services.conversation_entries(cid)
            if e["type"] in {"answer", "refusal"}
        ]
    assert [e["type"] for e in entries] == ["answer", "refusal"]
    assert [e["kb_version"] for e in entries] == [served.id, served.id]
    assert services.kb_version() == served.id


def test_note_says_when_the_index_has_no_page_vectors_from_the_page_ranker(
    tmp_path: Path, data_dir: Path
) -> None:
    from knowledge.embeddings import default_embedder, default_page_embedder
    from knowledge.ingest import ingest

    if default_page_embedder() is None or not minilm_available():
        missing("the e5 model is not built: run `make install`")
    with TestClient(create_app(make_settings(data_dir))) as client:
        built_with_it = " ".join(services_of(client).startup_notes)
    assert "pages ranked by their openings with multilingual-e5" in built_with_it, built_with_it
    # Ingested before `make install` built the model: MiniLM's page vectors only.
    older = tmp_path / "older"
    ingest(DEMO_KB, older / "kb", embedder=default_embedder(), embed_languages={"en"})
    with TestClient(create_app(make_settings(older))) as client:
        notes = " ".join(services_of(client).startup_notes)
        _, body = ask(client, QUESTION)
    assert "no page ranking: the index holds no page vectors from multilingual-e5" in notes
    assert "run `opencounter ingest` again" in notes, notes
    assert body["decision"] == "answer", body


def test_ingest_embeds_the_chunks_with_e5_only_when_e5_ranks_the_pages(
    tmp_path: Path,
) -> None:
    from knowledge.embeddings import default_page_embedder
    from web.bootstrap.adapters import choose_embedder

    auto = choose_embedder(make_settings(tmp_path))
    e5 = default_page_embedder()
    if e5 is None or not minilm_available():
        assert auto.passage_embedder is None  # no e5: French chunks have no vector, as before
        assert auto.embed_languages == frozenset({"en"})  # and MiniLM embeds the English ones
        missing("the e5 model is not built: run `make install`")
    # By default MiniLM embeds the English chunks and e5 the others' (OPENCOUNTER_ENGLISH_CHUNKS
    # =minilm: e5's English answer confidence does not yet hold on a small knowledge base).
    assert auto.passage_embedder is e5 and auto.page_embedder is e5
    assert auto.embed_languages == frozenset({"en"})
    assert "the chunks of every language but English by its passage vectors" in auto.page_note
    # With OPENCOUNTER_ENGLISH_CHUNKS=e5, e5 embeds every language's chunks: MiniLM none.
    e5_english = choose_embedder(make_settings(tmp_path, english_chunks="e5"))
    assert e5_english.embed_languages == frozenset() and e5_english.passage_embedder is e5
    assert "the chunks of every language by its passage vectors" in e5_english.page_note
    nowhere = choose_embedder(make_settings(tmp_path, e5_dir=tmp_path / "no-e5"))
    assert nowhere.page_embedder is None and nowhere.passage_embedder is None
    assert nowhere.embed_languages == frozenset({"en"})
    assert choose_embedder(make_settings(tmp_path, embedder="none")).passage_embedder is None
    ollama = choose_embedder(
        make_settings(tmp_path, embedder="ollama", ollama_url="http://127.0.0.1:9")
    )
    assert ollama.passage_embedder is None and ollama.page_embedder is None
    ollama.close()


def test_an_index_without_e5_chunk_vectors_is_named_with_the_command_to_fix_it(
    tmp_path: Path, data_dir: Path
) -> None:
    import json

    from knowledge.embeddings import default_embedder, default_page_embedder
    from knowledge.ingest import ingest
    from knowledge.layout import current_build

    e5 = default_page_embedder()
    if e5 is None or not minilm_available():
        missing("the e5 model is not built: run `make install`")
    with TestClient(create_app(make_settings(data_dir))) as client:
        notes = " ".join(services_of(client).startup_notes)
        ready = client.get("/readyz").json()
    # The default (OPENCOUNTER_ENGLISH_CHUNKS=minilm): MiniLM's English chunks are not stale.
    assert "the chunks of every language but English by its passage vectors" in notes, notes
    minilm = default_embedder()
    assert minilm is not None
    assert f"hybrid BM25 + {minilm.name}" in notes, notes
    assert "chunk vectors for" not in notes and ready["checks"]["chunk_vectors"] == "ok"
    # Ingested before English chunks got e5 vectors: English holds MiniLM's, French e5's.
    older = tmp_path / "older"
    ingest(
        DEMO_KB,
        older / "kb",
        embedder=minilm,
        embed_languages={"en"},
        page_embedder=e5,
        passage_embedder=e5,
    )
    with TestClient(create_app(make_settings(older, english_chunks="e5"))) as client:
        notes = " ".join(services_of(client).startup_notes)
        ready = client.get("/readyz")
        _, body = ask(client, QUESTION)
    assert "the index holds no multilingual-e5" in notes and "chunk vectors for en" in notes, notes
    assert "run `opencounter ingest` again to embed them" in notes, notes
    checks = ready.json()["checks"]
    assert checks["chunk_vectors"].startswith("stale: the index holds no multilingual-e5"), checks
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert body["decision"] == "answer", body  # English: searched with MiniLM, as before
    # The same with the default OPENCOUNTER_ENGLISH_CHUNKS=minilm: nothing is stale.
    with TestClient(create_app(make_settings(older))) as client:
        notes = " ".join(services_of(client).startup_notes)
        ready = client.get("/readyz")
    assert "chunk vectors for" not in notes and ready.json()["checks"]["chunk_vectors"] == "ok"
    # Ingested before French chunks got e5 vectors too: the meta records no model per language.
    oldest = tmp_path / "oldest"
    ingest(DEMO_KB, oldest / "kb", embedder=minilm, embed_languages={"en"}, page_embedder=e5)
    build = current_build(oldest / "kb")
    assert build is not None
    meta = json.loads(build.meta.read_text("utf-8"))
    del meta["chunk_models"]
    build.meta.write_text(json.dumps(meta), "utf-8")
    with TestClient(create_app(make_settings(oldest, english_chunks="e5"))) as client:
        notes = " ".join(services_of(client).startup_notes)
        _, body = ask(client, QUESTION)
    assert "chunk vectors for en, fr" in notes, notes
    assert body["decision"] == "answer", body


def test_serve_searches_a_large_languages_page_openings_on_the_approximate_index(
    data_dir: Path,
) -> None:
    # OPENCOUNTER_ANN_MIN_VECTORS decides the page openings' index as it does the chunks': at
    # 10, the demo's languages (30 English pages, 12 French) are searched on faiss, re-scored
    # exactly, and a question gets the same answer as on the exact scan.
    from tests.conftest import without_opencounter_env
    from web.bootstrap import build_services
    from web.bootstrap.adapters import ReopeningRetriever

    answers: dict[int, tuple[list[str], float]] = {}
    for threshold in (10, 50_000):
        with pytest.MonkeyPatch.context() as patch:
            without_opencounter_env(patch)
            settings = make_settings(data_dir, ann_min_vectors=threshold)
            services = build_services(settings, hooks_enabled=False)
        try:
            retriever = services.retriever
            assert isinstance(retriever, ReopeningRetriever)
            opened = retriever._open()
            assert opened.page_ranker is not None  # ingest embeds every page's opening
            languages = opened.approximate_page_languages
            assert languages == (["en", "fr"] if threshold == 10 else [])
            result = retriever.retrieve(QUESTION, lang="en")
            answers[threshold] = ([p.doc_id for p in result.passages], result.confidence)
        finally:
            services.close()
    assert answers[10] == answers[50_000]
