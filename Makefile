# zapros — two commands set everything up on a fresh Debian 12 machine:
#   make        install what is missing, build build/zapros, render requests/*.md → build/pdf/*.pdf
#   make test   the same set-up, then build and run every test through ctest
# Also: make sanitize (the tests under ASan + UBSan), make fuzz FUZZ_SECONDS=N (libFuzzer and
# the layout property test),
# make mutate (mutation testing: each change of tests/mutate/mutations.txt must fail a fast test),
# make install PREFIX=/usr/local DESTDIR=…, make package (the .deb), make dist (the release tarball),
# make distcheck (both installed and used in fresh Debian 12 chroots; root), make quality (line quality beside xelatex),
# make bench (speed and memory, beside the anchors installed; make bench-anchors installs them).
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local

# The PDF/A-2u and PDF/UA-1 checks (tests/pdf): PDFBox Preflight (libpdfbox2-java, which runs only
# with libactivation-java and libjaxb-api-java, on a JRE); xmllint for the XMP; node for pdf.js (Debian 12's nodejs is 18, which the pinned
# pdfjs-dist 4.8.69 supports) and npm to fetch pdfjs-dist, from Debian only where no npm is
# installed (NodeSource's nodejs brings its own, and Debian's npm would not install beside it).
PDF_CHECK_PACKAGES := libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless libxml2-utils \
            nodejs $(if $(shell command -v npm),,npm)

# Debian 12 packages: build tools, the four libraries and libdeflate (output/ compresses), Catch2 v2,
# and for the end-to-end tests poppler (pdftotext), qpdf and mupdf (each must read our PDFs
# without a warning); the e-mail drafts are read back by Python's email package and by mu
# (maildir-utils: mu view and mu extract read a file, with no database or home directory); the
# PDF/A tests read the XMP back with exempi (Adobe's XMP Core) and xmllint.
PACKAGES := cmake g++ make libdeflate-dev libpng-dev libjpeg62-turbo-dev zlib1g-dev libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libhpdf-dev \
            libhyphen-dev catch2 poppler-utils qpdf mupdf-tools python3 maildir-utils exempi libxml2-utils \
            $(PDF_CHECK_PACKAGES)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The fuzzers need clang and its runtime (libFuzzer, the sanitizers).
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
# The benchmarks need Google Benchmark, Python, gnuplot for the growth plot, GNU time, and
# valgrind for instruction counts, poppler and cjpeg for the scans of bench/images.py.
BENCH_PACKAGES := libbenchmark-dev zlib1g-dev python3 gnuplot-nox time valgrind poppler-utils libjpeg-turbo-progs
BENCH_RUNS ?= 11
# Mutation testing runs in Python, builds with Ninja and links with lld (the test binary in
# 0.45 s, ld.bfd takes 1.11 s), once per mutation.
MUTATE_PACKAGES := python3 ninja-build lld
# make package and make dist: dpkg-shlibdeps (the .deb's Depends), lintian, patchelf (the
# tarball's libhpdf finds its libraries beside it), xz; make distcheck: mmdebstrap for the chroots.
PACKAGE_PACKAGES := dpkg-dev lintian patchelf xz-utils binutils
DISTCHECK_PACKAGES := mmdebstrap
VERSION := $(shell awk '/^project/ { print $$3; exit }' CMakeLists.txt)
# The release build (packaging/release.cmake) and its timestamp: the last commit's time, so two
# builds of one commit give the same bytes.
RELEASE ?= $(BUILD)/release
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
DEB := $(BUILD)/zapros_$(VERSION)_amd64.deb
TARBALL := $(BUILD)/zapros-$(VERSION)-linux-x86_64.tar.xz

