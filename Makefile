# Two commands cover the quarterly routine: `make briefings` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Options for JupyterLab: `make lab LAB_ARGS="--allow-root --port 8890"`.
LAB_ARGS ?=

.PHONY: briefings extract test test-fast lab lint format lock bench clean-venv

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

briefings: $(STAMP)
	$(BIN)/kcsp build

extract: $(STAMP)
	$(BIN)/kcsp extract

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not slow"

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check kcsp_analysis tests benchmarks
	$(BIN)/ruff format --check kcsp_analysis tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format kcsp_analysis tests benchmarks
	$(BIN)/ruff check --fix kcsp_analysis tests benchmarks

# Regenerate the lock after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra lab --extra dev --python-version 3.11 \
		--generate-hashes --quiet -o requirements.lock

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_open_data.py

clean-venv:
	rm -rf $(VENV)
