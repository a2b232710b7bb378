# Two entry points: `make run` builds the graph from the seeds into the embedded store and
# answers the interactions question; `make test` runs the test suite. Both create .venv.
# Python 3.11 or newer: python3.11 when it is on the PATH, else python3.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test eval-real clean

# setuptools tells of every editable install, even under --quiet: that notice alone is hidden.
$(BIN)/kg: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "need Python 3.11 or newer (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/pip install --quiet -e '.[test]'
	@touch $@

run: $(BIN)/kg
	$(BIN)/kg build seeds/
	$(BIN)/kg query interactions --format table

test: $(BIN)/kg
	$(BIN)/python -m pytest -q

# Scores the mapper on the real-news development set (realnews/); its texts are not in the
# repository: without the cache this says how to restore it. SPLIT=validation for the frozen split.
eval-real: $(BIN)/kg
	$(BIN)/python scripts/eval_real.py --split $(or $(SPLIT),dev)

clean:
	rm -rf $(VENV) .kg
