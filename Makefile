# Two commands: `make run` serves the site, `make test` runs every test.
# Each sets up what it needs: .venv/, the Python packages, compiled catalogs,
# and for the tests Debian's chromium when it is missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
PORT   ?= 5000
LANGS  := pl en uk
MO     := $(foreach l,$(LANGS),translations/$(l)/LC_MESSAGES/messages.mo)
export FLASK_APP := flats

.PHONY: run serve test freeze load bench wrk check-content extract update-catalogs compile chromium nginx clean

# The development server, logging paths without query strings (site/flats/devserver.py).
run: $(VENV)/.installed compile
	$(PY) -m flats.devserver --host 127.0.0.1 --port $(PORT)

test: $(VENV)/.installed-test compile chromium nginx
	$(PY) -m pytest

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

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e .
	touch $@

# Measures weight, render time, throughput against a hello app, the frozen
# build under nginx, build time, engine speed, Lighthouse: docs/BENCHMARKS.md.
bench: $(VENV)/.installed-test compile chromium nginx wrk
	$(PY) tests/perf/bench.py

wrk:
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-load: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[load]'
	touch $@

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

# Debian's nginx, and its module that serves the build's .br files (brotli_static).
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light \
	   || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx)
	@[ -e $(NGINX_BROTLI) ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static)

clean:
	rm -rf $(VENV) build $(MO)
