#!/usr/bin/env bash
# Lints the distribution files (make distcheck): yamllint on action.yml, the workflows and the
# GitLab template; action-validator (npm, through npm's own registry configuration) on action.yml
# and the workflows against GitHub's schemas; shellcheck on every shell script in the repository.
# Also: the GitLab template's image tag is the project's version.
#   ci/lint.sh      (installs yamllint and shellcheck with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION_VALIDATOR=@action-validator/cli@0.6.0

missing=()
command -v yamllint >/dev/null || missing+=(yamllint)
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

yaml=(action.yml .github/workflows/*.yml ci/*.yml)
echo "yamllint: ${yaml[*]}"
yamllint --strict -c ci/yamllint.yml "${yaml[@]}"

echo "action-validator: action.yml .github/workflows/*.yml"
for file in action.yml .github/workflows/*.yml; do
    npm exec --yes --package="$ACTION_VALIDATOR" -- action-validator "$file"
done

# Every shell script: *.sh, and files whose first line runs a shell.
mapfile -t scripts < <(git ls-files --cached --others --exclude-standard |
    while IFS= read -r f; do
        [ -f "$f" ] || continue
        case $f in
            *.sh) echo "$f" ;;
            *) head -n 1 "$f" | grep -qE '^#!.*(/|env )(ba)?sh\b' && echo "$f" ;;
        esac
    done || true)
echo "shellcheck: ${#scripts[@]} scripts"
shellcheck -x "${scripts[@]}"

# The template names the image by the version it is released with.
version=$(sed -n 's/^project(zapros VERSION \([0-9][0-9.]*\).*/\1/p' CMakeLists.txt)
image=$(sed -n 's/^ *ZAPROS_IMAGE: *//p' ci/zapros.gitlab-ci.yml)
if [ "${image##*:}" != "$version" ]; then
    echo "lint: ci/zapros.gitlab-ci.yml uses $image, the project's version is $version"
    exit 1
fi
echo "lint: OK"
