# Two commands for a fresh Debian machine, run as root: `make guide` and `make test`.
# Both install what they need (system packages, then a .venv) and are safe to re-run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
APT_PACKAGES := python3 python3-venv python3-pip poppler-utils ghostscript espeak-ng ffmpeg sox libsox-fmt-mp3 \
	hunspell hunspell-pl \
	openjdk-17-jdk-headless \
	libjaxb-java libistack-commons-java libtxw2-java libstax-ex-java libfastinfoset-java libactivation-java \
	chromium chromium-driver
# Node and npm for the web validators: Debian's only where the machine has none (CI's come from elsewhere).
NODE_PACKAGES := $(if $(shell command -v node),,nodejs) $(if $(shell command -v npm),,npm)
DATA ?= routes/wroclaw
OUT ?= output

.PHONY: guide test check bench bench-standard bench-scale bench-languages icc system venv web clean

guide: venv
	$(BIN)/wromik build $(DATA) --out $(OUT)

test: venv web
	$(BIN)/python -m pytest

check: venv
	$(BIN)/wromik check $(DATA)

bench: venv
	$(BIN)/python bench/routing.py

# The standard edition beside WeasyPrint and Typst on the same text, whole processes (installs the two, bench only).
bench-standard: venv
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/standard.py

# A cold build of every edition in every language of the Wrocław guide, and each language alone.
bench-languages: venv
	$(BIN)/python bench/languages.py

# Every edition of a synthetic guide of PLACES places, cold: wall time and peak memory (minutes for 100 places).
PLACES ?= 13
bench-scale: venv
	$(BIN)/python bench/scale.py --places $(PLACES)

# Maintainers only: rebuild the shipped FOGRA39 print profile from Debian's FOGRA39L data (takes ~1 minute).
icc:
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends argyll icc-profiles-free
	cd $$(mktemp -d) && cp /usr/share/color/icc/FOGRA39L.ti3 . && \
	colprof -v -qm -kr -l300 -S /usr/share/color/icc/sRGB.icc \
		-D "Coated FOGRA39 (wromik, built from FOGRA39L)" -C "Zlib licence; data Fogra / Kai-Uwe Behrmann" FOGRA39L && \
	cp FOGRA39L.icc $(CURDIR)/media/icc/CoatedFOGRA39-wromik.icc

system: $(STAMPS)/system

venv: $(STAMPS)/venv

$(STAMPS)/system: Makefile
	@mkdir -p $(STAMPS)
	@if dpkg -s $(APT_PACKAGES) $(NODE_PACKAGES) >/dev/null 2>&1; then \
		echo "System packages already installed."; \
	else \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update && apt-get install -y --no-install-recommends $(APT_PACKAGES) $(NODE_PACKAGES); \
	fi
	@touch $@

$(STAMPS)/venv: $(STAMPS)/system pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

web: $(STAMPS)/web

# The web validators the tests run (DAISY Ace, axe-core), at the versions in tests/web/package-lock.json.
# Ace drives Debian's chromium, so puppeteer downloads no browser of its own.
$(STAMPS)/web: $(STAMPS)/system tests/web/package.json tests/web/package-lock.json
	cd tests/web && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

clean:
	rm -rf $(VENV) $(STAMPS) $(OUT) tests/web/node_modules
