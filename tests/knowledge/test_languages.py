from __future__ import annotations

from knowledge.languages import Analyzer, fold_accents, guess_language


def test_english_terms_are_stemmed_without_stop_words() -> None:
    assert Analyzer("en").terms("The permits for parking") == ["permit", "park"]


def test_french_terms_fold_accents_after_stemming_and_drop_elisions() -> None:
    terms = Analyzer("fr").terms("L'élève s'inscrit à l'école")
    assert terms == Analyzer("fr").terms("l'eleve s'inscrit a l'ecole")
    assert "l" not in terms
    assert "s" not in terms


def test_unknown_language_is_lower_cased_only() -> None:
    assert Analyzer("cy").terms("Budd-dal Plant") == ["budd", "dal", "plant"]


def test_fold_accents() -> None:
    assert fold_accents("Déjà vu, naïve") == "Deja vu, naive"


def test_guess_language_between_english_and_french() -> None:
    assert guess_language("Les poubelles sont vidées chaque mardi dans la ville.") == "fr"
    assert guess_language("Bins are emptied every Tuesday in the city and the town.") == "en"
