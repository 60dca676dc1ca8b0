from __future__ import annotations

import itertools

from knowledge.chunking import chunk_document, split_sections
from knowledge.documents import SourceDocument


def _doc(body: str, title: str = "Permits") -> SourceDocument:
    return SourceDocument("en/permits", title, "https://x.example", "en", body)


def test_sections_carry_their_heading_path() -> None:
    body = (
        "Intro.\n\n# Permits\n\nTop.\n\n## Who\n\nResidents."
        "\n\n### Proof\n\nA bill.\n\n## Cost\n\n120."
    )
    sections = split_sections(body)
    assert [(s.path, s.text) for s in sections] == [
        ((), "Intro."),
        (("Permits",), "Top."),
        (("Permits", "Who"), "Residents."),
        (("Permits", "Who", "Proof"), "A bill."),
        (("Permits", "Cost"), "120."),
    ]


def test_hash_lines_inside_code_fences_are_not_headings() -> None:
    sections = split_sections("Text\n\n```\n# not a heading\n```\n")
    assert len(sections) == 1
    assert "# not a heading" in sections[0].text


def test_chunks_do_not_straddle_headings_and_drop_the_page_title_from_the_path() -> None:
    chunks = chunk_document(_doc("# Permits\n\nTop.\n\n## Who\n\nResidents."))
    assert [(c.section, c.text) for c in chunks] == [("", "Top."), ("Who", "Residents.")]
    assert [c.chunk_id for c in chunks] == ["en/permits#0", "en/permits#1"]


def test_long_sections_are_split_to_size_with_overlap() -> None:
    # Not "Sentence number {i} is about parking.": 11 of those 200 score over the planted-
    # sentence classifier's threshold (knowledge/planted_sentences/README.md) and are removed.
    sentences = " ".join(f"Paragraph {i} explains the parking rules." for i in range(200))
    chunks = chunk_document(_doc(sentences), size=300, overlap=60)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 for c in chunks)
    # Overlap: the start of each chunk repeats text from the end of the previous one.
    assert all(b.text[:20] in a.text for a, b in itertools.pairwise(chunks))


def test_index_text_puts_title_and_section_before_the_text() -> None:
    chunk = chunk_document(_doc("## Who\n\nResidents."))[0]
    assert chunk.index_text() == "Permits\nWho\nResidents."
