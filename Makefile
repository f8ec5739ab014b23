# Lantai: one command to set up and build, one to set up and test (see README.md).
# Everything is installed into .venv from PyPI; Chromium comes from Debian (scripts/ensure-chromium).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.lantai-installed

.PHONY: site serve check test bench clean

site: $(STAMP)            ## set up and build the bundled exhibition into site/
	$(PY) build.py build

serve: $(STAMP)           ## set up and preview with live reload on http://127.0.0.1:8000/
	$(PY) build.py serve

check: $(STAMP)           ## validate the bundled exhibition, build nothing
	$(PY) build.py check

test: $(STAMP)            ## set up and run the whole test suite (browser tests in Chromium)
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

clean:
	rm -rf site .site.lantai-new* .site.lantai-old* .site.lantai-lock
