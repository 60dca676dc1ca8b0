// Starts Swagger UI on /docs; a file, not an inline script, so the page keeps a strict CSP.
// No deep links: they put a link inside each operation's toggle button (axe nested-interactive).
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.openapi, domNode: root, deepLinking: false });
});
