"""`opencounter eval retrieval --report` on the demo knowledge base, and its question file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DEMO_KB
from tests.html_reports import assert_only_our_markup, xss_payloads
from web.cli.eval_retrieval import eval_index_dir
from web.cli.main import build_cli

runner = CliRunner(env={"COLUMNS": "200"})  # rich wraps and trims at 80

HOSTILE = "<script>alert(1)</script> when are the bins collected"


def _run(tmp_path: Path, questions: Path, *extra: str) -> tuple[int, str]:
    args = ["eval", "retrieval", "--kb", str(DEMO_KB), "--questions", str(questions)]
    args += ["--rows", str(tmp_path / "rows.jsonl"), "--data-dir", str(tmp_path / "data")]
    result = runner.invoke(build_cli(), [*args, *extra])
    return result.exit_code, result.output


def test_report_has_the_figures_the_charts_and_the_misses(tmp_path: Path, demo_index: Path) -> None:
    # Start from the session's demo index: the command then finds every page unchanged.
    shutil.copytree(demo_index, eval_index_dir(DEMO_KB, tmp_path / "data", lexical=False))
    lines = [
        {
            "id": "permit",
            "question": "How do I apply for a resident parking permit?",
            "lang": "en",
            "category": "parking",
            "sources": ["en/parking-permits"],
        },
        # Labelled with a page that does not answer it: a miss, shown with its question.
        {
            "id": "hostile",
            "question": HOSTILE,
            "lang": "en",
            "category": "waste <b>bold</b> [/b]",
            "sources": ["en/parking-permits"],
        },
    ]
    questions = tmp_path / "ours.jsonl"
    questions.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    report = tmp_path / "out" / "report.html"

    code, output = _run(tmp_path, questions, "--report", str(report))

    assert code == 0, output
    rows = {
        r["id"]: r["retrieved"]
        for r in map(json.loads, (tmp_path / "rows.jsonl").read_text().splitlines())
    }
    assert rows["permit"][0] == "en/parking-permits"
    assert "en/parking-permits" not in rows["hostile"][:1]
    html = report.read_text(encoding="utf-8")
    # The overall line: 2 questions, 2 scored, R@1 0.500 (one of two ranked first).
    assert re.search(
        r'<td>all</td><td class="n">2</td><td class="n">2</td>\s*'
        r'<td class="n">0\.500</td>',
        html,
    )
    assert re.search(
        r'<td>parking</td><td class="n">1</td><td class="n">1</td>\s*'
        r'<td class="n">1\.000</td>',
        html,
    )
    assert "R@1, R@5 and MRR per category" in html and "<svg" in html
    # The hostile question and category are escaped wherever they appear.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "<b>bold" not in html
    assert "waste &lt;b&gt;bold&lt;/b&gt; [/b]" in html
    # Rich markup in a question file is printed as it is, never read as markup.
    assert "waste <b>bold</b> [/b]" in output
    # The miss lists the pages retrieved with their title, doc id and rank.
    first = rows["hostile"][0]
    assert re.search(
        rf'<td class="n">1</td>\s*<td>[^<]+</td><td><code>{re.escape(first)}</code>', html
    )
    assert "Misses (1)" in html
    # Self-contained: nothing is fetched from elsewhere.
    assert not re.search(r"\b(src|href)=", html)


def test_a_malformed_line_exits_2_naming_the_line_and_field(tmp_path: Path) -> None:
    questions = tmp_path / "ours.jsonl"
    good = {"id": "a", "question": "parking permit", "sources": ["en/parking-permits"]}
    bad = {"id": "b", "text": "parking permit"}
    questions.write_text(f"{json.dumps(good)}\n\n{json.dumps(bad)}\n", encoding="utf-8")
    code, output = _run(tmp_path, questions, "--lexical-only")
    assert code == 2
    assert "ours.jsonl:3" in output and "field 'question' is missing" in output
    assert "Traceback" not in output

    questions.write_text(json.dumps({**good, "sources": "en/parking-permits"}) + "\n")
    code, output = _run(tmp_path, questions, "--lexical-only")
    assert code == 2
    assert "ours.jsonl:1" in output and "field 'sources'" in output

    questions.write_text(f"{json.dumps(good)}\n{json.dumps(good)}\n")
    code, output = _run(tmp_path, questions, "--lexical-only")
    assert code == 2
    assert "ours.jsonl:2" in output and "field 'id' repeats 'a' of line 1" in output


def test_every_xss_payload_is_inert_in_the_html_report(tmp_path: Path, demo_index: Path) -> None:
    # Each payload of the XSS corpus as a question and as a category; `--html` names the file.
    shutil.copytree(demo_index, eval_index_dir(DEMO_KB, tmp_path / "data", lexical=False))
    payloads = xss_payloads()
    lines = [
        {
            "id": f"x{i}",
            "question": f"parking permit {text}",
            "lang": "en",
            "category": text[:40],
            "sources": ["en/no-such-page"],
        }
        for i, text in enumerate(payloads[:60])
    ]
    questions = tmp_path / "hostile.jsonl"
    questions.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    report = tmp_path / "report.html"

    code, output = _run(tmp_path, questions, "--html", str(report))

    assert code == 0, output
    html = report.read_text(encoding="utf-8")
    assert f"Misses ({len(lines)})" in html
    # No markup but ours: the page's own tags only, no event handler, link or source.
    assert_only_our_markup(html)


def test_the_eval_searches_the_vectors_where_serve_does(
    tmp_path: Path, demo_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # serve's setting: a language of this many vectors or more is searched on the graph.
    monkeypatch.setenv("OPENCOUNTER_ANN_MIN_VECTORS", "20")
    shutil.copytree(demo_index, eval_index_dir(DEMO_KB, tmp_path / "data", lexical=False))
    good = {
        "id": "a",
        "question": "parking permit",
        "lang": "en",
        "sources": ["en/parking-permits"],
    }
    questions = tmp_path / "ours.jsonl"
    questions.write_text(json.dumps(good) + "\n", encoding="utf-8")
    report = tmp_path / "report.html"

    code, output = _run(tmp_path, questions, "--report", str(report))
    assert code == 0, output
    assert "faiss HNSW-SQ8" in output and "the approximate index for en" in output
    assert "the approximate index for en" in report.read_text(encoding="utf-8")

    code, output = _run(tmp_path, questions, "--exact")
    assert code == 0, output
    assert "exact scan at every size: --exact" in output and "approximate index for" not in output
