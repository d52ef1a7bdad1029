# Two entry points (see README): `make ask Q="..."` and `make test`.
# Each creates .venv on first use and reinstalls only when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
Q ?= Việt Nam ký gì với Belarus năm 2023?

.PHONY: ask test index eval bench bot

$(VENV)/.run-deps: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test-deps: $(VENV)/.run-deps
	$(PY) -m pip install -q -e '.[test]'
	touch $@

ask: $(VENV)/.run-deps
	@$(PY) -m retrieval ask "$(Q)"

test: $(VENV)/.test-deps
	$(PY) -m pytest -q

index: $(VENV)/.run-deps
	$(PY) -m retrieval index

eval: $(VENV)/.run-deps
	$(PY) -m retrieval eval ../shared/dev-qa.jsonl

bench: $(VENV)/.run-deps
	$(PY) -m retrieval bench

bot: $(VENV)/.run-deps
	$(PY) -m bot
