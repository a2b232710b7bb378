# Two entry points: `make run` builds the graph from the seeds into the embedded store and
# answers the interactions question; `make test` runs the test suite. Both create .venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test clean

$(BIN)/kg: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

run: $(BIN)/kg
	$(BIN)/kg build seeds/
	$(BIN)/kg query interactions --format table

test: $(BIN)/kg
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .kg
