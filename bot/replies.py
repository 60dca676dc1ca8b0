"""The engine's fixed replies, filled with the organisation's contact details.

Their English text is the msgid; the other languages come from the app's gettext catalogs
(web/locale), handed in as `translate` by the composition root, so bot/ reads no catalog
itself. Without one (a test of the engine alone) the replies are English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.organisation import Organisation

# (lang, English msgid) -> the words in that language.
Translate = Callable[[str, str], str]


def N_(message: str) -> str:  # noqa: N802 - the gettext name pybabel extract knows
    """Marks `message` as a msgid for `pybabel extract` (babel.cfg) without translating it."""
    return message


def in_english(lang: str, message: str) -> str:
    return message


REPLY_TEXTS: Mapping[str, str] = {
    "answer_intro": N_("Here is what the {organisation}'s pages say:"),
    "not_covered": N_(
        "I'm sorry, I can't find this in the {organisation}'s pages, so I won't guess. "
        "A person can help: call {phone} ({hours}), email {email}, or see {url}."
    ),
    "offer_person": N_(
        "I haven't been able to answer your last questions well. Would you like to talk to a "
        "person? Call {phone} ({hours}) or email {email}."
    ),
    "person_requested": N_(
        "You asked to talk to a person. You can reach the {organisation} by phone on {phone} "
        "({hours}), by email at {email}, or in person at {address}."
    ),
    "kb_unavailable": N_(
        "The assistant cannot search the {organisation}'s pages right now. Please contact a "
        "person: call {phone} ({hours}) or email {email}."
    ),
}
REPLY_KEYS = tuple(REPLY_TEXTS)


@dataclass(frozen=True)
class Replies:
    organisation: Organisation
    translate: Translate = field(default=in_english)

    def get(self, key: str, lang: str) -> str:
        contact = self.organisation.contact
        return self.translate(lang, REPLY_TEXTS[key]).format(
            organisation=self.organisation.name_in(lang),
            phone=contact.phone,
            email=contact.email,
            address=contact.address,
            url=contact.url_in(lang),
            hours=contact.hours_in(lang),
        )


def load_replies(organisation: Organisation, translate: Translate = in_english) -> Replies:
    """The replies for `organisation`, in the languages `translate` knows (English without)."""
    return Replies(organisation=organisation, translate=translate)
