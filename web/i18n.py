"""The widget's own interface words, per language (the bot's replies live in bot/config)."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGE_LABELS: tuple[tuple[str, str], ...] = (("en", "English"), ("fr", "Français"))

UI_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "ask_heading": "Ask the city",
        "language": "Language",
        "conversation": "Conversation",
        "about_assistant": "About this assistant (AI)",
        "your_question": "Your question",
        "send": "Send",
        "you": "You",
        "ai_label": "AI-generated",
        "auto_label": "Automatic reply",
        "writing": "Looking through the city's pages…",
        "receipt": "Download a receipt of this conversation",
        "feedback_question": "Did this answer help?",
        "feedback_yes": "Yes",
        "feedback_no": "No",
        "feedback_thanks": "Thank you for telling us.",
        "feedback_person": "Sorry it did not help. You can talk to a person with the button below.",
        "feedback_invalid": "This answer can't be rated (it was rated already, or it is not "
        "in this conversation).",
        "erase": "Erase this conversation",
        "erase_explain": "Your messages and the answers will be made unreadable for good. The "
        "transparency log keeps a record that an erasure happened, without any of the words.",
        "erase_confirm": "Yes, erase it",
        "erased": "Your conversation was erased. You can start a new one below.",
        "no_receipt": "There is no conversation to make a receipt of. Ask a question first.",
        "receipt_not_ready": "Your receipt is not ready yet: the transparency log signs your "
        "latest messages on its own schedule. Please try again in {seconds} seconds.",
        "chat_off_heading": "The assistant is switched off for now",
        "chat_off_body": "You can reach a person instead:",
        "expired": "This answer is no longer available. Please send your question again.",
        "sources": "Sources:",
        "back": "Back to the assistant",
        "empty": "Please type a question before sending.",
        "too_long": "Your message is too long ({length} characters). Please keep it under "
        "{limit} characters, or split it into several questions.",
        "not_found": "This conversation no longer exists (it may have been erased). "
        "Start a new one below.",
        "bad_encoding": "Your message could not be read (it contains invalid characters). "
        "Please type it again.",
        "log_unavailable": "The assistant can't record conversations right now, so it is paused. "
        "Please try again in a few minutes or contact the city directly.",
        "error_heading": "Something needs your attention",
        "too_many": "You are sending messages faster than the assistant accepts. Please wait "
        "{seconds} seconds, then send again.",
    },
    "fr": {
        "ask_heading": "Posez votre question à la ville",
        "language": "Langue",
        "conversation": "Conversation",
        "about_assistant": "À propos de cet assistant (IA)",
        "your_question": "Votre question",
        "send": "Envoyer",
        "you": "Vous",
        "ai_label": "Généré par IA",
        "auto_label": "Réponse automatique",
        "writing": "Recherche dans les pages de la ville…",
        "receipt": "Télécharger un reçu de cette conversation",
        "feedback_question": "Cette réponse vous a-t-elle aidé ?",
        "feedback_yes": "Oui",
        "feedback_no": "Non",
        "feedback_thanks": "Merci de nous l'avoir dit.",
        "feedback_person": "Désolé qu'elle ne vous ait pas aidé. Vous pouvez parler à une "
        "personne avec le bouton ci-dessous.",
        "feedback_invalid": "Cette réponse ne peut pas être notée (elle l'a déjà été, ou elle "
        "ne fait pas partie de cette conversation).",
        "erase": "Effacer cette conversation",
        "erase_explain": "Vos messages et les réponses deviendront illisibles définitivement. Le "
        "journal de transparence garde la trace d'un effacement, sans aucun des mots.",
        "erase_confirm": "Oui, l'effacer",
        "erased": "Votre conversation a été effacée. Vous pouvez en commencer une nouvelle.",
        "no_receipt": "Aucune conversation dont faire un reçu. Posez d'abord une question.",
        "receipt_not_ready": "Votre reçu n'est pas encore prêt : le journal de transparence "
        "signe vos derniers messages selon son propre calendrier. Réessayez dans {seconds} "
        "secondes.",
        "chat_off_heading": "L'assistant est désactivé pour le moment",
        "chat_off_body": "Vous pouvez joindre une personne :",
        "expired": "Cette réponse n'est plus disponible. Veuillez renvoyer votre question.",
        "sources": "Sources :",
        "back": "Retour à l'assistant",
        "empty": "Veuillez écrire une question avant d'envoyer.",
        "too_long": "Votre message est trop long ({length} caractères). Limitez-le à {limit} "
        "caractères ou divisez-le en plusieurs questions.",
        "not_found": "Cette conversation n'existe plus (elle a peut-être été effacée). "
        "Commencez-en une nouvelle ci-dessous.",
        "bad_encoding": "Votre message n'a pas pu être lu (caractères invalides). "
        "Veuillez le saisir à nouveau.",
        "log_unavailable": "L'assistant ne peut pas enregistrer les conversations pour le moment. "
        "Réessayez dans quelques minutes ou contactez directement la ville.",
        "error_heading": "Un point demande votre attention",
        "too_many": "Vous envoyez des messages plus vite que l'assistant ne les accepte. "
        "Attendez {seconds} secondes, puis renvoyez.",
    },
}


def ui_text(lang: str) -> Mapping[str, str]:
    return UI_TEXT.get(lang, UI_TEXT["en"])
