"""The confidence's coverage counts what a question asks about, not the words it is asked with.

On a small site's pages, a word no page holds weighs as the rarest term there is: "c'est quoi au
juste", "could you tell me", "je voudrais savoir" then outweighed the words the page does hold,
and a question the page answers word for word was refused as not covered for being polite
(hol12's French in-scope questions, 4 December 2026). Verbs that can carry what is asked
("faire croire", "sans le dire", "tell anyone") are not asking words. When BM25 ranks alone the coverage is the
whole confidence, and it counts only the subject's words; the asking words stay in the BM25
ranking and in the hybrid confidence (calibrated with them, its cosine reads the question); a word
of the subject that no page holds still lowers the coverage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.embeddings import Embedder
from knowledge.ingest import ingest
from knowledge.languages import Analyzer
from knowledge.lexical import LexicalIndex
from knowledge.search import open_retriever

PAGES = [
    ("Treating a hornet colony in a loft costs £70, with a second colony at £20.", "en"),
    ("Allotment plots are let for a year; the rent is £45 and water is included.", "en"),
    ("Street lamps are checked every night by the lighting team.", "en"),
    ("Le composteur de jardin coûte 18 £ et il est livré en deux semaines.", "fr"),
    ("Les jardins familiaux se louent à l'année ; l'eau est comprise dans le loyer.", "fr"),
    ("Les lampadaires sont vérifiés chaque nuit par l'équipe de l'éclairage.", "fr"),
]


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    return LexicalIndex.build([t for t, _ in PAGES], [lang for _, lang in PAGES])


@pytest.mark.parametrize(
    ("question", "passage", "lang"),
    [
        (
            "Hello there, what would treating a hornet colony cost, please?",
            PAGES[0][0],
            "en",
        ),
        ("hey so how much is the rent on an allotment plot?? cheers", PAGES[1][0], "en"),
        (
            "Bonjour, combien coûte le composteur de jardin, s'il vous plaît ? Merci",
            PAGES[3][0],
            "fr",
        ),
        ("Salut, c'est quoi au juste le loyer des jardins familiaux, svp ?", PAGES[4][0], "fr"),
    ],
)
def test_the_words_a_question_is_asked_with_do_not_lower_its_coverage(
    index: LexicalIndex, question: str, passage: str, lang: str
) -> None:
    assert index.coverage(question, passage, lang, subject_only=True) == pytest.approx(1.0)
    # Every term counted, as the hybrid confidence counts them: the asking words weigh.
    assert index.coverage(question, passage, lang) < 0.7


@pytest.mark.parametrize(
    ("question", "passage", "lang"),
    [
        ("Could you say what treating a hornet colony on a boat costs?", PAGES[0][0], "en"),
        ("hey so how much is the rent on a canal mooring?? cheers", PAGES[1][0], "en"),
        ("Pourriez-vous indiquer combien coûte un composteur de bateau ?", PAGES[3][0], "fr"),
        ("C'est quoi au juste le loyer d'un anneau au port de plaisance ?", PAGES[4][0], "fr"),
    ],
)
def test_a_subject_word_no_page_holds_still_lowers_the_coverage(
    index: LexicalIndex, question: str, passage: str, lang: str
) -> None:
    assert index.coverage(question, passage, lang, subject_only=True) < 0.7


def test_a_question_of_asking_words_only_is_scored_on_all_its_words(index: LexicalIndex) -> None:
    # Nothing left to look for: the words as they are, not a full coverage of nothing.
    assert index.coverage("what can you do for me?", PAGES[2][0], "en", subject_only=True) < 0.5
    assert index.coverage("tu peux faire quoi ?", PAGES[5][0], "fr", subject_only=True) < 0.5


def test_bm25_keeps_the_asking_words_and_content_terms_drop_them() -> None:
    english, french = Analyzer("en"), Analyzer("fr")
    assert "how" in english.terms("how do I book")
    assert english.content_terms("How do I book?") == ["book"]
    assert french.content_terms("C'est quoi, là, ça ? Comment je réserve ?") == ["reserv"]
    # A verb that can carry what is asked stays: "sans le dire", "nobody would know".
    assert french.content_terms("Je peux le garder sans le dire ?") == french.terms(
        "garder sans dire"
    )
    assert english.content_terms("Would anyone know?") == english.terms("know")
    # An accented word that folds onto a stop word is not an asking word: "né" stays.
    assert french.content_terms("Mon fils est né où ?") == french.terms("fils né")


ASKED = "Hello, what exactly does the permit cost, please?"


def test_ranked_by_bm25_alone_the_confidence_counts_the_subject_only(
    tmp_path: Path, kb: Path
) -> None:
    ingest(kb, tmp_path / "index")
    lexical = open_retriever(tmp_path / "index")
    signals = lexical.rank_with_signals(ASKED, "en").signals
    assert signals is not None and signals.cosine is None
    assert signals.coverage == pytest.approx(1.0)


def test_with_a_cosine_the_confidence_counts_every_word(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    hybrid = open_retriever(tmp_path / "index", embedder=word_hash)
    signals = hybrid.rank_with_signals(ASKED, "en").signals
    assert signals is not None and signals.cosine is not None
    assert signals.coverage < 0.7
