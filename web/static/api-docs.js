// Starts Swagger UI on /docs; a file, not an inline script, so the page keeps a strict CSP.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.openapi, domNode: root, deepLinking: true });
});
