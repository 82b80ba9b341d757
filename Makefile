# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench bench-server train eval clean

run: $(INSTALLED)
	$(BIN)/heartwise serve

test: $(DEV_INSTALLED) lint typecheck unit

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests benchmarks training

typecheck: $(DEV_INSTALLED)
	$(BIN)/mypy

unit: $(DEV_INSTALLED)
	$(BIN)/pytest

train: $(INSTALLED)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(BIN)/python training/train_analysis.py
	$(BIN)/python training/train_coach.py
	$(BIN)/python training/train_coach_topics.py

eval: $(INSTALLED)
	$(BIN)/python benchmarks/eval_analysis.py

# The message coach on its held-out messages (see data/coach/README.md);
# `make eval-coach ARGS=--topics` for what its offered choices are about.
.PHONY: eval-coach
eval-coach: $(INSTALLED)
	$(BIN)/python benchmarks/eval_coach.py $(ARGS)

bench: $(INSTALLED)
	$(BIN)/python benchmarks/journal_vs_jrnl.py

# The growth dashboard and /api/v1/stats over five years of data, against their targets.
.PHONY: bench-dashboard
bench-dashboard: $(INSTALLED)
	$(BIN)/python benchmarks/dashboard.py

# A multi-user server on PostgreSQL under wrk (needs wrk and a local PostgreSQL);
# `make bench-server ARGS=--quick` for short runs.
bench-server: $(INSTALLED)
	$(BIN)/python benchmarks/server_load.py $(ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/python -m compileall -q src
	touch $@

$(DEV_INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $(INSTALLED) $@

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
