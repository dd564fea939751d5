// The files of a starter requests repository (zapros init), kept in the binary so that an
// installed zapros needs no template directory: one place, no lookup that can fail.
#include <string>

#include "cli/starter.hpp"

namespace zapros::cli {

namespace {

// {repository}: ZAPROS_REPOSITORY.
const char* const makefile = R"file(# Renders requests/*.md to build/pdf/*.pdf with zapros (https://github.com/{repository}).
#   make              every PDF that is missing or older than a file it was made from
#   make check        checks every request, writes nothing (exit status 1 on an error)
#   make clean        removes build/
#   make ZAPROS=PATH  runs another zapros than the one on PATH
# GNU make (4.3 and later). File names with spaces are not supported: make splits names at
# spaces, so name requests without them (first-request.md, not "first request.md").

ZAPROS ?= zapros
REQUESTS := $(wildcard requests/*.md)
PDFS := $(patsubst requests/%.md,build/pdf/%.pdf,$(REQUESTS))

.PHONY: all check clean FORCE

all: $(PDFS)

# -MD writes build/pdf/NAME.pdf.d, the files the PDF was made from (the request, its images, the
# fonts and dictionaries), which make reads below: a change to any of them rebuilds the PDF, and
# nothing changed rebuilds nothing. A zapros of another version rebuilds every PDF.
# A request with split: true also writes build/pdf/NAME--SLUG.pdf per addressee, rebuilt with it;
# when an addressee is removed, zapros removes its copy (the depfile lists what it wrote).
build/pdf/%.pdf: requests/%.md build/zapros.version
	@mkdir -p $(@D)
	$(ZAPROS) render $< -o $@ -MD

# zapros's version, rewritten only when it differs, so that its time changes only then.
build/zapros.version: FORCE
	@mkdir -p $(@D)
	@v="$$($(ZAPROS) --version)" && { [ "$$v" = "$$(cat $@ 2>/dev/null)" ] || echo "$$v" > $@; }

check:
	$(if $(REQUESTS),$(ZAPROS) check $(REQUESTS),@echo "no requests/*.md to check")

clean:
	rm -rf build

-include $(wildcard build/pdf/*.pdf.d)
)file";

// {repository}: ZAPROS_REPOSITORY. The action's major tag: v1 follows every 1.x release.
const char* const github_workflow = R"file(# Renders requests/*.md with zapros on every push and pull request: a mistake in a request is
# an annotation on its line, and the run's summary lists every PDF.
name: requests
on:
  push:
  pull_request:
jobs:
  pdf:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {repository}@v1
        with:
          files: requests/*.md
)file";

// {repository}, {version}: the template of the release this zapros is, at its tag.
const char* const gitlab_ci = R"file(# Renders requests/*.md with zapros in every pipeline: the PDFs as artifacts, mistakes in the
# merge request's Code Quality report. The template defines the job `zapros`; to change it, add
# a job of that name here (GitLab merges it into the template's).
include:
  - remote: https://raw.githubusercontent.com/{repository}/v{version}/ci/zapros.gitlab-ci.yml
)file";

const char* const gitignore = "build/\n";

// The Red Hat YAML extension maps a schema to files by this setting or by the modeline each
// request starts with; today it reads neither in a Markdown file's front matter
// (redhat-developer/vscode-yaml#207, open): the README says so. The setting is written all the
// same, for the editors and versions that do.
const char* const vscode_settings = R"file({
  "yaml.schemas": {
    "./schema/request.schema.json": ["requests/*.md"]
  }
}
)file";

const char* const marker = "# zapros: this directory is a requests repository (zapros new writes $schema lines relative to it)\n";

std::string filled(std::string text, std::string_view repository, std::string_view version) {
    for (std::size_t at; (at = text.find("{repository}")) != std::string::npos;) text.replace(at, 12, repository);
    for (std::size_t at; (at = text.find("{version}")) != std::string::npos;) text.replace(at, 9, version);
    return text;
}

}  // namespace

std::vector<StarterFile> starter_files(const std::string& lang, std::string_view repository, std::string_view version) {
    auto fill = [&](std::string text) { return filled(std::move(text), repository, version); };
    return {
        {std::string(starter_request), request_template(lang, "../" + std::string(repository_schema))},
        {"Makefile", fill(makefile)},
        {".github/workflows/requests.yml", fill(github_workflow)},
        {".gitlab-ci.yml", fill(gitlab_ci)},
        {".gitignore", gitignore},
        {".vscode/settings.json", vscode_settings},
        {std::string(repository_marker), marker},
    };
}

}  // namespace zapros::cli
