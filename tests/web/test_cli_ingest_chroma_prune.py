"""`opencounter ingest` with Chroma: each build's vectors are a collection set of their own, and
an ingest removes those of builds older than the one it replaces (they would stay on disk for
good), keeps the replaced build's (a running process may still answer from it) and never
touches a collection that is not ours."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from knowledge.embeddings import minilm_available
from knowledge.layout import current_build
from tests.chroma_server import chroma_server
from tests.needs import missing
from web.cli.main import build_cli


def _page(kb: Path, words: str) -> None:
    (kb / "pools.md").write_text(
        f"---\ntitle: Swimming pools\nlang: en\n---\nThe city pools {words}.", encoding="utf-8"
    )


def _ingest(kb: Path) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(build_cli(), ["ingest", str(kb)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _builds_in_chroma(data: Path) -> dict[str, set[str]]:
    from knowledge.chroma_store import persistent_client

    names = [c.name for c in persistent_client(data / "chroma").list_collections()]
    builds: dict[str, set[str]] = {}
    for name in names:
        build, _, lang = name.removeprefix("opencounter-").rpartition("-l-")
        builds.setdefault(build or name, set()).add(lang)
    return builds


def test_ingest_keeps_the_new_and_the_replaced_build_in_chroma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if importlib.util.find_spec("chromadb") is None or not minilm_available():
        missing("needs the 'chroma' and 'embeddings' extras")
    from knowledge.chroma_store import persistent_client

    data, kb = tmp_path / "data", tmp_path / "kb"
    kb.mkdir()
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    monkeypatch.setenv("OPENCOUNTER_VECTOR_STORE", "chroma")
    # Someone else's collection in the same Chroma: never ours to delete.
    persistent_client(data / "chroma").get_or_create_collection("city-archive")

    built = []
    for words in ("open at 7am", "open at 8am", "close on Mondays"):
        _page(kb, words)
        output = _ingest(kb)
        build = current_build(data / "kb")
        assert build is not None
        built.append(build.root.name)
        assert "Vectors loaded into" in output, output
    assert len(set(built)) == 3

    in_chroma = _builds_in_chroma(data)
    assert set(in_chroma) == {built[1], built[2], "city-archive"}, in_chroma
    assert in_chroma[built[2]] == {"en"}
    assert "Removed 1 collections of earlier builds" in output, output

    # Ingesting the same pages again changes nothing and removes nothing.
    again = _ingest(kb)
    assert "Removed" not in again, again
    assert set(_builds_in_chroma(data)) == {built[1], built[2], "city-archive"}


def test_on_a_chroma_server_old_builds_are_named_not_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server may hold another deployment's collections under the same names (a staging copy
    ingesting other pages): ingest says what is stale there and deletes nothing."""
    if importlib.util.find_spec("chromadb") is None or not minilm_available():
        missing("needs the 'chroma' and 'embeddings' extras")
    import chromadb

    server = tmp_path / "server"
    server.mkdir()
    data, kb = tmp_path / "data", tmp_path / "kb"
    kb.mkdir()
    with chroma_server(server) as (host, port):
        monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
        monkeypatch.setenv("OPENCOUNTER_VECTOR_STORE", "chroma_http")
        monkeypatch.setenv("OPENCOUNTER_CHROMA_URL", f"http://{host}:{port}")
        outputs = []
        for words in ("open at 7am", "open at 8am", "close on Mondays"):
            _page(kb, words)
            outputs.append(_ingest(kb))
        client = chromadb.HttpClient(host=host, port=port)
        names = {c.name for c in client.list_collections()}
    assert len(names) == 3, names  # one English collection for each of the three builds
    assert "Removed" not in " ".join(outputs)
    assert "1 collections of other builds are on the Chroma server" in outputs[2], outputs[2]
    assert "another deployment may share the server" in outputs[2]


def test_only_our_collection_names_are_read_as_builds() -> None:
    if importlib.util.find_spec("chromadb") is None:
        missing("needs the 'chroma' extra")
    import chromadb

    from knowledge.chroma_store import prune_builds

    client = chromadb.EphemeralClient()
    for name in (
        "opencounter-old-l-en",
        "opencounter-old-h-70742d4252",  # pt-BR, spelled in hexadecimal
        "opencounter-keep-l-fr",
        "opencounter-notes",  # no language part: not one of ours
        "opencounter-x-h-zz",  # not hexadecimal
        "planning-old-l-en",  # another prefix
    ):
        client.get_or_create_collection(name)
    # On a server only named (another deployment may share it), nothing deleted.
    named = prune_builds(client, "opencounter-", {"keep"}, delete=False)
    assert named == ["opencounter-old-h-70742d4252", "opencounter-old-l-en"]
    assert len(client.list_collections()) == 6
    deleted = prune_builds(client, "opencounter-", {"keep"})
    assert deleted == named
    left = sorted(c.name for c in client.list_collections())
    assert left == [
        "opencounter-keep-l-fr",
        "opencounter-notes",
        "opencounter-x-h-zz",
        "planning-old-l-en",
    ]
