# zapros — two commands set everything up on a fresh Debian 12 machine:
#   make        install what is missing, build build/zapros, render requests/*.md → build/pdf/*.pdf
#   make test   the same set-up, then build and run every test through ctest
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian 12 packages: build tools, the four libraries, Catch2 v2, and for the end-to-end tests
# poppler (pdftotext), qpdf and mupdf (each must read our PDFs without a warning).
PACKAGES := cmake g++ make libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libhpdf-dev \
            libhyphen-dev catch2 poppler-utils qpdf mupdf-tools
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

REQUESTS := $(wildcard requests/*.md)
PDFS := $(patsubst requests/%.md,$(BUILD)/pdf/%.pdf,$(REQUESTS))
SOURCES := $(shell find src -name '*.cpp' -o -name '*.hpp') CMakeLists.txt

.PHONY: all test deps clean

all: $(PDFS)

# Installs missing packages once; `make deps` checks again.
$(BUILD)/deps.stamp: Makefile
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(BUILD) && touch $@

deps:
	@rm -f $(BUILD)/deps.stamp
	@$(MAKE) --no-print-directory $(BUILD)/deps.stamp

$(BUILD)/CMakeCache.txt: $(BUILD)/deps.stamp CMakeLists.txt tests/CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	@touch $@

$(BUILD)/zapros: $(BUILD)/CMakeCache.txt $(SOURCES)
	cmake --build $(BUILD) --target zapros -j$(JOBS)
	@touch $@

$(BUILD)/pdf/%.pdf: requests/%.md $(BUILD)/zapros
	@mkdir -p $(@D)
	$(BUILD)/zapros render $< -o $@

test: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD)
