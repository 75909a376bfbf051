# bientap — build, try and test.
#   make demo   installs what is missing, builds, opens the TUI on a sample portal
#   make test   unit tests and end-to-end tests (tmux, real server, real SQLite), then the
#               adversarial suite (schemathesis against the contract, dates at the edges)
#   make bench  benchmarks, release build

SWIFT ?= swift
SHELL := /bin/bash
# Debian packages: build (C libraries the bindings link: libsqlite3 for the portal's database,
# libxlsxwriter for the royalty exports' XLSX; hunspell-vi's syllable list, which `bientap spell` reads at run time) and test (the
# terminal the end-to-end tests drive, the PostgreSQL server the portal's tests also run on).
BUILD_PACKAGES := pkg-config libncursesw5-dev libcurl4-openssl-dev libxlsxwriter-dev libsqlite3-dev hunspell-vi
TEST_PACKAGES := tmux hunspell postgresql python3-venv
# An English word list (/usr/share/dict/american-english) the spell checker reads foreign
# words against when installed; the held-out evaluation counts on it.
TEST_PACKAGES += wamerican
# The command-line tests plant hostile text in a portal's database with sqlite3.
TEST_PACKAGES += sqlite3
# Every public page of the portal must pass an HTML validity check (PublicPagesTests).
TEST_PACKAGES += tidy
# LibreOffice reads the royalty exports' XLSX back and computes their formulas (RoyaltyExportTests).
TEST_PACKAGES += libreoffice-calc-nogui
# The adversarial suite's tools (Scripts/adversarial), from PyPI into a virtual environment
# of the project's own; pinned, so the same seed generates the same requests everywhere.
ADVERSARIAL_VENV := .venv-adversarial
ADVERSARIAL_TOOLS := schemathesis==4.32.5 openapi-spec-validator==0.9.0
# The WordPress backend's tests (Scripts/with-wordpress): Debian's WordPress, served by PHP's
# built-in server from a temporary copy, with a private MariaDB server. (The package also
# brings Apache, which the tests leave alone.)
WORDPRESS_PACKAGES := wordpress mariadb-server php-cli php-mysql curl
TEST_PACKAGES += $(WORDPRESS_PACKAGES)
# The contributors' door in a real browser (Tests/Browser/contributor_flow.py, run by EndToEndTests):
# Debian's chromium headless, its driver and Selenium.
BROWSER_PACKAGES := chromium chromium-driver python3-selenium
TEST_PACKAGES += $(BROWSER_PACKAGES)
# bench: the HTTP load generator the portal's benchmark drives.
BENCH_PACKAGES := wrk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: test-wordpress demo test adversarial adversarial-tools bench bench-large build deps test-deps keymaps clean

define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

test-deps: deps
	$(call ensure_packages,$(TEST_PACKAGES))

# One `swift build` for both programs (and the benchmark's): each SwiftPM run costs some
# 4 s of planning even when nothing is to be built.
build: deps
	$(SWIFT) build

# SwiftPM's debug bin path, without a second SwiftPM run to ask for it.
BIN_PATH = .build/debug

demo: build
	"$(BIN_PATH)/bientap" demo

test: test-deps adversarial-tools
	$(SWIFT) build --build-tests
	@# The failures are repeated at the end, where a CI log's tail shows them. The tests get a
	@# PostgreSQL server of their own (Scripts/with-postgres) and a WordPress site (Scripts/with-wordpress),
	@# stopped when they end, and run in two lanes side by side (Scripts/test-lanes): the
	@# end-to-end tests, which mostly wait, beside the rest, which mostly compute.
	@log=$$(mktemp); set -o pipefail; Scripts/with-postgres Scripts/with-wordpress Scripts/test-lanes $(SWIFT) 2>&1 | tee "$$log"; status=$$?; \
	if [ $$status -ne 0 ]; then echo; echo "== failures (repeated from above) =="; \
		grep -E "error: " "$$log" | cut -c1-400 | head -60; fi; \
	rm -f "$$log"; exit $$status
	Scripts/adversarial .build/debug $(ADVERSARIAL_VENV)

# The WordPress backend alone: its tests and the desk's end-to-end tests against a real
# WordPress, brought up and torn down by Scripts/with-wordpress (make test runs them too).
test-wordpress: test-deps
	$(SWIFT) build --build-tests
	Scripts/with-wordpress $(SWIFT) test --skip-build --filter 'WordPress'

# Installs the tools again only when their pinned versions change.
adversarial-tools: test-deps
	@if [ "$$(cat $(ADVERSARIAL_VENV)/tools 2>/dev/null)" != "$(ADVERSARIAL_TOOLS)" ]; then \
		rm -rf $(ADVERSARIAL_VENV) && python3 -m venv $(ADVERSARIAL_VENV) && \
		$(ADVERSARIAL_VENV)/bin/pip install -q --disable-pip-version-check $(ADVERSARIAL_TOOLS) && \
		echo "$(ADVERSARIAL_TOOLS)" > $(ADVERSARIAL_VENV)/tools; \
	fi

# The contract validated, then a real portal attacked from it (about two minutes); the
# end of make test, or alone.
adversarial: adversarial-tools
	$(SWIFT) build --product bientap-portal
	Scripts/adversarial .build/debug $(ADVERSARIAL_VENV)

bench: test-deps
	$(call ensure_packages,$(BENCH_PACKAGES))
	$(SWIFT) build -c release
	BIENTAP_WORDPRESS_POSTS=1000 Scripts/with-postgres Scripts/with-wordpress "$$($(SWIFT) build -c release --show-bin-path)/bientap-bench"
	Benchmarks/tui-startup "$$($(SWIFT) build -c release --show-bin-path)"
	Scripts/with-postgres Benchmarks/portal-load "$$($(SWIFT) build -c release --show-bin-path)"
	Benchmarks/public-pages "$$($(SWIFT) build -c release --show-bin-path)"

# The portal under load at a million submissions, SQLite and PostgreSQL, beside the framework's
# ceiling (Docs/performance.md); not in bench: seeding a million takes minutes.
bench-large: test-deps
	$(call ensure_packages,$(BENCH_PACKAGES))
	$(SWIFT) build -c release --product bientap-portal
	$(SWIFT) build -c release --product portal-ceiling
	Scripts/with-postgres Benchmarks/portal-load "$$($(SWIFT) build -c release --show-bin-path)" 1000000

# The default keymap is compiled into the client; regenerate after editing Keymaps/default.keymap.
keymaps:
	{ printf '// Generated from Keymaps/default.keymap by `make keymaps`; a test keeps the two equal.\nenum DefaultKeymap {\n    static let text = #"""\n'; \
	  cat Keymaps/default.keymap; printf '"""#\n}\n'; } > Sources/BienTapApp/DefaultKeymap.swift

clean:
	rm -rf .build
