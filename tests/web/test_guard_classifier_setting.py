"""OPENCOUNTER_GUARD_CLASSIFIER_VECTORS: the guard classifier's sentence vectors, read the same
way by every command that builds the app's services."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.guards.intent import NGRAMS, WITH_E5
from knowledge.embeddings import default_page_embedder
from tests.conftest import make_settings
from tests.needs import missing
from web.bootstrap.adapters import intent_classifier
from web.startup import UnusableSetting


def test_the_default_is_the_ngrams_alone(tmp_path: Path) -> None:
    chosen = intent_classifier(make_settings(tmp_path))
    assert chosen is not None and chosen.features == NGRAMS


def test_e5_chosen_runs_on_e5_and_says_so(tmp_path: Path) -> None:
    if default_page_embedder() is None:
        missing("multilingual-e5 is not built (make install builds it)")
    chosen = intent_classifier(make_settings(tmp_path, guard_classifier_vectors="e5"))
    assert chosen is not None and chosen.features == WITH_E5
    assert "multilingual-e5" in chosen.startup_note


def test_e5_chosen_where_it_is_not_built_stops_the_start_and_names_the_setting(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path, guard_classifier_vectors="e5", e5_dir=tmp_path / "no-e5")
    with pytest.raises(UnusableSetting) as raised:
        intent_classifier(settings)
    message = str(raised.value)
    assert raised.value.setting == "OPENCOUNTER_GUARD_CLASSIFIER_VECTORS"
    assert "make install" in message and "OPENCOUNTER_GUARD_CLASSIFIER_VECTORS=none" in message


def test_an_unknown_value_is_refused_by_the_settings(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="guard_classifier_vectors"):
        make_settings(tmp_path, guard_classifier_vectors="bert")
