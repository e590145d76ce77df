# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
# The CPU build of torch is installed first: a bare `torch` requirement would pull a multi-GB CUDA build.
TORCH  ?= torch==2.13.0

.PHONY: install demo test bench clean

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
	  $(BIN)/bilingual run seeds/belgorod.id.txt --model output/tiny-marian --outdir output/demo-tiny-model; \
	else exit $$rc; fi

test: $(VENV)/.installed
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[bench]"
	$(PY) bench/segmentation.py
	$(PY) bench/alignment.py
	$(PY) bench/translate.py --quick

clean:
	rm -rf output .pytest_cache tests/_artifacts
