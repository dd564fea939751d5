#!/usr/bin/env bash
# DESIGN.md: library types never cross a directory, and a stage includes only the stages before it.
# Fails, naming file and line, on an #include that breaks either rule.
set -u
src=${1:?usage: layering.sh SRC_DIR}
status=0

# Which directories each stage may include (its own is always allowed).
declare -A allowed=(
  [base]=""
  [request]="base"
  [text]="base"
  [image]="base"
  [records]="base request"
  [compose]="base request text image"
  [para]="base compose text"
  [flow]="base compose para text"
  [page]="base compose flow para text"
  [output]="base compose page para text image"
  [mail]="base"
  [cli]="base request text image compose para flow page output records mail"
)
# Which third-party headers a stage may include.
declare -A libraries=(
  [request]="yaml-cpp cmark"
  [text]="hyphen.h"
  [image]="png.h jpeglib.h jerror.h zlib.h libdeflate.h"
  [output]="hpdf libdeflate.h"
)

for stage in "${!allowed[@]}"; do
  dir="$src/$stage"
  [ -d "$dir" ] || continue
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; inc=${rest#*:}
    target=$(sed -E 's/^\s*#\s*include\s*[<"]([^>"]+)[>"].*/\1/' <<<"$inc")
    top=${target%%/*}
    if [ -d "$src/$top" ] && [ "$top" != "$target" ]; then
      [ "$top" = "$stage" ] && continue
      if [[ " ${allowed[$stage]} " != *" $top "* ]]; then
        echo "$file:$line: error: stage '$stage' may not include '$target'"; status=1
      fi
      continue
    fi
    for lib in yaml-cpp cmark hyphen.h hpdf png.h jpeglib.h jerror.h libdeflate.h; do
      if [[ "$target" == $lib* ]] && [[ " ${libraries[$stage]:-} " != *" $lib "* ]]; then
        echo "$file:$line: error: '$target' belongs to another stage's library"; status=1
      fi
    done
  done < <(grep -n -H -E '^\s*#\s*include' -r "$dir")
done
[ $status -eq 0 ] && echo "layering: ok"
exit $status
