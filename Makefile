# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
# The CPU build of torch is installed first: a bare `torch` requirement would pull a multi-GB CUDA build.
TORCH  ?= torch==2.13.0

.PHONY: install demo test bench clean browser

# The browser tests drive Debian's Chromium (never a browser a tool downloads). As root, `make test` installs
# it; otherwise it stops and says how, unless BILINGUAL_SKIP_BROWSER=1 is set to skip those tests on purpose.
browser:
	@if [ -x /usr/bin/chromium ] || [ "$$BILINGUAL_SKIP_BROWSER" = 1 ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "make test: the browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium'," >&2; \
	  echo "  or set BILINGUAL_SKIP_BROWSER=1 to skip them on purpose" >&2; exit 1; \
	fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e ".[test,ct2]"
	touch $@

install: $(VENV)/.installed

# Translate the sample article with the default model (Helsinki-NLP/opus-mt-id-en, downloaded on first use).
# Without access to the model hub (exit code 3) the demo says so and shows the pipeline with a tiny
# random-weight model instead: its "translations" are gibberish, but every stage runs for real.
demo: $(VENV)/.installed
	@$(BIN)/bilingual run seeds/belgorod.id.txt; rc=$$?; \
	if [ $$rc -eq 3 ]; then \
	  echo "demo: the model hub is unreachable; running the pipeline with a tiny random-weight model (gibberish output)"; \
	  $(PY) tests/make_tiny_model.py output/tiny-marian >/dev/null && \
	  $(BIN)/bilingual run seeds/belgorod.id.txt --model output/tiny-marian -o output/demo-tiny-model; \
	else exit $$rc; fi

test: $(VENV)/.installed browser
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[bench]"
	$(PY) bench/segmentation.py
	$(PY) bench/alignment.py
	$(PY) bench/translate.py --quick
	$(PY) bench/many_files.py --quick

clean:
	rm -rf output .pytest_cache tests/_artifacts
