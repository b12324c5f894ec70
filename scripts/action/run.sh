#!/usr/bin/env bash
# Step 2 of action.yml: runs emr-spark-lint on the workspace, writes SARIF for code scanning and prints the findings.
# Inputs (INPUT_*, from action.yml): FILES (git pathspecs, space or newline separated; default: every tracked or
# new, not ignored .json, .jsonc, .yaml, .yml, .conf and .properties file), FORMAT (text, json or sarif, for the
# log), RELEASE, INSTANCE_TYPE, INSTANCE_COUNT, SARIF_FILE. Outputs: sarif-file, exit-code.
# Exit status: the CLI's: 0 no error finding, 1 an error finding, 2 a usage error or a file that cannot be read.
# Files that are not EMR or Spark configurations are skipped, also when no file is left (--skip-unrecognized).
set -uo pipefail
cd "$GITHUB_WORKSPACE"

options=(--skip-unrecognized)
[ -n "${INPUT_RELEASE:-}" ] && options+=(--release "$INPUT_RELEASE")
[ -n "${INPUT_INSTANCE_TYPE:-}" ] && options+=(--instance-type "$INPUT_INSTANCE_TYPE")
[ -n "${INPUT_INSTANCE_COUNT:-}" ] && options+=(--instance-count "$INPUT_INSTANCE_COUNT")
format="${INPUT_FORMAT:-text}"
sarif_file="${INPUT_SARIF_FILE:-emr-spark-lint.sarif}"

# Pathspecs are expanded by git, never by the shell.
set -f
read -r -d '' -a pathspecs <<<"${INPUT_FILES:-}"
set +f
[ ${#pathspecs[@]} -eq 0 ] && pathspecs=('*.json' '*.jsonc' '*.yaml' '*.yml' '*.conf' '*.properties')

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -d '' files < <(git ls-files -z --cached --others --exclude-standard -- "${pathspecs[@]}")
else
  files=("${pathspecs[@]}")
fi

if [ ${#files[@]} -eq 0 ]; then
  echo "::warning::emr-spark-lint: no file matches ${pathspecs[*]}"
  printf 'sarif-file=\nexit-code=0\n' >>"$GITHUB_OUTPUT"
  exit 0
fi

mkdir -p "$(dirname "$sarif_file")"
emr-spark-lint check "${options[@]}" --format sarif -- "${files[@]}" >"$sarif_file"
status=$?
if [ "$status" -le 1 ]; then
  if [ "$format" = sarif ]; then
    cat "$sarif_file"
  else
    emr-spark-lint check "${options[@]}" --format "$format" -- "${files[@]}"
    status=$?
  fi
  written="$sarif_file"
else
  rm -f "$sarif_file"
  written=""
fi
printf 'sarif-file=%s\nexit-code=%s\n' "$written" "$status" >>"$GITHUB_OUTPUT"
exit "$status"
