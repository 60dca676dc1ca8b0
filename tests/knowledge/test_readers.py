from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.documents import UnreadableDocument
from knowledge.readers import read_file


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica, built by hand per ISO 32000-1 (7.5)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PAGE_HTML = """<!doctype html>
<html lang="fr"><head><title>Piscines municipales</title>
<link rel="canonical" href="https://ville.example/piscines"></head>
<body><nav><a href="/">Accueil</a> <a href="/menu">Menu du site</a></nav>
<main><article><h1>Piscines municipales</h1>
<p>Les piscines municipales sont ouvertes tous les jours de 7 heures à 21 heures,
sauf le lundi matin réservé aux écoles de la ville et aux clubs sportifs.</p>
<h2>Tarifs</h2>
<p>L'entrée coûte 3 euros pour les adultes et 1,50 euro pour les enfants de moins de 12 ans.
Un abonnement de dix entrées est proposé à 25 euros à l'accueil de chaque piscine.</p>
</article></main><footer>Mentions légales</footer></body></html>
"""


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    path = tmp_path / "en" / "bins.md"
    path.write_text('---\ntitle: "Bins"\nurl: "https://x/bins"\nowner: Waste\n---\nTuesday.\n')
    doc = read_file(path, tmp_path)
    assert (doc.doc_id, doc.title, doc.url, doc.lang, doc.owner) == (
        "en/bins",
        "Bins",
        "https://x/bins",
        "en",
        "Waste",
    )


def test_markdown_without_front_matter_takes_title_from_h1_and_guesses_language(
    tmp_path: Path,
) -> None:
    path = tmp_path / "horaires.md"
    path.write_text("# Horaires de la mairie\n\nLa mairie est ouverte du lundi au vendredi.\n")
    doc = read_file(path, tmp_path)
    assert (doc.doc_id, doc.title, doc.lang) == ("horaires", "Horaires de la mairie", "fr")


def test_text_file_title_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "opening-hours.txt"
    path.write_text("The town hall is open from Monday to Friday.")
    doc = read_file(path, tmp_path)
    assert (doc.title, doc.lang) == ("Opening hours", "en")


def test_html_main_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "piscines.html"
    path.write_text(PAGE_HTML, encoding="utf-8")
    doc = read_file(path, tmp_path)
    assert doc.title == "Piscines municipales"
    assert doc.url == "https://ville.example/piscines"
    assert doc.lang == "fr"
    assert "3 euros pour les adultes" in doc.body
    assert "## Tarifs" in doc.body
    assert "Menu du site" not in doc.body


def test_pdf_text(tmp_path: Path) -> None:
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(minimal_pdf("Recycling centres open on Saturdays from 9am."))
    doc = read_file(path, tmp_path)
    assert "Recycling centres open on Saturdays" in doc.body
    assert (doc.doc_id, doc.title) == ("leaflet", "Leaflet")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("blank.pdf", minimal_pdf(""), "no extractable text"),
        ("empty.html", b"<html><body></body></html>", "no main text"),
        ("empty.txt", b"   \n", "no text"),
        ("image.png", b"\x89PNG", "unsupported file type .png"),
    ],
)
def test_unreadable_files_say_why(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=reason):
        read_file(path, tmp_path)
