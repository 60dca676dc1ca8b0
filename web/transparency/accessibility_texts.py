"""The accessibility statement's words in English and French, in the parts the model statement of
Commission Implementing Decision (EU) 2018/1523 asks for. The figures come from the run."""

from __future__ import annotations

from collections.abc import Mapping

STATEMENT_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Accessibility statement",
        "intro": "{org} wants everyone to be able to use {assistant}, whatever their abilities "
        "and whatever they use to browse. This statement follows the model of Directive (EU) "
        "2016/2102 on the accessibility of public sector websites. It covers the pages served "
        "at this address: the chat page and the widget, the staff consoles, the oversight "
        "pages, the transparency record and its impact assessment, this statement and the API "
        "documentation.",
        "status_heading": "Compliance status",
        "status_none": "No accessibility test run is recorded for this installation, so its "
        "compliance status cannot be stated.",
        "status_clean": "These pages are partially compliant with the Web Content Accessibility "
        "Guidelines (WCAG) 2.1, level AA. The automated checks found no violation on any of the "
        "{pages} pages tested, and the keyboard-only and no-JavaScript journeys succeeded; but "
        "the criteria that need a person's judgement have not all been assessed (see below).",
        "status_violations": "These pages are partially compliant with the Web Content "
        "Accessibility Guidelines (WCAG) 2.1, level AA: the latest run found {violations} "
        "problem(s), listed below.",
        "status_journeys": "At least one journey failed in the latest run (see the table below).",
        "stale": "The pages have changed since this run; until it is repeated, its results may "
        "not describe them.",
        "content_heading": "Content that is not accessible",
        "content_found": "Found by the latest run:",
        "content_known": "Known limits, and why:",
        "known_judgement": "Automated checks find only part of the problems WCAG describes. "
        "Whether headings, labels and link texts are meaningful, and whether replies read "
        "clearly, has been checked by the people who build these pages but not audited by an "
        "outside expert or tested with users of screen readers.",
        "known_replies": "Replies are written by software from the organisation's own pages. "
        "They can be harder to read than plain language; you can always ask for a person "
        "instead.",
        "known_links": "Pages that replies link to are published by the organisation's website "
        "and are outside this statement: their own accessibility statements apply.",
        "known_docs": "The API documentation (/docs) is a tool for developers built on Swagger "
        "UI; it passes the automated checks but has not been tried with a screen reader.",
        "preparation_heading": "Preparation of this statement",
        "preparation": "This statement was prepared on {date}. The method was a "
        "self-assessment: axe-core {axe} ran in {browser} with the WCAG 2.0 and 2.1 level A and "
        "AA rules over every page listed below, in the project's browser tests; the same tests "
        "asked a question and reached a person with the keyboard alone and with JavaScript "
        "turned off. The results below are those of that run, written by the test itself.",
        "table_caption": "Results of the latest run",
        "col_page": "Page",
        "col_address": "Address",
        "col_violations": "Problems found",
        "col_rules": "Rules passed",
        "journeys_caption": "Journeys",
        "col_journey": "Journey",
        "col_result": "Result",
        "passed": "succeeded",
        "failed": "failed",
        "feedback_heading": "Feedback and contact information",
        "feedback": "If you find a problem that is not listed here, or you need the "
        "information on these pages in another form, tell us:",
        "phone": "Phone",
        "email": "Email",
        "post": "Post",
        "contact_page": "Contact page",
        "enforcement_heading": "Enforcement procedure",
        "enforcement": "If our reply to your feedback, or to a request for accessible "
        "information, does not satisfy you, you can complain to the body that enforces the "
        "accessibility rules for public sector websites in the organisation's country. Each "
        "Member State of the European Union names one under Article 9 of Directive (EU) "
        "2016/2102.",
        "back": "Back to the assistant",
        "record": "Transparency record",
    },
    "fr": {
        "title": "Déclaration d'accessibilité",
        "intro": "{org} veut que chacun puisse utiliser {assistant}, quelles que soient ses "
        "capacités et ses outils de navigation. Cette déclaration suit le modèle de la "
        "directive (UE) 2016/2102 relative à l'accessibilité des sites internet des organismes "
        "du secteur public. Elle porte sur les pages servies à cette adresse : la page de "
        "discussion et le widget, les consoles du personnel, les pages de contrôle, le registre "
        "de transparence et son étude d'impact, cette déclaration et la documentation de l'API.",
        "status_heading": "État de conformité",
        "status_none": "Aucun test d'accessibilité n'est enregistré pour cette installation : "
        "son état de conformité ne peut pas être indiqué.",
        "status_clean": "Ces pages sont partiellement conformes aux Règles pour l'accessibilité "
        "des contenus Web (WCAG) 2.1, niveau AA. Les contrôles automatiques n'ont trouvé aucune "
        "non-conformité sur les {pages} pages testées, et les parcours au clavier seul et sans "
        "JavaScript ont abouti ; mais les critères qui demandent le jugement d'une personne "
        "n'ont pas tous été évalués (voir ci-dessous).",
        "status_violations": "Ces pages sont partiellement conformes aux Règles pour "
        "l'accessibilité des contenus Web (WCAG) 2.1, niveau AA : le dernier test a trouvé "
        "{violations} problème(s), énumérés ci-dessous.",
        "status_journeys": "Au moins un parcours a échoué lors du dernier test (voir le tableau "
        "ci-dessous).",
        "stale": "Les pages ont changé depuis ce test ; tant qu'il n'est pas refait, ses "
        "résultats peuvent ne plus les décrire.",
        "content_heading": "Contenus non accessibles",
        "content_found": "Trouvés par le dernier test :",
        "content_known": "Limites connues, et pourquoi :",
        "known_judgement": "Les contrôles automatiques ne trouvent qu'une partie des problèmes "
        "décrits par les WCAG. La pertinence des titres, des étiquettes et des textes de liens, "
        "et la clarté des réponses, ont été vérifiées par les personnes qui construisent ces "
        "pages, mais pas auditées par un expert extérieur ni testées avec des utilisateurs de "
        "lecteurs d'écran.",
        "known_replies": "Les réponses sont rédigées par un logiciel à partir des pages de "
        "l'organisme. Elles peuvent être plus difficiles à lire qu'un langage clair ; vous "
        "pouvez toujours demander à parler à une personne.",
        "known_links": "Les pages vers lesquelles renvoient les réponses sont publiées par le "
        "site de l'organisme et sortent du champ de cette déclaration : leurs propres "
        "déclarations d'accessibilité s'appliquent.",
        "known_docs": "La documentation de l'API (/docs) est un outil pour les développeurs, "
        "construit avec Swagger UI ; elle passe les contrôles automatiques mais n'a pas été "
        "essayée avec un lecteur d'écran.",
        "preparation_heading": "Établissement de cette déclaration",
        "preparation": "Cette déclaration a été établie le {date}. La méthode est une "
        "auto-évaluation : axe-core {axe} a été exécuté dans {browser} avec les règles WCAG 2.0 "
        "et 2.1 de niveaux A et AA sur chacune des pages ci-dessous, dans les tests du projet "
        "pour navigateur ; les mêmes tests ont posé une question et joint une personne au "
        "clavier seul et sans JavaScript. Les résultats ci-dessous sont ceux de ce test, "
        "écrits par le test lui-même.",
        "table_caption": "Résultats du dernier test",
        "col_page": "Page",
        "col_address": "Adresse",
        "col_violations": "Problèmes trouvés",
        "col_rules": "Règles respectées",
        "journeys_caption": "Parcours",
        "col_journey": "Parcours",
        "col_result": "Résultat",
        "passed": "réussi",
        "failed": "échoué",
        "feedback_heading": "Retour d'information et contact",
        "feedback": "Si vous trouvez un problème qui ne figure pas ici, ou si vous avez besoin "
        "des informations de ces pages sous une autre forme, écrivez-nous :",
        "phone": "Téléphone",
        "email": "Courriel",
        "post": "Courrier",
        "contact_page": "Page de contact",
        "enforcement_heading": "Procédure de mise en œuvre",
        "enforcement": "Si notre réponse à votre signalement, ou à une demande d'information "
        "accessible, ne vous satisfait pas, vous pouvez saisir l'organisme chargé de faire "
        "respecter les règles d'accessibilité des sites publics dans le pays de l'organisme. "
        "Chaque État membre de l'Union européenne en désigne un en application de l'article 9 "
        "de la directive (UE) 2016/2102.",
        "back": "Retour à l'assistant",
        "record": "Registre de transparence",
    },
}

# The journeys' names as the table shows them (the run file keeps the stable keys).
JOURNEY_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "keyboard": "Ask a question and reach a person with the keyboard alone",
        "no-javascript": "Ask a question and reach a person with JavaScript turned off",
    },
    "fr": {
        "keyboard": "Poser une question et joindre une personne au clavier seul",
        "no-javascript": "Poser une question et joindre une personne sans JavaScript",
    },
}
