"""The public interface's words: gettext catalogs (web/locale/<lang>/LC_MESSAGES/messages.po).

The `.po` files are the source of every translation; they are read with Babel and compiled
in memory when the app starts, so a fresh clone needs no build step and no `.mo` is kept.
English is the source language: a message's English text is its msgid, and `en` has a
catalog too so that wording can change without touching the code. A language is offered
when it has a catalog here (or in `OPENCOUNTER_LOCALE_DIR`) and an AI disclosure text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from bot.organisation import ConfigurationError

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?$")


def N_(message: str) -> str:  # noqa: N802 - the gettext name pybabel extract knows
    """Marks `message` as a msgid for `pybabel extract` without translating it here."""
    return message


# The widget's words by the key its templates and routes use. The English is the msgid; the
# words shown come from the catalogs (`Catalogs.ui_text`). New text: write `_("...")` in a
# template or `catalogs.gettext(lang, "...")` in code instead of adding a key here.
UI_TEXT: Mapping[str, str] = {
    "ask_heading": N_("Ask the city"),
    "language": N_("Language"),
    "conversation": N_("Conversation"),
    "about_assistant": N_("About this assistant (AI)"),
    "your_question": N_("Your question"),
    "send": N_("Send"),
    "you": N_("You"),
    "ai_label": N_("AI-generated"),
    "auto_label": N_("Automatic reply"),
    "writing": N_("Looking through the city's pages…"),
    "receipt": N_("Download a receipt of this conversation"),
    "feedback_question": N_("Did this answer help?"),
    "feedback_yes": N_("Yes"),
    "feedback_no": N_("No"),
    "feedback_thanks": N_("Thank you for telling us."),
    "feedback_person": N_("Sorry it did not help. You can talk to a person with the button below."),
    "feedback_invalid": N_(
        "This answer can't be rated (it was rated already, or it is not in this conversation)."
    ),
    "erase": N_("Erase this conversation"),
    "erase_explain": N_(
        "Your messages and the answers will be made unreadable for good. The transparency log "
        "keeps a record that an erasure happened, without any of the words."
    ),
    "erase_confirm": N_("Yes, erase it"),
    "erased": N_("Your conversation was erased. You can start a new one below."),
    "no_receipt": N_("There is no conversation to make a receipt of. Ask a question first."),
    "receipt_not_ready": N_(
        "Your receipt is not ready yet: the transparency log signs your latest messages on its "
        "own schedule. Please try again in {seconds} seconds."
    ),
    "chat_off_heading": N_("The assistant is switched off for now"),
    "chat_off_body": N_("You can reach a person instead:"),
    "expired": N_("This answer is no longer available. Please send your question again."),
    "sources": N_("Sources:"),
    "back": N_("Back to the assistant"),
    "empty": N_("Please type a question before sending."),
    "too_long": N_(
        "Your message is too long ({length} characters). Please keep it under {limit} "
        "characters, or split it into several questions."
    ),
    "not_found": N_(
        "This conversation no longer exists (it may have been erased). Start a new one below."
    ),
    "bad_encoding": N_(
        "Your message could not be read (it contains invalid characters). Please type it again."
    ),
    "log_unavailable": N_(
        "The assistant can't record conversations right now, so it is paused. Please try again "
        "in a few minutes or contact the city directly."
    ),
    "error_heading": N_("Something needs your attention"),
    "too_many": N_(
        "You are sending messages faster than the assistant accepts. Please wait {seconds} "
        "seconds, then send again."
    ),
}


@dataclass(frozen=True)
class Catalogs:
    """The compiled catalogs, one per language; English first among the languages."""

    translations: Mapping[str, Translations]

    @property
    def languages(self) -> tuple[str, ...]:
        others = sorted(lang for lang in self.translations if lang != SOURCE_LANGUAGE)
        return (SOURCE_LANGUAGE, *others)

    def gettext(self, lang: str, message: str) -> str:
        found = self.translations.get(lang)
        return message if found is None else found.gettext(message)

    def ngettext(self, lang: str, singular: str, plural: str, n: int) -> str:
        found = self.translations.get(lang)
        if found is None:
            return singular if n == 1 else plural
        return found.ngettext(singular, plural, n)

    def ui_text(self, lang: str) -> Mapping[str, str]:
        """The widget's words in `lang`, by key (read from the catalogs)."""
        return {key: self.gettext(lang, message) for key, message in UI_TEXT.items()}

    def label(self, lang: str) -> str:
        """The language's own name for itself, as a language menu shows it ("Français")."""
        try:
            name = Locale.parse(lang).get_display_name(lang) or lang
        except (ValueError, UnknownLocaleError):
            return lang
        return name[:1].upper() + name[1:]


def read_catalog(path: Path) -> Catalog:
    """One `.po` file; a broken file is a ConfigurationError naming it."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except (OSError, PoFileError, ValueError) as exc:
        raise ConfigurationError(f"Cannot read the catalog {path}: {exc}. Fix the file.") from exc


def compile_catalog(catalog: Catalog) -> Translations:
    """The catalog as gettext reads it, built in memory (what `pybabel compile` writes)."""
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def catalog_paths(directory: Path) -> dict[str, Path]:
    """The `<lang>/LC_MESSAGES/messages.po` files under `directory`, by language."""
    found: dict[str, Path] = {}
    if not directory.is_dir():
        return found
    for po in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = po.parent.parent.name
        if _LANGUAGE_TAG.match(lang):
            found[lang] = po
    return found


def load_catalogs(extra: Path | None = None) -> Catalogs:
    """The shipped catalogs, plus or replaced by those in `extra` (OPENCOUNTER_LOCALE_DIR)."""
    if extra is not None and not extra.is_dir():
        raise ConfigurationError(
            f"The locale directory {extra} does not exist. Create it with "
            f"<lang>/LC_MESSAGES/{DOMAIN}.po inside, or unset OPENCOUNTER_LOCALE_DIR."
        )
    paths = catalog_paths(LOCALE_DIR)
    if extra is not None:
        paths.update(catalog_paths(extra))
    return Catalogs({lang: compile_catalog(read_catalog(path)) for lang, path in paths.items()})


def offered_languages(catalogs: Catalogs, disclosed: Iterable[str]) -> tuple[str, ...]:
    """Languages with both a catalog and an AI disclosure text, English first."""
    with_text = set(disclosed)
    return tuple(lang for lang in catalogs.languages if lang in with_text)


def _context_lang(context: Context) -> str:
    lang = context.get("lang")
    return lang if isinstance(lang, str) else SOURCE_LANGUAGE


def install_translations(env: Environment, catalogs: Catalogs) -> None:
    """`_()`, `gettext` and `{% trans %}` in templates, in the language of the page's `lang`."""

    @pass_context
    def translate(context: Context, message: str) -> str:
        return catalogs.gettext(_context_lang(context), message)

    @pass_context
    def translate_plural(context: Context, singular: str, plural: str, n: int) -> str:
        return catalogs.ngettext(_context_lang(context), singular, plural, n)

    env.add_extension("jinja2.ext.i18n")
    # `{% trans %}` blocks' line breaks and indentation are not part of the msgid.
    env.policies["ext.i18n.trimmed"] = True
    # Newstyle: variables are escaped and filled after translation (`_("%(n)s pages", n=3)`).
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translate, translate_plural, newstyle=True
    )
