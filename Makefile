# Sigap: two commands. `make setup && make run` starts the embedded default;
# `make setup && make test` runs the checks and the whole suite on SQLite and PostgreSQL.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SIGAP_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sigap
export SIGAP_TEST_DATABASE_URL

.PHONY: setup run test lint typecheck migrations-check test-sqlite test-postgres clean

setup: $(BIN)/sigap node_modules/.installed

$(BIN)/sigap: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Sigap butuh Python 3.11 ($(PYTHON) tidak ditemukan)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(BIN)/sigap

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch node_modules/.installed

run: setup
	$(BIN)/sigap run

test: setup lint typecheck migrations-check test-sqlite test-postgres

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy sigap

migrations-check:
	SIGAP_DATA_DIR=$$(mktemp -d) $(BIN)/sigap makemigrations --check --dry-run

test-sqlite:
	@echo "== pytest on SQLite =="
	env -u DATABASE_URL SIGAP_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q

test-postgres:
	@echo "== pytest on PostgreSQL ($(SIGAP_TEST_DATABASE_URL)) =="
	@if $(BIN)/python scripts/pg_ready.py "$(SIGAP_TEST_DATABASE_URL)"; then \
		DATABASE_URL="$(SIGAP_TEST_DATABASE_URL)" SIGAP_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL wajib di CI tetapi tidak dapat dihubungi: $(SIGAP_TEST_DATABASE_URL)"; exit 1; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! PostgreSQL tidak dapat dihubungi ($(SIGAP_TEST_DATABASE_URL)):"; \
		echo "!! separuh suite PostgreSQL DILEWATI. Set SIGAP_TEST_DATABASE_URL atau nyalakan PostgreSQL."; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

clean:
	rm -rf $(VENV) node_modules var
