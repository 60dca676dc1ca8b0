"""The composition root: FastAPI app factory, routes, templates, authentication and the CLI."""
