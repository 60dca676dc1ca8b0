"""What the browser did that a test must see: dialogs, requests off the server, script errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Error, Page, Request, Route

# htmx reports what it refused or could not do as DOM events, not as script errors.
HTMX_ERROR_EVENTS = (
    "htmx:evalDisallowedError",
    "htmx:onLoadError",
    "htmx:oobErrorNoTarget",
    "htmx:responseError",
    "htmx:sendError",
    "htmx:swapError",
    "htmx:targetError",
)

_REPORT_HTMX_ERRORS = """
for (const name of %s) {
  document.addEventListener(name, (event) => {
    const where = event.target && event.target.outerHTML ? event.target.outerHTML : "";
    window.__openCounterTestHtmxError(name + " on " + where.slice(0, 160));
  }, true);
}
"""


@dataclass
class PageEvents:
    """Everything recorded since the context opened; `origin` is the app's scheme://host:port."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    htmx_errors: list[str] = field(default_factory=list)
    # What the app's Content-Security-Policy refused: a template with inline script or style,
    # or a payload that became markup. The browser says so only on the console.
    csp_violations: list[str] = field(default_factory=list)

    def is_ours(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def foreign_requests(self) -> list[str]:
        """Requests for anything not served by the app (other hosts, data:, javascript:)."""
        seen = [url for url in self.requests if not self.is_ours(url)] + self.blocked
        return list(dict.fromkeys(seen))

    def trouble(self) -> list[str]:
        """Dialogs, requests off the app and uncaught script errors: all must be empty."""
        return (
            [f"dialog {d}" for d in self.dialogs]
            + [f"request {u}" for u in self.foreign_requests()]
            + [f"script error {e}" for e in self.script_errors]
            + [f"htmx error {e}" for e in self.htmx_errors]
            + [f"CSP violation {e}" for e in self.csp_violations]
        )

    def watch_page(self, page: Page) -> None:
        page.on("dialog", self._on_dialog)
        page.on("request", self._on_request)
        page.on("pageerror", self._on_page_error)
        page.on("console", self._on_console)

    def keep_on_server(self, context: BrowserContext) -> None:
        """Abort every request that would leave the app: the sandbox has no network anyway,
        and a payload that tried to reach out must be seen, not time out."""
        context.route("**/*", self._route)

    def report_htmx_errors(self, context: BrowserContext) -> None:
        """Collect htmx's error events (needs JavaScript; call before opening pages)."""
        context.expose_function("__openCounterTestHtmxError", self._on_htmx_error)
        context.add_init_script(_REPORT_HTMX_ERRORS % json.dumps(HTMX_ERROR_EVENTS))

    def _route(self, route: Route) -> None:
        if self.is_ours(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_htmx_error(self, description: str) -> None:
        self.htmx_errors.append(description)

    def _on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def _on_page_error(self, error: Error) -> None:
        self.script_errors.append(f"{error.name}: {error.message}")
