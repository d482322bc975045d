# TraceStation — the two commands a newcomer needs are `make demo` and `make test`.
# Both install the Debian packages the build needs first (`make deps`).

SWIFT ?= swift
PYTHON ?= python3
DEB_PACKAGES := libzbar-dev libqrencode-dev libpng-dev libjpeg-dev zlib1g-dev libfreetype-dev \
                fonts-wqy-microhei libsqlite3-dev libzxing-dev pkg-config chromium-headless-shell postgresql openssl
# What `make bench` needs besides: gcc for the C probes, the sqlite3 shell for the ledger baseline.
BENCH_PACKAGES := gcc sqlite3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The C lower-bound probes `make bench` compares against, when this checkout sits beside them.
ANCHORS ?= $(wildcard ../shared/bench/anchors)

.PHONY: deps install-missing build demo test bench benchmarks clean

## deps: install the missing Debian packages (refreshing the package lists first) and the Python
## modules the JSON Schema tests use; nothing when all are present
# Debian's own python3 refuses a plain pip install (PEP 668); a user install is the fallback.
deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(DEB_PACKAGES)"
	@$(PYTHON) -c 'import jsonschema, rfc3339_validator, rfc3986_validator' 2>/dev/null || \
	  $(PYTHON) -m pip install --quiet jsonschema rfc3339-validator rfc3986-validator || \
	  $(PYTHON) -m pip install --quiet --user --break-system-packages jsonschema rfc3339-validator rfc3986-validator

install-missing:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

## demo: run a line on a virtual printer: 500 labels printed, verified, a fault recovered, reconciled, reported under ./out
demo: deps
	$(SWIFT) build -c release --product tracestation
	.build/release/tracestation demo --out out

## test: build and run every test; the ledger's run against SQLite and a private PostgreSQL server,
## started for the run and stopped after it, pass or fail (scripts/postgres-test-server.sh)
test: deps
	$(SWIFT) build --build-tests
	scripts/postgres-test-server.sh run $(SWIFT) test --skip-build

## bench: the station's own timings beside the in-process C lower bounds, as ratios
bench: deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(BENCH_PACKAGES)"
	@# The camera-frame step makes its frame with the anchors' generator and times zxing-cpp beside the station.
	@$(PYTHON) -c 'import numpy, PIL, zxingcpp' 2>/dev/null || \
	  $(PYTHON) -m pip install --quiet numpy pillow zxing-cpp || \
	  $(PYTHON) -m pip install --quiet --user --break-system-packages numpy pillow zxing-cpp
	$(SWIFT) build -c release --product tracestation
	scripts/postgres-test-server.sh run .build/release/tracestation bench $(if $(ANCHORS),--anchors $(ANCHORS)) --ledger-codes 1000000 --plant-codes 1000000

## benchmarks: the statistical suite in Benchmarks/ (ordo-one/benchmark)
benchmarks: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-directory .benchmarkBaselines benchmark

clean:
	rm -rf .build out
