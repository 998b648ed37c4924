# A fresh clone needs only Python 3.11+ and make: `make site` builds the site, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check lint schemas golden bench eval fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PIP_CONSTRAINT=constraints.txt $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

site: $(STAMP)  ## check the content and build site/
	$(BIN)/briefs build

serve: $(STAMP)  ## preview with live reload on http://127.0.0.1:8000
	$(BIN)/briefs serve

check: $(STAMP)  ## check the content only
	$(BIN)/briefs check

lint: $(STAMP)
	$(BIN)/ruff check builder tests tools
	$(BIN)/ruff format --check builder tests tools
	$(BIN)/mypy

test: $(STAMP) lint  ## every test
	$(BIN)/pytest

schemas: $(STAMP)  ## regenerate schemas/ from the models
	$(BIN)/python -m builder.validate.jsonschema schemas

golden: $(STAMP)  ## refresh the golden pages of the frozen seed corpus
	$(BIN)/python -m tests.golden
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python -m tests.test_diff

bench: $(STAMP)  ## benchmarks (not tests): prints tables, writes build/bench/*.json
	$(BIN)/python tools/bench_matcher.py
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_serve.py --corpus build/bench/corpus-1000

eval: $(STAMP)  ## linking and dates on the real-news evaluation set (not a test): see eval/README.md
	$(BIN)/python tools/eval_manifest.py --check || true
	$(BIN)/python tools/eval.py --part dev --json build/eval/dev.json
	$(BIN)/python tools/eval.py --part heldout --json build/eval/heldout.json

fuzz: $(STAMP)  ## mutation fuzzing of every stage (MINUTES=10); crashes land in build/fuzz/
	$(BIN)/python tools/fuzz.py --minutes $(or $(MINUTES),10)

clean:
	rm -rf site .site-builds build