# Each PDF depends on its request and, through the depfile zapros writes beside it (-MD), on
# every other file it was made from: images, fonts, hyphenation dictionaries. So touching one
# request rebuilds one PDF, touching a font rebuilds all, and nothing changed runs nothing.
# A request split into copies (split: true) writes NAME--SLUG.pdf beside NAME.pdf, all of them
# targets of the depfile, so they are rebuilt with it; zapros removes a copy the old depfile lists
# that is no longer written (an addressee removed).
REQUESTS_DIR ?= requests
PDF_DIR ?= $(BUILD)/pdf
ZAPROS ?= $(BUILD)/zapros
REQUESTS := $(wildcard $(REQUESTS_DIR)/*.md)
PDFS := $(patsubst $(REQUESTS_DIR)/%.md,$(PDF_DIR)/%.pdf,$(REQUESTS))
SOURCES := $(shell find src -name '*.cpp' -o -name '*.hpp') CMakeLists.txt

.PHONY: all test deps clean install quality sanitize fuzz mutate bench bench-anchors readme-images \
        release package dist distcheck

all: $(PDFS)

# Installs the Debian packages that are missing; nothing when all are there.
define install_missing
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# Checks the packages once; `make deps` checks again.
$(BUILD)/deps.stamp: Makefile
	$(call install_missing,$(PACKAGES))
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

$(PDF_DIR)/%.pdf: $(REQUESTS_DIR)/%.md $(ZAPROS)
	@mkdir -p $(@D)
	$(ZAPROS) render $< -o $@ -MD

# The showcase's pages in README.md, at 60 dpi (pdftoppm is in PACKAGES).
readme-images: $(PDF_DIR)/example-full-ru.pdf
	@mkdir -p docs
	pdftoppm -r 60 -png $< docs/example-full-ru

-include $(wildcard $(PDF_DIR)/*.pdf.d)

test: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The binary in PREFIX/bin, fonts, dictionaries and schema in PREFIX/share/zapros (where the
# installed binary looks), the manual in PREFIX/share/man/man1.
install: $(BUILD)/zapros
	DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX) --strip

# The release build: /usr prefix (the compiled-in data directory is /usr/share/zapros), no tests,
# no build paths in the binary, the tarball's RUNPATH in the build tree's binary.
release: $(BUILD)/deps.stamp
	$(call install_missing,$(PACKAGE_PACKAGES))
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DZAPROS_TESTS=OFF -DZAPROS_RELEASE=ON \
	    -DCMAKE_INSTALL_PREFIX=/usr
	cmake --build $(RELEASE) -j$(JOBS)

# $(DEB): CPack (packaging/package.cmake), then lintian (tags overridden in packaging/lintian-overrides).
package: release
	cd $(RELEASE) && SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) cpack -G DEB
	cp $(RELEASE)/zapros_$(VERSION)_amd64.deb $(DEB)
	lintian --info --fail-on error,warning $(DEB)
	@echo "$(DEB): $$(stat -c %s $(DEB)) bytes"

# $(TARBALL): the binary with its data and libharu (packaging/dist.sh prints the glibc floor).
dist: release
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) packaging/dist.sh $(RELEASE) $(BUILD) $(VERSION)

# The distribution (issue 17; root, mmdebstrap): the .deb and the tarball installed and used in
# fresh Debian 12 chroots, lintian, two builds compared; the action's script on this machine and
# in a chroot; the image's final stage built as a chroot tree; the lint of the YAML and scripts.
distcheck: package dist $(BUILD)/zapros
	$(call install_missing,$(DISTCHECK_PACKAGES))
	packaging/test-deb.sh $(DEB) $(TARBALL)
	ci/test-action.sh $(BUILD)
	packaging/test-image-tree.sh $(BUILD)
	ci/lint.sh

quality: $(BUILD)/zapros
	bench/quality.sh

# Every test again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: $(BUILD)/deps.stamp
	cmake -S . -B $(BUILD)-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZAPROS_SANITIZE=ON
	cmake --build $(BUILD)-sanitize -j$(JOBS)
	cd $(BUILD)-sanitize && ctest --output-on-failure -j$(JOBS)

# libFuzzer on stage 1, on the whole pipeline, on a font, on a hyphenation dictionary and on an image,
# FUZZ_SECONDS each, then the layout property test on fresh seeds for FUZZ_SECONDS (fuzz/run.sh).
# The property test reads PDFs from outside, so it runs the plain zapros of $(BUILD): only that
# binary and zapros_property are built there, usually already up to date after make test.
fuzz: $(BUILD)/CMakeCache.txt
	$(call install_missing,$(FUZZ_PACKAGES))
	CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZAPROS_FUZZ=ON -DZAPROS_TESTS=OFF
	cmake --build $(BUILD)-fuzz -j$(JOBS) --target request_fuzzer pipeline_fuzzer font_fuzzer dictionary_fuzzer \
	    image_fuzzer image_seeds
	cmake --build $(BUILD) -j$(JOBS) --target zapros zapros_property
	fuzz/run.sh $(BUILD)-fuzz $(FUZZ_SECONDS) $(BUILD)

# Mutation testing (issue 15): each mutation of tests/mutate/mutations.txt applied alone to a copy
# of src/ in $(BUILD)-mutate (the working tree is only read), rebuilt there incrementally at -O1,
# and the fast tests (zapros_tests '~[e2e]') run against it. Fails when a mutation survives, when
# its snippet is no longer in its file exactly once, or when it does not compile.
mutate: $(BUILD)/deps.stamp
	$(call install_missing,$(MUTATE_PACKAGES))
	python3 tests/mutate/run.py --build $(BUILD)-mutate --jobs $(JOBS)

# Speed and memory (issue 7): the hot stages one by one (Google Benchmark), then whole
# processes: zapros beside pandoc + xelatex, WeasyPrint and Typst where installed, growth from
# 10 to 1,000 pages (CSV and plot in $(BUILD)/bench), 100 requests as a CI builds them, and
# zapros watch's time from a save to the new PDF (beside Typst's watch mode where installed).
bench: $(BUILD)/zapros
	$(call install_missing,$(BENCH_PACKAGES))
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DZAPROS_BENCH=ON -DZAPROS_TESTS=OFF
	cmake --build $(BUILD)-bench -j$(JOBS) --target stages_bench
	$(BUILD)-bench/bench/stages_bench --benchmark_min_time=0.2
	python3 bench/compare.py --runs $(BENCH_RUNS) --zapros $(ZAPROS)
	python3 bench/standards.py --runs 21 --zapros $(ZAPROS)
	python3 bench/growth.py --instructions --out $(BUILD)/bench --zapros $(ZAPROS)
	python3 bench/batch.py --runs 5 --zapros $(ZAPROS)
	python3 bench/images.py --runs 21 --zapros $(ZAPROS)
	python3 bench/watch.py --saves 21 --zapros $(ZAPROS)
	ZAPROS=$(ZAPROS) bench/profile.sh

bench-anchors:
	bench/install-anchors.sh

clean:
	rm -rf $(BUILD) $(BUILD)-sanitize $(BUILD)-fuzz $(BUILD)-bench $(BUILD)-mutate
