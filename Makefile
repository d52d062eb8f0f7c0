# NN Lab: the two commands are `make lab` (open the course) and `make test` (run every test).
# Both create the project environment in .venv on first use and reuse it afterwards.

PYTHON    ?= python3
VENV      := .venv
PY        := $(VENV)/bin/python
HOST      := 127.0.0.1
PORT      ?= 8888
WORKSPACE ?= workspace
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
PYTEST_ARGS ?=

.PHONY: lab stop instructor test test-fast release autograde feedback grades report bench hub clean-venv help

help:
	@echo "make lab         open the course in JupyterLab (your workspace: ./$(WORKSPACE))"
	@echo "make stop        stop the JupyterLab that make lab (or make instructor) started (or Ctrl+C twice in its terminal)"
	@echo "make instructor  open the repository as the instructor: notebooks/ (what make release releases) and the Formgrader"
	@echo "make test        run the whole test suite"
	@echo "make test-fast   the suite without notebook execution, servers or the browser"
	@echo "make release | autograde SUBMISSIONS=dir [WORKERS=n] | feedback | grades   grading (see grading/README.md)"
	@echo "make report [LESSON=01_artificial_neuron]   misconception report of the autograded class (HTML + CSV)"
	@echo "make bench       print the benchmark figures"
	@echo "make hub         JupyterHub for a class on this server (root; CLASS=class.toml, see deploy/README.md)"

# The environment: runtime packages for the lab, plus test-only packages for the tests.
# Each step says what it does first: the first install takes a few minutes with little else to show.
$(VENV)/.lab-installed: pyproject.toml
	@test -x $(PY) || { echo "[1/3] creating the environment in $(VENV)/ ..."; $(PYTHON) -m venv $(VENV); }
	@echo "[2/3] installing labkit, PyTorch, JupyterLab, nbgrader ... into $(VENV)/ (the first time: 2-3 minutes; later runs: seconds)"
	@$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@echo "[3/3] environment ready: $$($(PY) -m pip list --disable-pip-version-check 2>/dev/null | tail -n +3 | wc -l) packages in $(VENV)/"
	@touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.lab-installed
	@echo "installing the test-only packages (pytest, playwright, ...) into $(VENV)/ ..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

# The learner's and the instructor's JupyterLab (settings in jupyter-config/; see jupyter-config/lab.py).
lab: $(VENV)/.lab-installed
	$(PY) jupyter-config/lab.py learner --workspace "$(CURDIR)/$(WORKSPACE)" --port $(PORT)

instructor: $(VENV)/.lab-installed
	$(PY) jupyter-config/lab.py instructor --port $(PORT)

# Stop the JupyterLab that `make lab` (or `make instructor`) started, from any terminal.
stop:
	@$(PY) jupyter-config/lab.py stop --workspace "$(CURDIR)/$(WORKSPACE)"

test: $(VENV)/.dev-installed
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest -n 2 --dist loadgroup --durations=15 $(PYTEST_ARGS)

test-fast: $(VENV)/.dev-installed
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest -n 2 -m "not slow and not browser" $(PYTEST_ARGS)

release: $(VENV)/.lab-installed
	$(PY) grading/course.py release

autograde: $(VENV)/.lab-installed
	$(PY) grading/course.py autograde $(SUBMISSIONS) $(if $(WORKERS),--workers $(WORKERS))

feedback: $(VENV)/.lab-installed
	$(PY) grading/course.py feedback

grades: $(VENV)/.lab-installed
	$(PY) grading/course.py export

report: $(VENV)/.lab-installed
	$(PY) grading/course.py report $(LESSON)

bench: $(VENV)/.dev-installed
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# A class on one server: JupyterHub + nbgrader's exchange and formgrader (deploy/README.md).
# As root, after `setup_class.py setup $(CLASS)` has made the accounts, exchange and course folder.
CLASS     ?= deploy/jupyterhub/class.example.toml
HUB_PROXY := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy

$(HUB_PROXY): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	npm ci --prefix deploy/jupyterhub --no-audit --no-fund
	@touch $@

hub: $(VENV)/.lab-installed $(HUB_PROXY)
	$(PY) deploy/jupyterhub/setup_class.py check $(CLASS)
	NNLAB_CLASS="$(abspath $(CLASS))" $(VENV)/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

clean-venv:
	rm -rf $(VENV)
