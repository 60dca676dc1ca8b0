"""Extractive answers on the demo pages read as a person would write them, and keep their links.

One question per demo page, written here by hand, goes through the real lexical retriever over
the ingested demo knowledge base and the extractive writer, then through the citation numbering
and the page's link rendering, as a citizen's question does. Every answer must be whole: no
fragment beginning in lower case, no list item without the sentence that leads into it, no
punctuation left dangling where a link was ("at." "at,"), one citation per quoted page, each
page led by its title, within the length limit. Every link in a demo page must survive in
its sentence, shown as its own words and pointing where the page points.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.citation_numbers import CitationNumbering
from bot.extractive import MAX_ANSWER_CHARS, extractive_answer
from bot.grounding.citations import check_answer
from knowledge.chunkstore import read_chunks
from knowledge.ingest import ingest
from knowledge.layout import current_build
from knowledge.search import HybridRetriever, open_retriever
from knowledge.types import Passage
from tests.conftest import DEMO_KB
from web.http.kb_links import with_links

QUESTIONS = {
    "en/accessible-services": "Can I get a free interpreter for an appointment?",
    "en/birth-registration": "What do I need to bring to register a birth?",
    "en/blue-badge": "What do I need to apply for a Blue Badge?",
    "en/bulky-waste": "How do I book a bulky waste collection?",
    "en/business-licence": "How do I apply for a business licence?",
    "en/change-of-address": "What will I need for the Moving Home form?",
    "en/complaints": "How do I make a complaint to the council?",
    "en/contact-us": "What are the Town Hall opening hours?",
    "en/council-tax": "Can I pay council tax by direct debit?",
    "en/death-registration": "Who can register a death?",
    "en/dogs-animal-welfare": "Do I need a licence for my dog?",
    "en/homelessness": "I have nowhere to sleep tonight, what can I do?",
    "en/housing-benefit": "How do I apply for Housing Benefit?",
    "en/libraries": "How do I join the library?",
    "en/marriage-civil-partnership": "Which documents do I bring to the notice appointment?",
    "en/noise-complaints": "How do I report noise from my neighbours?",
    "en/online-assistant": "Am I talking to a real person or a bot?",
    "en/parking-fines": "How do I pay a parking fine?",
    "en/parking-permits": "How do I get a visitor parking permit?",
    "en/pest-control": "How do I book pest control?",
    "en/planning-permission": "Do I need planning permission for an extension?",
    "en/register-to-vote": "How do I register to vote?",
    "en/school-enrolment": "How do I apply for a secondary school place?",
    "en/school-transport": "Can my child get free school transport?",
    "en/social-housing": "Who can join the Housing Register?",
    "en/sports-centres": "How much does a swimming session cost at the sports centre?",
    "en/street-repairs": "How do I report a pothole?",
    "en/street-trading": "How do I rent a market stall?",
    "en/waste-collection": "When are my bins emptied?",
    "en/youth-services": "Where are the youth centres?",
    "fr/aide-logement": "Comment faire une demande de logement social ?",
    "fr/assistant-en-ligne": "Est-ce que je parle à une vraie personne ou à un robot ?",
    "fr/carte-bibliotheque": "Comment m'inscrire à la bibliothèque ?",
    "fr/carte-stationnement-resident": "Quelles pièces fournir pour la carte de stationnement "
    "résident ?",
    "fr/changement-adresse": "Que faut-il pour déclarer un changement d'adresse ?",
    "fr/collecte-dechets": "Quand sont collectés les bacs de déchets ?",
    "fr/contact": "Quels sont les horaires d'ouverture de l'hôtel de ville ?",
    "fr/declaration-naissance": "Quels documents apporter pour déclarer une naissance ?",
    "fr/inscription-scolaire": "Comment faire la demande d'inscription scolaire ?",
    "fr/licence-commerciale": "Comment faire la demande de licence commerciale ?",
    "fr/reclamations": "Comment faire une réclamation ?",
    "fr/taxe-locale": "Comment payer la taxe locale ?",
}

# Where a link was and nothing took its place: "at." "at," "sur ." "see ()".
DANGLING = re.compile(
    r"\b(?:at|see|via|sur|à|voir|consultez)\s*[.,;:)]|\s[.,)]|\(\s*\)",
    re.IGNORECASE,
)
MARKER = re.compile(r"\[(\d+)\]")
TOKEN = re.compile(r"\[link \d+\.\d+\]")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
BARE_URL = re.compile(r"https?://[^\s)<>\]]*[^\s)<>\].,;:]")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo knowledge base, ingested without vectors: BM25 alone, as French is ranked."""
    index = tmp_path_factory.mktemp("demo-lexical") / "kb"
    report = ingest(DEMO_KB, index)
    assert not report.failed, report.failed
    return index


@pytest.fixture(scope="module")
def retriever(index_dir: Path) -> HybridRetriever:
    return open_retriever(index_dir)


def test_every_demo_page_has_a_question() -> None:
    pages = {f"{p.parent.name}/{p.stem}" for p in DEMO_KB.glob("*/*.md")}
    assert pages == set(QUESTIONS)


