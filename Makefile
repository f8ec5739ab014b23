# Lantai: one command to set up and build, one to set up and test (see README.md).
# Everything is installed into .venv from PyPI; Chromium comes from Debian (scripts/ensure-chromium);
# the tests' axe-core comes from npm into node_modules (package-lock.json, `npm ci`).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.lantai-installed
NODE   := node_modules/.package-lock.json

.PHONY: site serve check test bench clean

site: $(STAMP)            ## set up and build the bundled exhibition into site/
	$(PY) build.py build

serve: $(STAMP)           ## set up and preview with live reload on http://127.0.0.1:8000/
	$(PY) build.py serve

check: $(STAMP)           ## validate the bundled exhibition, build nothing
	$(PY) build.py check

test: $(STAMP) $(NODE)    ## set up and run the whole test suite (browser tests in Chromium)
	sh scripts/ensure-chromium
	$(PY) -m pytest

bench: $(STAMP)           ## run the benchmarks under bench/
	sh scripts/ensure-chromium
	for script in bench/*.py; do $(PY) "$$script" || exit 1; done

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: run 'sudo apt-get install nodejs npm' (Debian/Ubuntu) and try again." >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $(NODE)

clean:
	rm -rf site .site.lantai-new* .site.lantai-old* .site.lantai-lock
