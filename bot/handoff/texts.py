"""What the citizen is told about their handoff, per language (placeholders filled by the desk)."""

from __future__ import annotations

from collections.abc import Mapping

HANDOFF_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "waiting": "A person has been asked for. Expected wait: about {minutes} minutes "
        "({ahead} ahead of you). Keep this page open: their reply will appear here.",
        "waiting_crisis": "A person has been asked for and you are first in the queue. "
        "If you are in danger, call {phone} now.",
        "closed_hours": "Nobody is available right now (opening hours: {hours}). "
        "You can leave a callback request below and a person will contact you.",
        "callback_received": "Thank you: your callback request has been recorded. "
        "A person will contact you during opening hours.",
        "callback_from_message": "Nobody is available right now (opening hours: {hours}). "
        "Your message is recorded as a callback request: a person will contact you during "
        "opening hours with the contact details you gave. The AI assistant did not see them.",
        "contact_kept": "The person who takes your conversation will also see the contact "
        "details you gave, to reach you; the AI assistant did not see them.",
        "handed_back": "The person has handed the conversation back: "
        "you are talking to the AI assistant again.",
        "closed": "The person has closed this conversation. "
        "You can keep asking the AI assistant, or ask for a person again.",
        "draft_review": "A person checks answers on this topic before you see them. "
        "Expected wait: about {minutes} minutes ({ahead} ahead of you). "
        "Keep this page open: the checked answer will appear here.",
        "draft_review_closed": "A person checks answers on this topic before you see them. "
        "Nobody is available right now (opening hours: {hours}): the checked answer will "
        "appear here once a person has seen it. You can also call {phone}.",
    },
    "fr": {
        "waiting": "Une personne a été demandée. Attente estimée : environ {minutes} minutes "
        "({ahead} avant vous). Gardez cette page ouverte : sa réponse s'affichera ici.",
        "waiting_crisis": "Une personne a été demandée et vous êtes en tête de file. "
        "Si vous êtes en danger, appelez le {phone} maintenant.",
        "closed_hours": "Personne n'est disponible pour le moment (horaires : {hours}). "
        "Vous pouvez laisser une demande de rappel ci-dessous.",
        "callback_received": "Merci : votre demande de rappel est enregistrée. "
        "Une personne vous contactera pendant les heures d'ouverture.",
        "callback_from_message": "Personne n'est disponible pour le moment (horaires : "
        "{hours}). Votre message est enregistré comme demande de rappel : une personne vous "
        "contactera pendant les heures d'ouverture grâce aux coordonnées que vous avez "
        "données. L'assistant IA ne les a pas vues.",
        "contact_kept": "La personne qui prendra votre conversation verra aussi les "
        "coordonnées que vous avez données, pour vous joindre ; l'assistant IA ne les a pas "
        "vues.",
        "handed_back": "La personne vous a redirigé vers l'assistant : "
        "vous échangez de nouveau avec l'assistant IA.",
        "closed": "La personne a clos cette conversation. "
        "Vous pouvez continuer avec l'assistant IA ou demander à nouveau une personne.",
        "draft_review": "Une personne vérifie les réponses sur ce sujet avant que vous les "
        "voyiez. Attente estimée : environ {minutes} minutes ({ahead} avant vous). "
        "Gardez cette page ouverte : la réponse vérifiée s'affichera ici.",
        "draft_review_closed": "Une personne vérifie les réponses sur ce sujet avant que vous "
        "les voyiez. Personne n'est disponible pour le moment (horaires : {hours}) : la réponse "
        "vérifiée s'affichera ici dès qu'une personne l'aura vue. Vous pouvez aussi appeler "
        "le {phone}.",
    },
}


def handoff_text(key: str, lang: str, **values: object) -> str:
    table = HANDOFF_TEXT.get(lang) or HANDOFF_TEXT["en"]
    return table[key].format(**values)
