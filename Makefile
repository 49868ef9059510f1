# Two commands do all the set-up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := examples/digest
# Reproducible example files: the issue date is fixed unless the caller sets SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH ?= 1640995200
export SOURCE_DATE_EPOCH

.PHONY: report test lint system-runtime system-test clean benchmark

$(BIN)/.installed-runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e .
	touch $@

# PyICU (test extra) compiles against libicu-dev: the system set-up comes first, even with make -j.
$(BIN)/.installed-test: pyproject.toml | system-test
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

system-runtime:
	@scripts/setup-system.sh runtime

system-test:
	@scripts/setup-system.sh test

## Build the digest of seeds/ in every available format into examples/digest/.
report: system-runtime $(BIN)/.installed-runtime
	$(BIN)/make-report seeds -f all -o $(OUT)

lint: $(BIN)/.installed-test
	$(BIN)/ruff check --no-cache src tests examples benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## Lint, type-check and run the whole test suite.
test: system-test $(BIN)/.installed-test lint
	$(BIN)/python -m pytest -W error -q

benchmark: system-test $(BIN)/.installed-test
	@scripts/setup-system.sh bench
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