class _Text(HTMLParser):
    """The words a reader sees, and the links, from the rendered answer."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_endtag(self, tag: str) -> None:
        self._href = None

    def handle_data(self, data: str) -> None:
        self.words.append(data)
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)


def rendered(text: str, passages: list[Passage]) -> tuple[str, str, _Text]:
    """The answer as the engine stores it (renumbered) and as the page shows it."""
    numbering = CitationNumbering(passages)
    stored = numbering.renumber(text)
    html = str(with_links(stored, numbering.citations))
    page = _Text()
    page.feed(html)
    return stored, "".join(page.words), page


def problems_in(answer_text: str, titles: set[str]) -> list[str]:
    found: list[str] = []
    blocks = answer_text.split("\n\n")
    markers = MARKER.findall(answer_text)
    if len(markers) != len(blocks) or len(set(markers)) != len(markers):
        found.append(f"{len(markers)} citations for {len(blocks)} quoted pages: {markers}")
    for block in blocks:
        title, _, quote = block.partition("\n")
        if title not in titles:
            found.append(f"not led by its page's title: {title!r}")
        if not MARKER.search(quote.rstrip()[-6:]):
            found.append(f"the citation is not at the end of the quote: {quote[-40:]!r}")
        if len(MARKER.findall(quote)) != 1:
            found.append(f"more than one citation in one page's quote: {quote!r}")
        lines = quote.splitlines()
        for n, line in enumerate(lines):
            if line.startswith("- "):
                lead = next((x for x in reversed(lines[:n]) if not x.startswith("- ")), "")
                if not lead.endswith(":"):
                    found.append(f"a list item without its lead-in: {line!r}")
                continue
            for sentence in re.split(r"(?<=[.!?])\s+", MARKER.sub("", line).strip()):
                if sentence and sentence[0].islower():
                    found.append(f"a fragment starting in lower case: {sentence!r}")
    return found


@pytest.mark.parametrize("doc_id", sorted(QUESTIONS))
def test_the_answer_to_a_question_on_each_demo_page_reads_whole(
    retriever: HybridRetriever, doc_id: str
) -> None:
    question = QUESTIONS[doc_id]
    result = retriever.retrieve(question, lang=doc_id[:2], k=5)
    assert result.passages and result.passages[0].doc_id == doc_id, [
        p.doc_id for p in result.passages
    ]
    passages = list(result.passages)
    answer = extractive_answer(question, passages)
    assert answer.quoted, "nothing quoted"
    stored, shown, page = rendered(answer.text, passages)
    assert len(answer.text) <= MAX_ANSWER_CHARS
    assert TOKEN.search(shown) is None, shown
    assert problems_in(stored, {p.title for p in passages}) == [], stored
    assert DANGLING.search(shown) is None, shown
    if doc_id.startswith("en/"):
        # English sets no space before a colon or semicolon (French does).
        assert re.search(r"\s[;:]", shown) is None, shown
    assert all(href.startswith("https://") and text for href, text in page.links), page.links
    # Quoted, so every sentence is supported by the page it cites, as the citation check reads.
    report = check_answer(answer.text, passages)
    assert report.passed, report.problems()


def _pages_with_links() -> list[Path]:
    return sorted(
        p
        for p in DEMO_KB.glob("*/*.md")
        if MARKDOWN_LINK.search(p.read_text()) or BARE_URL.search(p.read_text().split("---")[2])
    )


@pytest.mark.parametrize("page", _pages_with_links(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_link_in_a_demo_page_survives_in_its_sentence(index_dir: Path, page: Path) -> None:
    """Each sentence that holds a link, asked about in its own words, is quoted whole."""
    doc_id = f"{page.parent.name}/{page.stem}"
    build = current_build(index_dir)
    assert build is not None
    chunks = [c for c in read_chunks(build.chunks) if c.doc_id == doc_id]
    checked = 0
    for chunk in chunks:
        passage = Passage(
            chunk.chunk_id,
            chunk.doc_id,
            chunk.title,
            chunk.url,
            chunk.lang,
            chunk.text,
            chunk.section,
        )
        for url, words in _links(chunk.text):
            sentence = _sentence_around(chunk.text, url)
            # Asked in the sentence's own words (without the address), as a citizen might.
            question = BARE_URL.sub("", MARKDOWN_LINK.sub(r"\1", sentence))
            answer = extractive_answer(question, [passage], sentences_per_passage=1)
            _, shown, rendered_page = rendered(answer.text, [passage])
            assert (url, words or url.removeprefix("https://")) in rendered_page.links, (
                sentence,
                shown,
            )
            expected = " ".join(
                BARE_URL.sub(
                    lambda m: m.group(0).removeprefix("https://"), _plain(sentence)
                ).split()
            )
            assert expected in " ".join(shown.split()), (expected, shown)
            assert DANGLING.search(shown) is None, shown
            checked += 1
    assert checked, f"no link of {doc_id} was checked"


def _links(text: str) -> list[tuple[str, str]]:
    found = [(m.group(2), m.group(1)) for m in MARKDOWN_LINK.finditer(text)]
    bare = BARE_URL.findall(MARKDOWN_LINK.sub("", text))
    return found + [(url, "") for url in bare]


def _plain(text: str) -> str:
    return MARKDOWN_LINK.sub(r"\1", text).replace("**", "").lstrip("-* ")


def _sentence_around(text: str, url: str) -> str:
    """The sentence (or list item, or table row as the writer reads it) holding `url`."""
    for line in text.splitlines():
        if url in line:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if line.strip().startswith("|"):
                return f"{cells[0]}: {'; '.join(cells[1:])}."
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.replace("**", "").strip()):
                if url in sentence:
                    return sentence
    raise AssertionError(f"{url} not found")
