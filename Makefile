# The two set-up commands are `make demo` and `make test`; both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= canon-data
PORT ?= 5000

.PHONY: install demo test lint bench bench-scale bench-large clean

install: $(BIN)/canon

$(BIN)/canon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/canon

demo: install
	$(BIN)/canon ingest --store $(STORE) data/articles/ data/franchises/
	$(BIN)/canon stats --store $(STORE)
	$(BIN)/canon serve --store $(STORE) --port $(PORT)

test: install
	$(BIN)/ruff check graph webviz tests bench
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check graph webviz tests bench

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/server.py
	$(BIN)/python bench/writes.py --claims 10000
	$(BIN)/python bench/robustness.py
	$(BIN)/python bench/continuity.py
	$(BIN)/python bench/ask_share.py
	$(BIN)/python bench/webview.py
	$(BIN)/python bench/load.py --clients 50 --duration 60
	$(BIN)/python bench/scale.py --sizes 10000,100000

# The scale benchmark alone (appends to bench/RESULTS.md); bench-large measures 1M claims.
bench-scale: install
	$(BIN)/python bench/scale.py --sizes 10000,100000

bench-large: install
	$(BIN)/python bench/scale.py --sizes 1000000

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
