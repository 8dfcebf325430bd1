# safe-migration-bot: `make demo` to chat locally, `make test` to run every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test lint bench locales redis ha chromium k8s-content rasa-setup rasa-train rasa-serve clean

setup: $(STAMP) locales redis ha chromium

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11+ is needed (found $$($(PYTHON) --version)); set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Compiled gettext catalogs (.mo) are build products, made from the .po sources.
locales: $(STAMP)
	$(BIN)/pybabel -q compile -d locales -D messages

ha:
	@bash scripts/ensure-ha.sh

redis:
	@bash scripts/ensure-redis.sh

chromium:
	@bash scripts/ensure-chromium.sh

demo: setup
	$(BIN)/python -m bot chat

# Two parts, both always run (scripts/run-tests.sh): most tests on TEST_WORKERS pytest-xdist
# workers side by side (each worker has its own redis-server, fake Bot API and trained models;
# every server binds a free port), then the tests that start real process groups (bot
# replicas, haproxy, sentinels, Rasa, a bot stopped mid-burst: the `replicas`, `rasa` and
# `serial` marks) one at a time, alone on the machine, as their deadlines (sentinel failover,
# a 30 s stop) assume. The real-Rasa test needs .venv-rasa: scripts/rasa-setup.sh builds it
# wherever Python 3.10 exists, in the background while `setup` and the first part run.
# TEST_WORKERS=0: the first part in this one process, without workers.
TEST_WORKERS ?= 2
test:
	@TEST_WORKERS=$(TEST_WORKERS) bash scripts/run-tests.sh

lint: setup
	$(BIN)/ruff check bot tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/bench_nlu.py
	$(BIN)/python bench/bench_long_input.py
	$(BIN)/python bench/bench_engine.py
	$(BIN)/python bench/bench_webhook.py
	$(BIN)/python bench/bench_redis_memory.py
	$(BIN)/python bench/bench_deploy.py
	$(BIN)/python bench/bench_adcheck.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_groups.py
	$(BIN)/python bench/bench_checkin.py
	$(BIN)/python bench/bench_person_path.py
	$(BIN)/python bench/bench_dashboard.py
	$(BIN)/python bench/bench_soak.py
	@if [ -x .venv-rasa/bin/rasa ]; then $(BIN)/python bench/bench_rasa.py; \
		else echo "bench_rasa: skipped (no .venv-rasa; run make rasa-setup)"; fi

# Kubernetes: the content ConfigMap is generated from a copy of content/ next to the base.
k8s-content:
	rm -rf deploy/kubernetes/base/content deploy/kubernetes/base/facts
	cp -r content deploy/kubernetes/base/content
	cp -r data/facts deploy/kubernetes/base/facts
	rm -rf deploy/kubernetes/components/backup/scripts
	mkdir -p deploy/kubernetes/components/backup/scripts
	cp scripts/redis-backup.sh scripts/redis-restore-online.sh scripts/erasure-record.sh deploy/kubernetes/components/backup/scripts/

rasa-setup:
	@bash scripts/rasa-setup.sh

rasa-train: rasa-setup
	@bash scripts/rasa-train.sh

rasa-serve: rasa-train
	@bash scripts/rasa-serve.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench-results
