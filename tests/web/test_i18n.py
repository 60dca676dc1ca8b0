"""The public words come from the gettext catalogs: complete in English and French, the French
pages French, and a third language added with a catalog and a disclosure text alone."""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from fastapi.testclient import TestClient

from bot.organisation import ConfigurationError
from bot.replies import REPLY_TEXTS
from tests.conftest import make_settings, services_of
from web.app import create_app
from web.http.language import LANGUAGE_COOKIE
from web.i18n import LOCALE_DIR, UI_TEXT, load_catalogs, read_catalog
from web.transparency.texts import load_record_texts

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "fr")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def _forms(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (str(value),)


def _catalog(lang: str) -> Catalog:
    return read_catalog(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po")


def _extracted() -> set[str]:
    """Every msgid the code and templates mark today (babel.cfg, as `make messages` reads it)."""
    config = configparser.RawConfigParser()
    config.read(ROOT / "babel.cfg", encoding="utf-8")
    method_map, options_map = [], {}
    for section in config.sections():  # "[jinja2: web/templates/**.html]"
        method, pattern = (part.strip() for part in section.split(":", 1))
        method_map.append((pattern, method))
        options_map[pattern] = dict(config.items(section))
    found = set()
    for _, _, message, _, _ in extract_from_dir(ROOT, method_map, options_map):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_message_in_the_code_is_in_every_catalog_and_translated() -> None:
    extracted = _extracted()
    assert "Who runs it" in extracted and "Ask the city" in extracted  # the extraction works
    for lang in LANGUAGES:
        catalog = _catalog(lang)
        ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
        assert extracted - ids == set(), f"{lang}: run `make messages` and translate these"
        for message in catalog:
            if not message.id:
                continue
            assert not message.fuzzy, f"{lang}: fuzzy (unchecked) translation of {message.id!r}"
            assert all(_forms(message.string)), f"{lang}: no translation of {message.id!r}"


def test_placeholders_are_the_same_in_every_translation() -> None:
    for lang in LANGUAGES:
        for message in _catalog(lang):
            if not message.id:
                continue
            wanted = set().union(*(_placeholders(i) for i in _forms(message.id)))
            for form in _forms(message.string):
                assert _placeholders(form) == wanted, f"{lang}: {message.id!r} -> {form!r}"


def test_the_widget_keys_read_the_catalogs() -> None:
    catalogs = load_catalogs()
    assert catalogs.languages == ("en", "fr")
    french = catalogs.ui_text("fr")
    assert set(french) == set(UI_TEXT)
    assert french["send"] == "Envoyer"
    assert catalogs.ui_text("en")["send"] == "Send"
    assert catalogs.label("fr") == "Français"


def _english_phrases(lang: str) -> set[str]:
    """Runs of words of each English msgid that its translation changed (the UI's English)."""
    phrases = set()
    for message in _catalog(lang):
        if not message.id:
            continue
        for english, translated in zip(_forms(message.id), _forms(message.string), strict=False):
            if english == translated:
                continue
            for piece in re.split(r"%\(\w+\)s|\{\w+\}|<[^>]+>", english):
                run = " ".join(piece.split()).strip(" .,:;()")
                # Two words or more: a lone word may be the same in both languages.
                if len(run.split()) >= 2:
                    phrases.add(run)
    return phrases


def test_the_french_transparency_page_has_no_english_left(client: TestClient) -> None:
    page = client.get("/transparency?lang=fr")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    # Parts the page marks as English (the evaluation's own descriptions) are not UI strings.
    marked = re.findall(r'<(\w+)[^>]* lang="en"[^>]*>.*?</\1>', page.text, flags=re.S)
    assert marked, "the evaluation's English descriptions are marked lang=en"
    text = _visible_text(re.sub(r'<(\w+)[^>]* lang="en"[^>]*>.*?</\1>', " ", page.text, flags=re.S))
    left = sorted(phrase for phrase in _english_phrases("fr") if phrase in text)
    assert left == [], left
    # The organisation's statements too: none of its English texts, all of its French ones.
    texts = load_record_texts()
    for english, french in (
        (texts.purpose, texts.in_language("fr").purpose),
        (texts.risks, texts.in_language("fr").risks),
        (texts.data_kept[0].what, texts.in_language("fr").data_kept[0].what),
    ):
        assert " ".join(english.split()) not in text
        assert " ".join(french.split()) in text
    assert "Qui le gère" in text and "Comment joindre plutôt une personne" in text


def test_the_shipped_french_statements_are_complete() -> None:
    texts = load_record_texts()
    french = texts.in_language("fr")
    for field in ("owner", "purpose", "scope", "human_alternative", "decisions", "erasure"):
        assert getattr(french, field) != getattr(texts, field), field
    for field in ("legal_basis", "complaints", "guard_limits", "risks", "responsible_role"):
        assert getattr(french, field) != getattr(texts, field), field
    assert len(french.data_kept) == len(texts.data_kept)


def test_the_english_page_is_unchanged_by_the_catalogs(client: TestClient) -> None:
    text = _visible_text(client.get("/transparency?lang=en").text)
    assert "Who runs it" in text and "It is an AI system" in text
    assert "Qui le gère" not in text


def test_the_browser_language_picks_french(client: TestClient) -> None:
    page = client.get("/transparency", headers={"Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5"})
    assert '<html lang="fr">' in page.text
    widget = client.get("/widget", headers={"Accept-Language": "fr"})
    assert '<html lang="fr">' in widget.text and "Envoyer" in widget.text


def test_the_accessibility_statement_follows_the_browser_and_the_cookie(
    client: TestClient,
) -> None:
    browser = client.get("/accessibility", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    assert '<html lang="fr">' in browser.text
    assert "Déclaration d'accessibilité" in _visible_text(browser.text)
    assert "Accessibility statement" not in _visible_text(browser.text)
    client.get("/accessibility?lang=fr")
    later = client.get("/accessibility", headers={"Accept-Language": "en"})
    assert "Procédure de mise en œuvre" in _visible_text(later.text)


def test_picking_a_language_sets_a_cookie_that_later_pages_follow(client: TestClient) -> None:
    picked = client.get("/?lang=fr", headers={"Accept-Language": "en"})
    assert picked.cookies.get(LANGUAGE_COOKIE) == "fr"
    # No ?lang= now: the cookie beats the browser's English.
    later = client.get("/transparency", headers={"Accept-Language": "en"})
    assert '<html lang="fr">' in later.text
    # The URL beats the cookie, and picking English replaces it.
    back = client.get("/transparency?lang=en")
    assert '<html lang="en">' in back.text
    assert back.cookies.get(LANGUAGE_COOKIE) == "en"


def test_the_replies_come_from_the_catalogs(client: TestClient) -> None:
    # An unrelated question gets the "not covered" reply, in the page's language.
    french = client.post(
        "/chat/messages", data={"text": "Quel temps fera-t-il demain ?", "lang": "fr"}
    )
    assert "Désolé, je ne trouve pas cette information dans les pages de la Ville" in unescape(
        french.text
    )
    french_msgstr = services_of(client).catalogs.gettext("fr", REPLY_TEXTS["not_covered"])
    assert french_msgstr.startswith("Désolé, je ne trouve pas")
    english = client.post("/chat/messages", data={"text": "What is the weather tomorrow?"})
    assert "I'm sorry, I can't find this in the City of Exampleton's pages" in unescape(
        english.text
    )


def test_the_staff_sign_in_follows_the_browser(client: TestClient) -> None:
    french = client.get("/login", headers={"Accept-Language": "fr"})
    assert '<html lang="fr">' in french.text
    assert "Se connecter" in french.text and "Mot de passe" in french.text
    english = client.get("/login", headers={"Accept-Language": "en-GB"})
    assert '<html lang="en">' in english.text and "Password" in english.text


def test_a_french_404(client: TestClient) -> None:
    page = client.get("/no/such/page", headers={"Accept-Language": "fr"})
    assert page.status_code == 404
    assert "Cette page n'existe pas." in unescape(page.text)


# German words for the part of the widget a test reads; the rest is marked as German
# machine-style so that a missed lookup (English showing) is visible.
_GERMAN = {
    "Send": "Senden",
    "Your question": "Ihre Frage",
    "About this assistant (AI)": "Über diesen Assistenten (KI)",
    "Who runs it": "Wer ihn betreibt",
}


def _third_language(tmp_path: Path) -> tuple[Path, Path]:
    """A `de` catalog made from the English one, and a disclosure file with a `de` text."""
    english = _catalog("en")
    german = Catalog(locale="de", project="OpenCounter")
    for message in english:
        if not message.id:
            continue
        forms = _forms(message.id)
        strings = tuple(_GERMAN.get(form, f"[de] {form}") for form in forms)
        german.add(message.id, strings if isinstance(message.id, tuple) else strings[0])
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as po:
        write_po(po, german)
    shipped = yaml.safe_load((ROOT / "bot" / "config" / "disclosure.yaml").read_text("utf-8"))
    shipped["texts"]["de"] = {
        "heading": "Sie sprechen mit einem KI-System",
        "body": "Dieser Assistent ist ein Computerprogramm von {organisation}, kein Mensch.",
        "person": "Mit einem Menschen sprechen",
        "record": "Wie dieser Assistent funktioniert",
    }
    disclosure = tmp_path / "disclosure.yaml"
    disclosure.write_text(yaml.safe_dump(shipped, allow_unicode=True), encoding="utf-8")
    return tmp_path / "locale", disclosure


@pytest.fixture
def german_client(tmp_path: Path, data_dir: Path) -> Iterator[TestClient]:
    locale, disclosure = _third_language(tmp_path)
    settings = make_settings(data_dir, locale_dir=locale, disclosure_file=disclosure)
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_third_language_needs_only_a_catalog_and_a_disclosure_text(
    german_client: TestClient,
) -> None:
    assert services_of(german_client).languages == ("en", "de", "fr")
    page = german_client.get("/?lang=de")
    assert '<html lang="de">' in page.text
    text = _visible_text(page.text)
    assert "Senden" in text and "Ihre Frage" in text and "Über diesen Assistenten (KI)" in text
    assert "Sie sprechen mit einem KI-System" in text
    assert "Mit einem Menschen sprechen" in text
    assert "Deutsch" in text  # offered in the language menu, by its own name
    assert "[de] Ask the city" in text  # every UI string from the German catalog
    assert german_client.get("/transparency", headers={"Accept-Language": "de"}).text.count(
        "Wer ihn betreibt"
    )
    # The accessibility statement too: its words are in the catalog, not in the code.
    statement = _visible_text(german_client.get("/accessibility?lang=de").text)
    assert "[de] Accessibility statement" in statement
    assert "[de] Enforcement procedure" in statement
    # A conversation can be held in it, and the log says so.
    started = german_client.post("/api/v1/conversations", json={"lang": "de"})
    assert started.status_code == 201, started.text
    assert started.json()["disclosure"]["heading"] == "Sie sprechen mit einem KI-System"
    record = services_of(german_client).engine.conversation(started.json()["id"])
    assert record.lang == "de"


def test_a_catalog_without_a_disclosure_text_is_not_offered(tmp_path: Path, data_dir: Path) -> None:
    locale, _ = _third_language(tmp_path)
    settings = make_settings(data_dir, locale_dir=locale)
    with TestClient(create_app(settings)) as client:
        # The citizen must be able to read the AI disclosure in the language they pick.
        assert services_of(client).languages == ("en", "fr")
        assert '<html lang="en">' in client.get("/?lang=de").text


def test_a_broken_catalog_is_named_at_start(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    broken = 'msgid "Send"\nmsgstr "Senden"\nthis is not a catalog line\n'
    (folder / "messages.po").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"de/LC_MESSAGES/messages\.po"):
        create_app(make_settings(data_dir, locale_dir=tmp_path / "locale"))


def test_the_shipped_catalogs_are_plain_po_files() -> None:
    # The source of truth is committed; compiled .mo files are built in memory, never kept.
    assert sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")) == [
        "en",
        "fr",
    ]
    assert not list(LOCALE_DIR.rglob("*.mo"))
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        assert read_po(po).locale is not None
