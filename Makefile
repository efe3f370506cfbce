# The two commands of the README: `make run` and `make test`. Every other target is a step they take.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_MODULES := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Material prints a banner about its successor at every build; the project pins and tracks it instead.
export NO_MKDOCS_2_WARNING := 1

.PHONY: run test build check lint preview bench bench-search bench-evaluate bench-stemmer bench-report \
	bench-lighthouse bench-api screenshots demo system-packages clean

run: build ## set up, build the help center and serve site and feedback API at http://127.0.0.1:8000
	$(BIN)/helpcenter serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed system-packages $(NODE_MODULES) ## set up and run every test (lint, unit, build, browser)
	$(BIN)/ruff check .
	$(BIN)/pytest

# mkdocs builds into .site-builds/<build> and switches the link site/ to it only once the build is complete
# (hooks/publish.py): a failed build leaves the live site as it was. The gzip copies are written each in one
# step too, into the site that is already live.
build: $(VENV)/.installed ## build the site into site/ (warnings are errors), with gzip copies for nginx
	$(BIN)/mkdocs build --strict
	$(BIN)/helpcenter precompress site

check: $(VENV)/.installed ## check the content only, as a CS lead would before a pull request
	$(BIN)/helpcenter check content --strict

preview: $(VENV)/.installed ## live preview while editing content, reloads on save
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

bench: $(VENV)/.installed ## build benchmark: project vs plain mkdocs-material, written to bench/RESULTS.md
	$(BIN)/python bench/build.py

bench-search: $(VENV)/.installed system-packages ## search benchmark: speed and recall vs mkdocs-material's search
	$(BIN)/python bench/search.py

bench-evaluate: $(VENV)/.installed system-packages ## search on content we did not write: the evaluation shops and the sample shop, ours vs material's, to bench/RESULTS.md
	$(BIN)/python bench/evaluate.py --material

bench-stemmer: $(VENV)/.installed ## stemmer benchmark: exact roots on public Indonesian test cases, ours vs Sastrawi
	$(BIN)/python bench/stemmer.py

bench-report: $(VENV)/.installed system-packages ## report benchmark: 1M votes, 200k events, SQLite and PostgreSQL, to bench/RESULTS.md
	$(BIN)/python bench/report.py

bench-lighthouse: $(VENV)/.installed system-packages $(NODE_MODULES) ## Lighthouse (mobile) on five pages behind nginx, to bench/RESULTS.md
	$(BIN)/python bench/lighthouse.py

screenshots: $(VENV)/.installed system-packages ## phone-width screenshots of the sample shop for the README (docs/screenshots/)
	$(BIN)/python bench/screenshots.py

bench-api: $(VENV)/.installed ## API benchmark: the feedback endpoint vs a bare INSERT app under wrk, SQLite and PostgreSQL, to bench/RESULTS.md
	@sh deploy/system-packages.sh --bench
	$(BIN)/python bench/api.py

# The demo store and token are for a laptop only; the real store is HELPCENTER_DATABASE_URL.
DEMO_DATABASE := sqlite:///var/demo.sqlite3
DEMO_TOKEN ?= demo-token-for-this-laptop-only

demo: build ## like run, with two months of demo feedback; gap report at /api/v1/report.html (password: DEMO_TOKEN)
	$(BIN)/helpcenter demo-data --database $(DEMO_DATABASE)
	@echo "Gap report: http://$(HOST):$(PORT)/api/v1/report.html  (any user name, password $(DEMO_TOKEN))"
	HELPCENTER_DATABASE_URL=$(DEMO_DATABASE) HELPCENTER_ADMIN_TOKEN=$(DEMO_TOKEN) \
		$(BIN)/helpcenter serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Lighthouse and axe-core (package.json, pinned) for the accessibility test and bench-lighthouse. No install
# scripts: nothing downloads a browser; both drive Debian's Chromium.
$(NODE_MODULES): package.json package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

system-packages: # Debian packages the tests use (headless Chromium), installed when missing
	@sh deploy/system-packages.sh

clean:
	rm -rf site .site-builds var bench/work $(VENV) node_modules
